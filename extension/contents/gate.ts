/// <reference types="chrome" />
/**
 * The gate: the only script that runs on every page of a granted portal (not on sites switched
 * off: the background leaves them out of its registration). It takes a cheap look (title, a few
 * selectors) at once, reading no setting, and asks for the lens only when the page may be a
 * report, a column list or a page with report attachments. Otherwise it sends nothing: it leaves
 * its answer in this isolated world (`noteGate`), where the popup reads it when opened, so an
 * ordinary page costs no message. `document.URL` rather than `location`: one interface fewer to
 * set up in the gate's fresh world (same URL in a top frame).
 */
import type { PlasmoCSConfig } from 'plasmo';
import { noteGate } from '../lib/gate-mark';
import { listPageUrl, quickLook } from '../lib/quick-detect';

// Declared for a host that never exists: the background registers this file for granted portals.
export const config: PlasmoCSConfig = { matches: ['https://gongkai-lens.invalid/*'], run_at: 'document_idle' };

if (window.top === window) {
  const look = () => quickLook(document, document.URL);
  const activate = () => { noteGate('asked'); void chrome.runtime.sendMessage({ type: 'activate' }); };
  if (look()) activate();
  else if (listPageUrl(document.URL)) {
    // List pages filled by script after load (Hanweb's data proxy): one more look, once.
    noteGate('waiting');
    setTimeout(() => { if (look()) activate(); else noteGate('none'); }, 1500);
  } else noteGate('none');
}
