/**
 * Who sent a message to the background. Content scripts (ours, in a page's isolated world) carry the
 * page's URL; the extension's own pages (popup, options, first-run page — also when opened in a tab)
 * carry a URL under the extension's base URL.
 */

/** The sender is one of the extension's own pages: its URL is under `extensionBase` (`chrome.runtime.getURL('')`). */
export function fromExtensionPage(sender: { url?: string }, extensionBase: string): boolean {
  return typeof sender.url === 'string' && extensionBase.length > 0 && sender.url.startsWith(extensionBase);
}
