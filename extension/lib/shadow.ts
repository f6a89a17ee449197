/// <reference types="chrome" />
/**
 * Our shadow roots are closed: page scripts get `null` from `host.shadowRoot`, so they can neither
 * read the verdict nor rewrite it, and we keep the only reference. The one exception is the test
 * build that inspects the panel's DOM (`version_name` ending in "inspect", made by the e2e global
 * setup from the production build): Playwright cannot look into closed roots.
 */
export function shadowMode(): ShadowRootMode {
  try {
    return /inspect$/.test(chrome.runtime.getManifest().version_name ?? '') ? 'open' : 'closed';
  } catch {
    return 'closed';
  }
}

export function attachOwnShadow(host: HTMLElement): ShadowRoot {
  return host.attachShadow({ mode: shadowMode() });
}
