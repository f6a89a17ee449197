/**
 * Making tasks: the priority of each kind (home first, attachments and search results last), a task
 * found on another task's page (same portal, one hop deeper), and the task a seed URL starts as.
 */
import { checkUrl } from '../fetch/errors.js';
import { columnKey } from '../discover/urls.js';
import type { Mode, NewTask, NewTaskOf, Task, TaskKind } from '../store/types.js';

/** Lower runs first: a portal's structure before its lists, lists before reports. */
export const PRIORITY: Record<TaskKind, number> = { home: 0, section: 1, column: 2, report: 3, attachment: 4, search: 3 };

type MetaOf<K extends TaskKind> = Omit<NewTaskOf<K>['meta'], 'portal'>;

/** A task found on `from`'s page: same portal, one hop deeper. */
export function childTask<K extends TaskKind>(from: Task, kind: K, url: string, meta: MetaOf<K>, mode: Mode = 'http'): NewTaskOf<K> {
  return { url, mode, kind, priority: PRIORITY[kind], depth: from.depth + 1, meta: { portal: from.meta.portal, ...meta } } as unknown as NewTaskOf<K>;
}

/** The same page again in Chromium (its lists are built by script): same depth. */
export function inBrowser<K extends TaskKind>(t: TaskOf<K>, meta: MetaOf<K>): NewTaskOf<K> {
  return { ...childTask(t, t.kind as K, t.url, meta, 'browser'), depth: t.depth };
}
type TaskOf<K extends TaskKind> = Extract<Task, { kind: K }>;

/** The kind of a seed URL: a home page ("/", index.html) or a column/section page. */
export function seedTask(url: string): NewTask {
  const u = checkUrl(url);
  const isHome = /^\/(index\.s?html?)?$/i.test(u.pathname) && !u.search;
  const portal = u.host;
  return isHome
    ? { url: u.href, mode: 'http', kind: 'home', priority: 0, depth: 0, meta: { portal } }
    : { url: u.href, mode: 'http', kind: 'column', priority: 2, depth: 0,
      meta: { portal, column: { key: columnKey(u.href), name: decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? u.href), parentKey: null, page: 0, isReports: /zfxxgknb|nb\/|ndbg/i.test(u.pathname) } } };
}
