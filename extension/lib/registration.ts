/// <reference types="chrome" />
/**
 * The gate content script is registered at run time for exactly the origins the user granted
 * (optional host permissions, asked per portal), never declared for all of *.gov.cn, and not for
 * the sites the user switched off (the kill-switch), so the gate reads no setting on the page.
 */
import { GATE_FILE } from './messages';
import { DISABLED_KEY } from './sites';

const ID = 'gongkai-gate';

/** Match patterns usable for content scripts among the granted origins. */
export function gateMatches(origins: readonly string[]): string[] {
  return origins.filter((o) => /^(\*|https?):\/\/[^/]+\/.*$/.test(o));
}

/**
 * Exclusion patterns for switched-off sites. An origin with a port has no match pattern of its own
 * (patterns do not take ports); the background refuses to act on its pages instead.
 */
export function excludedMatches(disabled: unknown): string[] {
  if (!Array.isArray(disabled)) return [];
  return disabled.filter((o): o is string => typeof o === 'string' && /^https?:\/\/[^/:]+$/.test(o)).map((o) => `${o}/*`);
}

export async function syncGateRegistration(): Promise<string[]> {
  const { origins = [] } = await chrome.permissions.getAll();
  const matches = gateMatches(origins);
  const excludeMatches = excludedMatches((await chrome.storage.local.get(DISABLED_KEY))[DISABLED_KEY]);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [ID] });
  if (matches.length) {
    await chrome.scripting.registerContentScripts([
      { id: ID, js: [GATE_FILE], matches, ...(excludeMatches.length ? { excludeMatches } : {}), runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
  }
  return matches;
}
