import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../extension/lib/verdict.ts';
import type { PageCheck } from '../../extension/lib/check-page.ts';

const url = 'http://www.example.gov.cn/a.htm';

describe('popup verdict line', () => {
  it('a checked report: counts and score in both languages', () => {
    const check = {
      ok: true, ms: 1, comparison: null,
      report: { title: 't', agency: '某局', year: 2020 },
      result: { findings: [{ severity: 'error' }, { severity: 'warning' }, { severity: 'warning' }], outcomes: [], score: { value: 80, deductions: [] } },
    } as unknown as PageCheck;
    const v = verdictOf(check, null, 0, url);
    expect(v).toMatchObject({ kind: 'report', agency: '某局', year: 2020, summary: { errors: 1, warnings: 2, infos: 0, score: 80 } });
    expect(v.line.zh).toBe('错误 1 · 警告 2 · 评分 80');
    expect(v.line.en).toBe('1 errors · 2 warnings · score 80');
  });

  it('a column, an unreadable page, attachments only, nothing', () => {
    const column = { name: '工作动态', category: 'dynamic', count: 8, pages: null, newest: '2024-01-01', ageDays: 3, limitDays: 14, freshness: 'fresh' } as const;
    expect(verdictOf(null, column, 0, url).line.zh).toBe('栏目 8 条，最新 2024-01-01');
    const failed = { ok: false, reason: 'empty', message: { zh: '文档没有文字内容。', en: 'The document has no text.' }, ms: 1 } as PageCheck;
    expect(verdictOf(failed, null, 0, url)).toMatchObject({ kind: 'not-report', line: { en: 'not readable: The document has no text.' } });
    expect(verdictOf(null, null, 2, url)).toMatchObject({ kind: 'attachments', line: { zh: '2 个附件' } });
    expect(verdictOf(null, null, 0, url)).toMatchObject({ kind: 'not-report', line: { zh: '此页不是年度报告、公开栏目或报告附件，无需检查。', en: 'No annual report, disclosure column or report attachment on this page: nothing to check.' } });
  });
});

describe('popup verdict of a page over the size limits', () => {
  it('says it was not checked, and why', () => {
    const url = 'http://www.example.gov.cn/zwgk/t20210131_1.htm';
    const v = verdictOf({ ok: false, reason: 'too-big', message: { zh: '页面过大，未检查（表格超过 3000 个单元格）', en: 'page too large, not checked (tables over 3000 cells)' }, ms: 3 }, null, 0, url);
    expect(v).toMatchObject({ kind: 'too-big', line: { zh: '页面过大，未检查（表格超过 3000 个单元格）。可用命令行检查。' } });
  });
});
