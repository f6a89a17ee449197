/// <reference types="chrome" />
/**
 * The gate: the only script that runs on every page of a granted portal (not on sites switched
 * off: the background leaves them out of its registration). It takes a cheap look (title, a few
 * selectors) at once, reading no setting, and asks for the lens only when the page may be a
 * report, a column list or a page with report attachments. `document.URL` rather than `location`:
 * one interface fewer to set up in the gate's fresh world (same URL in a top frame).
 */
import type { PlasmoCSConfig } from 'plasmo';
import { listPageUrl, quickLook } from '../lib/quick-detect';

// Declared for a host that never exists: the background registers this file for granted portals.
export const config: PlasmoCSConfig = { matches: ['https://gongkai-lens.invalid/*'], run_at: 'document_idle' };

if (window.top === window) {
  const look = () => quickLook(document, document.URL);
  const activate = () => void chrome.runtime.sendMessage({ type: 'activate' });
  // Nothing of ours here: said once, so the popup can tell "not a report" from "not checked".
  const none = () => void chrome.runtime.sendMessage({ type: 'gate:none' });
  if (look()) activate();
  // List pages filled by script after load (Hanweb's data proxy): one more look, once.
  else if (listPageUrl(document.URL)) setTimeout(() => { if (look()) activate(); else none(); }, 1500);
  else none();
}
