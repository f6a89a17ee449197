/** Options: language, the history browser (per agency: years, deltas, chart), import and export. */
import { useEffect, useState } from 'react';
import { AgencyView } from './components/AgencyView';
import { allEntries, allLinks, clearHistory, setTrusted, type LinkRow } from './lib/db';
import { exportJson, linkKey, type HistoryEntry } from './lib/history-model';
import { t, loadLang, saveLang, type Lang } from './lib/i18n';
import { importHistory } from './lib/import-history';
import { LENS_CSS } from './lib/styles';
import { Sites } from './components/Sites';

const CSS = `body{margin:0;font:14px/1.6 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#111827;background:#f9fafb}
header{background:#b22222;color:#fff;padding:10px 24px;font-size:18px}main{max-width:900px;margin:0 auto;padding:16px 24px}
section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;margin-bottom:14px}h2{font-size:15px;margin:0 0 8px}
.agencies button{margin:0 6px 6px 0;border:1px solid #d1d5db;background:#fff;border-radius:14px;padding:2px 10px;cursor:pointer}
.agencies button.on{background:#b22222;color:#fff;border-color:#b22222}` + LENS_CSS.replace(':host { all: initial; }', '');

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Options() {
  const [lang, setLang] = useState<Lang>('zh');
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [links, setLinks] = useState<LinkRow[]>([]);
  const [agency, setAgency] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const reload = async () => { setEntries(await allEntries()); setLinks(await allLinks()); };
  useEffect(() => { void loadLang().then(setLang); void reload(); }, []);

  // An agency's history is per site: the same name on two sites is two histories until linked.
  const key = (e: HistoryEntry) => `${e.agency}\u0000${e.site}`;
  const agencies = [...new Set(entries.map(key))].sort();
  const shown = agency ?? agencies[0] ?? null;
  const [shownAgency, shownSite] = shown ? shown.split('\u0000') as [string, string] : [null, null];
  // Links are per (agency, this site): linking a source here lets it into this site's checks only.
  const trusted = links.find((l) => l.agency === shownAgency && l.home === shownSite)?.sites ?? [];
  // What can be linked: the agency's years on other sites, and imported years (also those naming this site).
  const otherSites = [...new Set(entries.filter((e) => e.agency === shownAgency && linkKey(e) !== shownSite).map(linkKey))].sort();
  const host = (site: string) => { try { return new URL(site).host; } catch { return site; } };
  const sourceName = (key: string) => key.startsWith('import:') ? t(lang, 'importedCopy').replace('{site}', host(key.slice(7))) : host(key);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > 50_000_000) { setNote('file too large'); return; }
    const s = await importHistory(await f.text());
    setNote(`${t(lang, 'imported')} ${s.imported} · ${t(lang, 'rejected')} ${s.rejected}${s.reasons.length ? ` (${s.reasons.join('; ')})` : ''}`);
    await reload();
  };
  const switchLang = (l: Lang) => { setLang(l); void saveLang(l); };

  return (
    <>
      <style>{CSS}</style>
      <header>{t(lang, 'title')} · {t(lang, 'options')}</header>
      <main>
        <section>
          <label><input type="radio" name="lang" checked={lang === 'zh'} onChange={() => switchLang('zh')} /> 中文</label>{' '}
          <label><input type="radio" name="lang" data-testid="lang-en" checked={lang === 'en'} onChange={() => switchLang('en')} /> English</label>
        </section>
        <section data-testid="history-browser">
          <h2>{t(lang, 'history')}</h2>
          {agencies.length === 0 && <p className="gl-muted">{t(lang, 'noHistory')}</p>}
          <div className="agencies">{agencies.map((a) => {
            const [name, site] = a.split('\u0000') as [string, string];
            return <button key={a} className={a === shown ? 'on' : ''} data-site={site} onClick={() => setAgency(a)}>{name} · {host(site)}</button>;
          })}</div>
          {shown && otherSites.length > 0 && (
            <div className="gl-section" data-testid="other-sites">
              <p>{t(lang, 'otherSites')}</p>
              {otherSites.map((site) => {
                const on = trusted.includes(site);
                return (
                  <p key={site} data-testid="link-source" data-imported={site.startsWith('import:')}>{sourceName(site)}{' '}
                    <button className="gl-btn" data-testid="trust-site" data-site={site} data-on={on}
                      onClick={() => void setTrusted(shownAgency!, shownSite!, site, !on).then(reload)}>{t(lang, on ? 'untrustSite' : 'trustSite')}</button>
                  </p>
                );
              })}
            </div>
          )}
          {shown && <AgencyView entries={entries.filter((e) => key(e) === shown)} lang={lang} />}
        </section>
        <Sites lang={lang} />
        <section>
          <h2>{t(lang, 'importH')}</h2>
          <input type="file" accept="application/json,.json" data-testid="import" onChange={(e) => void onFile(e.target.files?.[0])} />
          <p data-testid="import-note">{note}</p>
          <h2>{t(lang, 'exportH')}</h2>
          <button className="gl-btn" data-testid="export" onClick={() => download('gongkai-lens-history.json', exportJson(entries))}>{t(lang, 'exportH')}</button>{' '}
          <button className="gl-btn" data-testid="clear" onClick={() => { if (confirm(t(lang, 'clearConfirm'))) void clearHistory().then(reload); }}>{t(lang, 'clear')}</button>
        </section>
      </main>
    </>
  );
}

export default Options;
