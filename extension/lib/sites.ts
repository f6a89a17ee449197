/// <reference types="chrome" />
/**
 * The per-site kill-switch. A site (origin) in `disabledOrigins` gets nothing: the background leaves
 * it out of the gate's registration (and refuses to inject the lens there), and the lens removes
 * itself when the list changes.
 */
export const DISABLED_KEY = 'disabledOrigins';

export function isDisabled(list: unknown, origin: string): boolean {
  return Array.isArray(list) && list.includes(origin);
}

export function toggled(list: unknown, origin: string, enabled: boolean): string[] {
  const cur = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  const without = cur.filter((o) => o !== origin);
  return enabled ? without : [...without, origin];
}

export async function siteEnabled(origin: string): Promise<boolean> {
  const got = await chrome.storage.local.get(DISABLED_KEY);
  return !isDisabled(got[DISABLED_KEY], origin);
}

export async function setSiteEnabled(origin: string, enabled: boolean): Promise<void> {
  const got = await chrome.storage.local.get(DISABLED_KEY);
  await chrome.storage.local.set({ [DISABLED_KEY]: toggled(got[DISABLED_KEY], origin, enabled) });
}
