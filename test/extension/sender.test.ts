/** Which senders the background answers with another tab's verdict (verdict:get): the extension's own pages only. */
import { describe, expect, it } from 'vitest';
import { fromExtensionPage } from '../../extension/lib/sender';

const BASE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

describe('fromExtensionPage', () => {
  it('accepts the popup and the options page, also opened in a tab', () => {
    expect(fromExtensionPage({ url: `${BASE}popup.html?tabId=3` }, BASE)).toBe(true);
    expect(fromExtensionPage({ url: `${BASE}options.html` }, BASE)).toBe(true);
  });
  it('refuses content scripts (the page URL), other extensions and senders without a URL', () => {
    expect(fromExtensionPage({ url: 'http://www.example.gov.cn/zwgk/t20210120_1001.htm' }, BASE)).toBe(false);
    expect(fromExtensionPage({ url: 'chrome-extension://otherextensionidotherextensionid/popup.html' }, BASE)).toBe(false);
    expect(fromExtensionPage({ url: `http://evil.example.gov.cn/?${BASE}` }, BASE)).toBe(false);
    expect(fromExtensionPage({}, BASE)).toBe(false);
    expect(fromExtensionPage({ url: `${BASE}popup.html` }, '')).toBe(false);
  });
});
