/// <reference types="chrome" />
/**
 * Popup: the verdict for the current tab, the on/off switch for its site (checked by the gate before
 * anything runs), permission for a new portal, and "check this page" through activeTab.
 */
import { useEffect, useState } from 'react';
import { t, loadLang, type Lang } from './lib/i18n';
import { LENS_FILE, send, type TabVerdict } from './lib/messages';
import { setSiteEnabled, siteEnabled } from './lib/sites';
import { originOf, targetTab } from './lib/tab';

const CSS = `body{margin:0;font:13px/1.5 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;width:320px;color:#111827}
header{background:#b22222;color:#fff;padding:8px 12px;font-weight:600}main{padding:10px 12px}
.v{background:#f3f4f6;border-radius:6px;padding:6px 8px;margin-bottom:8px}label{display:flex;gap:6px;align-items:center;margin:6px 0}
button{background:#b22222;color:#fff;border:0;border-radius:5px;padding:4px 10px;cursor:pointer;margin:4px 4px 0 0}.muted{color:#6b7280}`;

function Popup() {
  const [lang, setLang] = useState<Lang>('zh');
  const [tab, setTab] = useState<chrome.tabs.Tab | null>(null);
  const [verdict, setVerdict] = useState<TabVerdict | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [granted, setGranted] = useState(false);
  const origin = originOf(tab?.url);

  useEffect(() => {
    void (async () => {
      setLang(await loadLang());
      const tb = await targetTab();
      setTab(tb);
      const o = originOf(tb?.url);
      if (tb?.id !== undefined) {
        const v = await send<TabVerdict | null>({ type: 'verdict:get', tabId: tb.id });
        // A verdict left from an earlier page of this tab does not describe this one.
        setVerdict(v && v.url.split('#')[0] === (tb.url ?? '').split('#')[0] ? v : null);
      }
      if (o) {
        setEnabled(await siteEnabled(o));
        setGranted(await chrome.permissions.contains({ origins: [`${o}/*`] }));
      }
    })();
  }, []);

  async function checkNow() {
    if (tab?.id === undefined) return;
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [LENS_FILE] });
    window.close();
  }
  const toggle = async (on: boolean) => {
    if (!origin) return;
    setEnabled(on);
    await setSiteEnabled(origin, on);
  };
  const grant = async () => {
    if (!origin) return;
    const ok = await chrome.permissions.request({ origins: [`${origin}/*`] });
    setGranted(ok);
    // The gate is registered for the portal from now on; check the page that is open already.
    if (ok) await checkNow();
  };


  return (
    <>
      <style>{CSS}</style>
      <header>{t(lang, 'title')}</header>
      <main>
        <div className="v" data-testid="popup-verdict">{verdict ? verdict.line[lang] : t(lang, 'noVerdict')}</div>
        {verdict?.agency && <div className="muted">{verdict.agency} · {verdict.year}</div>}
        {verdict && <div className="muted" data-testid="authoritative">{t(lang, 'authoritative')}</div>}
        {origin && (
          <label><input type="checkbox" data-testid="site-switch" checked={enabled} onChange={(e) => void toggle(e.target.checked)} />
            {enabled ? t(lang, 'siteOn') : t(lang, 'siteOff')} <span className="muted">{origin}</span></label>
        )}
        {origin && !granted && <button data-testid="grant" onClick={() => void grant()}>{t(lang, 'grant')}</button>}
        {origin && enabled && <button data-testid="check-now" onClick={() => void checkNow()}>{t(lang, 'checkNow')}</button>}
        <button onClick={() => void chrome.runtime.openOptionsPage()}>{t(lang, 'options')}</button>
      </main>
    </>
  );
}

export default Popup;
