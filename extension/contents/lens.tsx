/**
 * The lens: a Plasmo content-script UI in a closed shadow root (lib/shadow.ts: the page cannot read
 * or rewrite it). Not declared for any real site: the background injects it into pages the gate (or
 * the popup's "check this page") picked.
 */
import type { PlasmoCreateShadowRoot, PlasmoCSConfig, PlasmoGetShadowHostId, PlasmoGetStyle, PlasmoMountShadowHost } from 'plasmo';
import { attachOwnShadow } from '../lib/shadow';
import { Lens } from '../components/Lens';
import { LENS_CSS } from '../lib/styles';
import { lensHost } from '../lib/lens-host';

export const config: PlasmoCSConfig = { matches: ['https://gongkai-lens.invalid/*'] };

export const getShadowHostId: PlasmoGetShadowHostId = () => 'gongkai-lens';

export const createShadowRoot: PlasmoCreateShadowRoot = (host) => attachOwnShadow(host);

export const getStyle: PlasmoGetStyle = () => {
  const style = document.createElement('style');
  style.textContent = LENS_CSS;
  return style;
};

/**
 * Mount once per page, even if injected twice. The reference lives in our isolated world under a
 * Symbol (lib/lens-host.ts), so a page that plants its own #gongkai-lens or an element with a
 * marker-like id cannot keep the lens out; inline !important styles keep the page's
 * CSS from hiding the host.
 */
export const mountShadowHost: PlasmoMountShadowHost = ({ shadowHost }) => {
  if (lensHost.get()?.isConnected) return;
  lensHost.set(shadowHost);
  const el = shadowHost as HTMLElement;
  for (const [k, v] of [['display', 'block'], ['visibility', 'visible'], ['opacity', '1'], ['position', 'static'], ['transform', 'none'], ['filter', 'none']]) {
    el.style.setProperty(k!, v!, 'important');
  }
  document.documentElement.prepend(shadowHost);
};

export default Lens;
