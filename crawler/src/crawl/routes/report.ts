/** A report (an item of the 年报 column or a site-search result): stored and parsed; an article's attachments become tasks. */
import type { ReportTask } from '../../store/types.js';
import type { Page, RouteConfig, RouteResult } from './common.js';
import { documentResult } from './document.js';

export const reportRoute = (t: ReportTask, page: Page, cfg: RouteConfig): Promise<RouteResult> => documentResult(t, page, cfg, true);
