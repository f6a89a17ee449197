/** An attachment of a report article (PDF, DOC, DOCX …): stored and parsed, linking nothing further. */
import type { AttachmentTask } from '../../store/types.js';
import type { Page, RouteConfig, RouteResult } from './common.js';
import { documentResult } from './document.js';

export const attachmentRoute = (t: AttachmentTask, page: Page, cfg: RouteConfig): Promise<RouteResult> => documentResult(t, page, cfg, false);
