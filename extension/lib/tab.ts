/// <reference types="chrome" />
/** The tab the popup speaks about: the active tab, or `?tabId=` (used when the popup is opened as a page in tests). */
export async function targetTab(): Promise<chrome.tabs.Tab | null> {
  const id = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(id) && id > 0) return chrome.tabs.get(id).catch(() => null);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

export function originOf(url: string | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
