/// <reference types="chrome" />
/**
 * Service worker: registers the gate for granted portals, injects the lens into pages the gate
 * picked, keeps the history (Dexie) and the per-tab verdict for the popup. Makes no network request.
 */
import { agencyEntries, getDb, putEntry, scoresFor } from './lib/db';
import type { HistoryEntry } from './lib/history-model';
import { LENS_FILE, type Message, type TabVerdict } from './lib/messages';
import { syncGateRegistration } from './lib/registration';

// Tests read the store through the service worker.
(globalThis as unknown as { lensDb: unknown }).lensDb = getDb();

// Serialized: install, start-up and permission events may arrive together.
let syncing: Promise<unknown> = Promise.resolve();
const sync = () => { syncing = syncing.then(syncGateRegistration).catch((e) => console.warn('gate registration', e)); };
(globalThis as unknown as { lensReady: () => Promise<unknown> }).lensReady = () => syncing;
sync();
chrome.runtime.onInstalled.addListener(sync);
chrome.runtime.onStartup.addListener(sync);
chrome.permissions.onAdded.addListener(sync);
chrome.permissions.onRemoved.addListener(sync);

const verdictKey = (tabId: number) => `verdict:${tabId}`;
chrome.tabs.onRemoved.addListener((tabId) => { void chrome.storage.session.remove(verdictKey(tabId)); });

/** Entries come from our own content script; still, keep only well-formed ones (full schema checks run on import). */
function validEntry(e: HistoryEntry): boolean {
  return typeof e?.agency === 'string' && e.agency.length < 200 && Number.isInteger(e?.year) &&
    typeof e.report === 'object' && e.report !== null && Array.isArray(e.report.sections) && e.id === `${e.agency}|${e.year}`;
}

async function handle(msg: Message, sender: chrome.runtime.MessageSender): Promise<unknown> {
  switch (msg.type) {
    case 'activate': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await chrome.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [LENS_FILE] });
      return true;
    }
    case 'history:list':
      return agencyEntries(msg.agency);
    case 'history:scores':
      return Array.isArray(msg.names) ? scoresFor(msg.names.filter((n) => typeof n === 'string')) : {};
    case 'history:put':
      if (!validEntry(msg.entry)) return false;
      await putEntry(msg.entry);
      return true;
    case 'verdict:set': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      const v: TabVerdict = msg.verdict;
      await chrome.storage.session.set({ [verdictKey(tabId)]: v });
      return true;
    }
    case 'verdict:get': {
      const got = await chrome.storage.session.get(verdictKey(msg.tabId));
      return got[verdictKey(msg.tabId)] ?? null;
    }
    default:
      return null;
  }
}

chrome.runtime.onMessage.addListener((msg: Message, sender, reply) => {
  if (sender.id !== chrome.runtime.id) return false;
  handle(msg, sender).then(reply, (e: unknown) => { console.warn('lens message', e); reply(null); });
  return true;
});
