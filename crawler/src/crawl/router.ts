/**
 * The router: one route per task kind (routes/). A route is pure over the task and the fetched page;
 * the crawl loop stores its result with the fetch facts in one transaction.
 */
import type { Task, TaskKind, TaskOf } from '../store/types.js';
import type { Page, RouteConfig, RouteResult } from './routes/common.js';
import { homeRoute } from './routes/home.js';
import { sectionRoute } from './routes/section.js';
import { columnRoute } from './routes/column.js';
import { reportRoute } from './routes/report.js';
import { attachmentRoute } from './routes/attachment.js';
import { searchRoute } from './routes/search.js';

export type { Page, RouteConfig, RouteResult };

type Route<K extends TaskKind> = (t: TaskOf<K>, page: Page, cfg: RouteConfig) => RouteResult | Promise<RouteResult>;

/** What each kind of page means for the crawl. */
export const ROUTES: { [K in TaskKind]: Route<K> } = {
  home: homeRoute,
  section: sectionRoute,
  column: columnRoute,
  report: reportRoute,
  attachment: attachmentRoute,
  search: searchRoute,
};

/** The result of the task's route on its fetched page. */
export async function route(t: Task, page: Page, cfg: RouteConfig): Promise<RouteResult> {
  return (ROUTES[t.kind] as Route<TaskKind>)(t as TaskOf<TaskKind>, page, cfg);
}
