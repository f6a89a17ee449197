/// <reference types="chrome" />
/**
 * Service worker: registers the gate for granted portals, injects the lens into pages the gate
 * picked, parses and checks the copy of a page the lens sends (off the page's main thread), keeps
 * the history (Dexie) and the per-tab verdict for the popup, and hands PDF attachments of the
 * sender's own origin to the offscreen document that checks them. Makes no network request itself.
 */
import { Report } from '@gongkai/shared/browser';
import { agencyEntries, getDb, putEntry, scoresFor } from './lib/db';
import { siteOf, type HistoryEntry } from './lib/history-model';
import type { BadgeState } from './lib/attachments';
import { sameOrigin } from './lib/same-origin';
import { fromExtensionPage } from './lib/sender';
import { analyzeSnapshot } from './lib/analyze-page';
import { likelyReportText } from './lib/check-page';
import { LENS_FILE, OFFSCREEN_PAGE, TOOLS_FILE, WELCOME_PAGE, type Message, type OffscreenMessage, type TabVerdict } from './lib/messages';
import { syncGateRegistration } from './lib/registration';
import { DISABLED_KEY, isDisabled } from './lib/sites';
import { checkingVerdict } from './lib/verdict';

// Tests read the store through the service worker.
(globalThis as unknown as { lensDb: unknown }).lensDb = getDb();

// Serialized: install, start-up and permission events may arrive together.
let syncing: Promise<unknown> = Promise.resolve();
const sync = () => { syncing = syncing.then(syncGateRegistration).catch((e) => console.warn('gate registration', e)); };
(globalThis as unknown as { lensReady: () => Promise<unknown> }).lensReady = () => syncing;
sync();
chrome.runtime.onInstalled.addListener((details) => {
  sync();
  if (details.reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL(WELCOME_PAGE) });
});
chrome.runtime.onStartup.addListener(sync);
chrome.permissions.onAdded.addListener(sync);
chrome.permissions.onRemoved.addListener(sync);
// The kill-switch: switched-off sites are left out of the gate's registration.
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'local' && changes[DISABLED_KEY]) sync(); });

/** The sender's site is switched off (also for origins the registration cannot leave out, and in the moment before it is updated). */
async function switchedOff(sender: chrome.runtime.MessageSender): Promise<boolean> {
  const site = senderSite(sender);
  if (!site) return false;
  return isDisabled((await chrome.storage.local.get(DISABLED_KEY))[DISABLED_KEY], site);
}

const verdictKey = (tabId: number) => `verdict:${tabId}`;
const setVerdict = (tabId: number, v: TabVerdict) => chrome.storage.session.set({ [verdictKey(tabId)]: v });
chrome.tabs.onRemoved.addListener((tabId) => { void chrome.storage.session.remove(verdictKey(tabId)); });

// The offscreen document that reads PDFs: created on the first request, closed when idle for a minute.
let creating: Promise<void> | null = null;
let inFlight = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
async function ensureOffscreen(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN_PAGE);
  const open = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  if (open.length) return;
  creating ??= chrome.offscreen.createDocument({
    url: OFFSCREEN_PAGE, reasons: [chrome.offscreen.Reason.WORKERS],
    justification: 'Reads PDF attachments of the page with pdf.js (in a worker) to check them',
  }).finally(() => { creating = null; });
  await creating;
}
function idleClose(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => { if (inFlight === 0) void chrome.offscreen.closeDocument().catch(() => undefined); }, 60_000);
}

const OTHER_SITE: BadgeState = { state: 'not-checked', reason: { zh: '文件不在本网站，不跨站请求', en: 'file is on another site; no cross-site requests' } };

/**
 * A message to the offscreen document. Just after it is created its script may not be listening yet
 * (a loaded machine shows it): "Receiving end does not exist" is retried a few times, briefly.
 */
async function askOffscreen(msg: OffscreenMessage): Promise<BadgeState | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await chrome.runtime.sendMessage(msg)) as BadgeState | undefined;
    } catch (e) {
      if (attempt >= 5 || !/Receiving end does not exist|Could not establish connection/i.test(String((e as Error)?.message ?? e))) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** A PDF linked from the sender's page: checked only when it has that page's origin (the page's URL as the browser knows it). */
async function checkPdf(url: unknown, sender: chrome.runtime.MessageSender): Promise<BadgeState> {
  const pageUrl = sender.tab ? sender.url ?? sender.tab.url : undefined;
  if (typeof url !== 'string' || !pageUrl) return { state: 'failed', reason: { zh: '请求无效', en: 'invalid request' } };
  const target = sameOrigin(url, pageUrl);
  if (!target) return OTHER_SITE;
  inFlight++;
  clearTimeout(idleTimer);
  try {
    await ensureOffscreen();
    const msg: OffscreenMessage = { target: 'offscreen', type: 'offscreen:pdf', url: target.href, pageUrl };
    const out = await askOffscreen(msg);
    return out ?? { state: 'failed', reason: { zh: 'PDF 检查未返回结果', en: 'the PDF check returned nothing' } };
  } finally {
    inFlight--;
    if (inFlight === 0) idleClose();
  }
}

/**
 * Entries come from our own content script, but from a page's isolated world: held to the same shared
 * zod schema as an import (`Report`), the entry's agency and year those of its report.
 */
function validEntry(e: HistoryEntry): boolean {
  if (typeof e?.agency !== 'string' || e.agency.length >= 200 || !Number.isInteger(e?.year) || !(e.url === null || typeof e.url === 'string')) return false;
  const parsed = Report.safeParse(e.report);
  return parsed.success && parsed.data.agency === e.agency && parsed.data.year === e.year && parsed.data.source.url === e.url;
}

/** The origin of the page that sent a message, as the browser knows it (never what the page says). */
const senderSite = (sender: chrome.runtime.MessageSender): string | null => (sender.tab ? siteOf(sender.url ?? sender.tab.url) : null);

/**
 * A history entry from a page: stored under the sender's origin. Its report URL must be on that
 * origin too (the page itself, or an earlier year fetched from the same site), so no page can file
 * a report under another site's name.
 */
async function putFromPage(e: HistoryEntry, sender: chrome.runtime.MessageSender): Promise<boolean> {
  const site = senderSite(sender);
  if (!site || !validEntry(e) || (e.url !== null && siteOf(e.url) !== site)) return false;
  const report = Report.parse(e.report);
  await putEntry({ ...e, report, site, id: '', origin: e.origin === 'fetched' ? 'fetched' : 'page', checkedAt: new Date().toISOString() });
  return true;
}

async function handle(msg: Message, sender: chrome.runtime.MessageSender): Promise<unknown> {
  switch (msg.type) {
    case 'activate': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || (await switchedOff(sender))) return false;
      // The popup says "正在检查" until the lens reports its verdict.
      if (sender.url) await setVerdict(tabId, checkingVerdict(sender.url));
      await chrome.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [LENS_FILE] });
      return true;
    }
    case 'report:check': {
      const site = senderSite(sender);
      if (!site || typeof msg.root !== 'object' || msg.root === null || typeof msg.url !== 'string') return null;
      const title = typeof msg.title === 'string' ? msg.title : null;
      const charset = typeof msg.charset === 'string' ? msg.charset : null;
      return analyzeSnapshot({ root: msg.root, title, charset, url: msg.url }, site, {
        list: async (agency) => ({ site, ...(await agencyEntries(site, agency)) }),
        put: (entry) => putFromPage(entry, sender),
      });
    }
    case 'page:likely':
      return typeof msg.title === 'string' && typeof msg.text === 'string' && likelyReportText(msg.title, msg.text);
    case 'tools:inject': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await chrome.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [TOOLS_FILE] });
      return true;
    }
    case 'history:scores': {
      const site = senderSite(sender);
      return site && Array.isArray(msg.names) ? scoresFor(site, msg.names.filter((n) => typeof n === 'string')) : {};
    }
    case 'history:put':
      return putFromPage(msg.entry, sender);
    case 'verdict:set': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await setVerdict(tabId, msg.verdict);
      return true;
    }
    case 'verdict:get': {
      // Only for the popup (an extension page): a content script never learns another tab's verdict.
      if (!fromExtensionPage(sender, chrome.runtime.getURL('')) || !Number.isInteger(msg.tabId)) return null;
      const got = await chrome.storage.session.get(verdictKey(msg.tabId));
      return got[verdictKey(msg.tabId)] ?? null;
    }
    case 'pdf:check':
      return checkPdf(msg.url, sender);
    default:
      return null;
  }
}

chrome.runtime.onMessage.addListener((msg: Message, sender, reply) => {
  if (sender.id !== chrome.runtime.id) return false;
  handle(msg, sender).then(reply, (e: unknown) => { console.warn('lens message', e); reply(null); });
  return true;
});
