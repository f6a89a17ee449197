/// <reference types="chrome" />
/**
 * The gate content script is registered at run time for exactly the origins the user granted
 * (optional host permissions, asked per portal), never declared for all of *.gov.cn.
 */
import { GATE_FILE } from './messages';

const ID = 'gongkai-gate';

/** Match patterns usable for content scripts among the granted origins. */
export function gateMatches(origins: readonly string[]): string[] {
  return origins.filter((o) => /^(\*|https?):\/\/[^/]+\/.*$/.test(o));
}

export async function syncGateRegistration(): Promise<string[]> {
  const { origins = [] } = await chrome.permissions.getAll();
  const matches = gateMatches(origins);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [ID] });
  if (matches.length) {
    await chrome.scripting.registerContentScripts([
      { id: ID, js: [GATE_FILE], matches, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
  }
  return matches;
}
