/**
 * The lens: a Plasmo content-script UI in a closed shadow root (lib/shadow.ts: the page cannot read
 * or rewrite it). Not declared for any real site: the background injects it into pages the gate (or
 * the popup's "check this page") picked.
 */
import type { PlasmoCreateShadowRoot, PlasmoCSConfig, PlasmoGetShadowHostId, PlasmoGetStyle, PlasmoMountShadowHost } from 'plasmo';
import { attachOwnShadow } from '../lib/shadow';
import { Lens } from '../components/Lens';
import { LENS_CSS } from '../lib/styles';

export const config: PlasmoCSConfig = { matches: ['https://gongkai-lens.invalid/*'] };

export const getShadowHostId: PlasmoGetShadowHostId = () => 'gongkai-lens';

export const createShadowRoot: PlasmoCreateShadowRoot = (host) => attachOwnShadow(host);

export const getStyle: PlasmoGetStyle = () => {
  const style = document.createElement('style');
  style.textContent = LENS_CSS;
  return style;
};

/**
 * Mount once per page, even if injected twice. The reference lives in our isolated world, so a page
 * that plants its own #gongkai-lens cannot keep the lens out; inline !important styles keep the page's
 * CSS from hiding the host.
 */
export const mountShadowHost: PlasmoMountShadowHost = ({ shadowHost }) => {
  const g = globalThis as unknown as { __gongkaiLensHost?: Element };
  if (g.__gongkaiLensHost?.isConnected) return;
  g.__gongkaiLensHost = shadowHost;
  const el = shadowHost as HTMLElement;
  for (const [k, v] of [['display', 'block'], ['visibility', 'visible'], ['opacity', '1'], ['position', 'static'], ['transform', 'none'], ['filter', 'none']]) {
    el.style.setProperty(k!, v!, 'important');
  }
  document.documentElement.prepend(shadowHost);
};

export default Lens;
