/** Fields that more than one export table has: a column snapshot's and a portal verdict's. */
import type { PortalVerdict } from '@gongkai/shared';
import type { ColumnSnapshot } from '../store/types.js';
import { freshness } from '../columns/verdict.js';
import type { CellValue, Column } from './sheet.js';

export type Field<T> = Column & { get(x: T): CellValue };

/** A column snapshot: name, category, parent, status, items, newest, oldest, freshness as of `day`. */
export function snapshotFields<T>(col: (x: T) => ColumnSnapshot, day: (x: T) => string): Field<T>[] {
  return [
    { key: 'column', zh: '栏目', type: 'text', get: (x) => col(x).name },
    { key: 'category', zh: '类别', type: 'text', get: (x) => col(x).category },
    { key: 'parent', zh: '上级栏目', type: 'bool', get: (x) => col(x).isParent },
    { key: 'status', zh: '状态', type: 'text', get: (x) => col(x).status },
    { key: 'items', zh: '条目数', type: 'int', get: (x) => col(x).itemCount },
    { key: 'newest', zh: '最新日期', type: 'date', get: (x) => col(x).newest },
    { key: 'oldest', zh: '最早日期', type: 'date', get: (x) => col(x).oldest },
    { key: 'freshness', zh: '更新情况', type: 'text', get: (x) => (col(x).isParent ? null : freshness(col(x), day(x))) },
  ];
}

/** A portal verdict's outcome: judged, passed (empty when not judged), fault. */
export function verdictFields<T>(v: (x: T) => PortalVerdict): Field<T>[] {
  return [
    { key: 'judged', zh: '已检查', type: 'bool', get: (x) => v(x).judged },
    { key: 'passed', zh: '通过', type: 'bool', get: (x) => (v(x).judged ? v(x).passed : null) },
    { key: 'fault', zh: '故障', type: 'text', get: (x) => v(x).fault },
  ];
}

/** Per check-list rule any of `verdicts` has: `<rule>.failed` and `<rule>.count`. */
export function ruleFields<T>(v: (x: T) => PortalVerdict, verdicts: readonly PortalVerdict[]): Field<T>[] {
  const ids = [...new Set(verdicts.flatMap((p) => p.rules.map((r) => r.id)))].sort();
  const rule = (x: T, id: string) => v(x).rules.find((r) => r.id === id);
  return ids.flatMap((id): Field<T>[] => [
    { key: `${id}.failed`, zh: `${id}·未通过`, type: 'bool', get: (x) => rule(x, id)?.failed ?? null },
    { key: `${id}.count`, zh: `${id}·数量`, type: 'int', get: (x) => rule(x, id)?.count ?? null },
  ]);
}
