/// <reference types="chrome" />
/** Messages between the content scripts, the background and the extension pages. */
import type { CheckRequest } from './analyze-page';
import type { HistoryEntry, Summary } from './history-model';

/** `checking`: the lens is reading the page (or waiting for its text); the others are final (`too-big`: over the size limits, not checked). */
export const VERDICT_KINDS = ['checking', 'report', 'column', 'attachments', 'not-report', 'too-big'] as const;

export interface TabVerdict {
  url: string;
  kind: (typeof VERDICT_KINDS)[number];
  title: string | null;
  agency: string | null;
  year: number | null;
  summary: Summary | null;
  /** One line for the popup, already in both languages. */
  line: { zh: string; en: string };
}

export type Message =
  | { type: 'activate' }
  /** Scores of stored years for agencies named (possibly shortened) in a column: agency → year → summary. */
  | { type: 'history:scores'; names: string[] }
  | { type: 'history:put'; entry: HistoryEntry }
  | { type: 'verdict:set'; verdict: TabVerdict }
  /** A tab's verdict: answered to the extension's own pages only (the popup). */
  | { type: 'verdict:get'; tabId: number }
  /** Check a PDF attachment of the sender's page (answered with a `BadgeState`). */
  | { type: 'pdf:check'; url: string }
  /** Parse and check the sender's page from its copy (answered with a `CheckAnswer`). */
  | ({ type: 'report:check' } & CheckRequest)
  /** Is the sender's page likely a report, by its title and text (`isLikelyReportPage`)? */
  | { type: 'page:likely'; title: string; text: string }
  /** Inject the tools script (column pages, fetching earlier years) into the sender's frame. */
  | { type: 'tools:inject' };

/** An agency's history for a check of the sender's page: the sender's site, the entries, the sites the user linked to the agency. */
export interface HistoryList { site: string; entries: HistoryEntry[]; trusted: string[] }

/** Background → offscreen document. */
export interface OffscreenMessage { target: 'offscreen'; type: 'offscreen:pdf'; url: string; pageUrl: string }

export const OFFSCREEN_PAGE = 'tabs/offscreen.html';
/** The first-run page (opened on install): what the extension checks, that it sends nothing, how to allow a portal. */
export const WELCOME_PAGE = 'tabs/welcome.html';

export function send<T>(msg: Message): Promise<T> {
  return chrome.runtime.sendMessage(msg) as Promise<T>;
}

export const GATE_FILE = 'gate.js';
export const LENS_FILE = 'lens.js';
/** Rarely needed parts of the lens, injected on demand (contents/tools.ts). */
export const TOOLS_FILE = 'tools.js';
