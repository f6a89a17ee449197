/**
 * The lens: a Plasmo content-script UI in an open shadow root. Not declared for any real site: the
 * background injects it into pages the gate (or the popup's "check this page") picked.
 */
import type { PlasmoCSConfig, PlasmoGetShadowHostId, PlasmoGetStyle, PlasmoMountShadowHost } from 'plasmo';
import { Lens } from '../components/Lens';
import { LENS_CSS } from '../lib/styles';

export const config: PlasmoCSConfig = { matches: ['https://gongkai-lens.invalid/*'] };

export const getShadowHostId: PlasmoGetShadowHostId = () => 'gongkai-lens';

export const getStyle: PlasmoGetStyle = () => {
  const style = document.createElement('style');
  style.textContent = LENS_CSS;
  return style;
};

/** Mount once per page, even if injected twice. */
export const mountShadowHost: PlasmoMountShadowHost = ({ shadowHost }) => {
  if (document.getElementById('gongkai-lens') && document.getElementById('gongkai-lens') !== shadowHost) return;
  document.documentElement.prepend(shadowHost);
};

export default Lens;
