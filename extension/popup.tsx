/// <reference types="chrome" />
/**
 * Popup: what the extension knows about the current tab — 未启用此网站 (not allowed, or switched
 * off), 正在检查, 不是年报, or the verdict — the site's switch as it really is (disabled and explained
 * while the site is not allowed), permission for a new portal, and "check this page" through
 * activeTab. It follows the tab live (verdict, loading state, permission).
 */
import { useEffect, useRef, useState } from 'react';
import { t, loadLang, type Lang } from './lib/i18n';
import { LENS_FILE, send, type TabVerdict } from './lib/messages';
import { readPage, type PageSeen } from './lib/page-probe';
import { popupState, type PopupState } from './lib/popup-state';
import { setSiteEnabled, siteEnabled } from './lib/sites';
import { originOf, targetTab } from './lib/tab';

const CSS = `body{margin:0;font:13px/1.5 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;width:320px;color:#111827}
header{background:#b22222;color:#fff;padding:8px 12px;font-weight:600}main{padding:10px 12px}
.v{background:#f3f4f6;border-radius:6px;padding:6px 8px;margin-bottom:8px}.v b{display:block}
.v.off{background:#fef3c7}.v.checking{background:#e0f2fe}.v.report{background:#f0fdf4}
label{display:flex;gap:6px;align-items:center;margin:6px 0}label.disabled{color:#9ca3af}
button{background:#b22222;color:#fff;border:0;border-radius:5px;padding:4px 10px;cursor:pointer;margin:4px 4px 0 0}.muted{color:#6b7280}`;

interface Facts { tab: chrome.tabs.Tab | null; verdict: TabVerdict | null; enabled: boolean; granted: boolean; page: PageSeen | null }

async function readFacts(): Promise<Facts> {
  const tab = await targetTab();
  const o = originOf(tab?.url);
  const enabled = o ? await siteEnabled(o) : false;
  const granted = o ? await chrome.permissions.contains({ origins: [`${o}/*`] }) : false;
  // The gate sends nothing on an ordinary page: what it noted, and the lens's verdict, are read from the page's isolated world.
  const page = tab?.id !== undefined && o && enabled && tab.status === 'complete' ? await readPage(tab.id) : null;
  // The tab's verdict kept by the background counts only for a page out of reach (popupState).
  const verdict = tab?.id !== undefined && !page ? await send<TabVerdict | null>({ type: 'verdict:get', tabId: tab.id }) : null;
  return { tab, verdict, enabled, granted, page };
}

const HEADLINE: Record<PopupState['kind'], 'stateNoPage' | 'stateOff' | 'stateChecking' | 'stateNotChecked' | 'stateNotReport' | 'tooBig' | 'stateVerdict'> = {
  'no-page': 'stateNoPage', off: 'stateOff', checking: 'stateChecking', 'not-checked': 'stateNotChecked', 'not-report': 'stateNotReport', 'too-big': 'tooBig', verdict: 'stateVerdict',
};

function StateLine({ s, lang }: { s: PopupState; lang: Lang }) {
  const detail = s.kind === 'off' ? t(lang, s.why === 'no-permission' ? 'offNoPermission' : 'offSwitched')
    : s.kind === 'checking' ? t(lang, 'checkingDetail')
      : s.kind === 'not-checked' ? t(lang, 'notCheckedDetail')
        : s.kind === 'not-report' || s.kind === 'too-big' || s.kind === 'verdict' ? s.verdict.line[lang] : '';
  const cls = s.kind === 'off' ? 'off' : s.kind === 'checking' ? 'checking' : s.kind === 'verdict' && s.verdict.kind === 'report' ? 'report' : '';
  return (
    <div className={`v ${cls}`} data-testid="popup-verdict" data-state={s.kind} data-why={s.kind === 'off' ? s.why : undefined}>
      <b data-testid="popup-state">{t(lang, HEADLINE[s.kind])}</b>
      {detail && <span>{detail}</span>}
    </div>
  );
}

function Popup() {
  const [lang, setLang] = useState<Lang>('zh');
  const [facts, setFacts] = useState<Facts | null>(null);
  // Reads overlap (a refresh per event, the poll): only the latest one started may set the facts.
  const reads = useRef(0);
  const refresh = () => {
    const n = ++reads.current;
    void readFacts().then((f) => { if (n === reads.current) setFacts(f); });
  };

  useEffect(() => {
    void loadLang().then(setLang);
    refresh();
    // Live: the lens reports its verdict, the page finishes loading, the user allows the site.
    const onStorage = () => refresh();
    const onTab = (_id: number, info: chrome.tabs.TabChangeInfo) => { if (info.status || info.url) refresh(); };
    chrome.storage.session.onChanged.addListener(onStorage);
    chrome.storage.local.onChanged.addListener(onStorage);
    chrome.tabs.onUpdated.addListener(onTab);
    chrome.permissions.onAdded.addListener(refresh);
    chrome.permissions.onRemoved.addListener(refresh);
    return () => {
      reads.current = -1;
      chrome.storage.session.onChanged.removeListener(onStorage);
      chrome.storage.local.onChanged.removeListener(onStorage);
      chrome.tabs.onUpdated.removeListener(onTab);
      chrome.permissions.onAdded.removeListener(refresh);
      chrome.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  const tab = facts?.tab ?? null;
  const origin = originOf(tab?.url);
  async function checkNow() {
    if (tab?.id === undefined) return;
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [LENS_FILE] });
    window.close();
  }
  const toggle = async (on: boolean) => {
    if (!origin || !facts) return;
    setFacts({ ...facts, enabled: on });
    await setSiteEnabled(origin, on);
  };
  const grant = async () => {
    if (!origin || !facts) return;
    const ok = await chrome.permissions.request({ origins: [`${origin}/*`] });
    setFacts({ ...facts, granted: ok });
    // The gate is registered for the portal from now on; check the page that is open already.
    if (ok) await checkNow();
  };

  const s = facts ? popupState({ origin, tabUrl: tab?.url ?? null, loading: tab?.status === 'loading', granted: facts.granted, enabled: facts.enabled, verdict: facts.verdict, page: facts.page }) : null;
  // The gate's run, its second look on a list page or its ask for the lens reports nothing by itself: look again while checking.
  useEffect(() => {
    if (s?.kind !== 'checking' || !facts?.page) return;
    const timer = setTimeout(refresh, 400);
    return () => clearTimeout(timer);
  }, [facts]);
  const verdict = s?.kind === 'verdict' ? s.verdict : null;
  return (
    <>
      <style>{CSS}</style>
      <header>{t(lang, 'title')}</header>
      <main>
        {s && <StateLine s={s} lang={lang} />}
        {verdict?.agency && <div className="muted">{verdict.agency} · {verdict.year}</div>}
        {verdict && <div className="muted" data-testid="authoritative">{t(lang, 'authoritative')}</div>}
        {origin && facts && (facts.granted ? (
          <label><input type="checkbox" data-testid="site-switch" checked={facts.enabled} onChange={(e) => void toggle(e.target.checked)} />
            {facts.enabled ? t(lang, 'siteOn') : t(lang, 'siteOff')} <span className="muted">{origin}</span></label>
        ) : (
          // Without the permission nothing runs on this site: the switch cannot be on.
          <label className="disabled" title={t(lang, 'switchNeedsPermission')}>
            <input type="checkbox" data-testid="site-switch" checked={false} disabled />
            {t(lang, 'switchNeedsPermission')} <span className="muted">{origin}</span></label>
        ))}
        {origin && facts && !facts.granted && <button data-testid="grant" onClick={() => void grant()}>{t(lang, 'grant')}</button>}
        {origin && facts?.enabled && <button data-testid="check-now" onClick={() => void checkNow()}>{t(lang, 'checkNow')}</button>}
        <button onClick={() => void chrome.runtime.openOptionsPage()}>{t(lang, 'options')}</button>
      </main>
    </>
  );
}

export default Popup;
