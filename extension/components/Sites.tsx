/// <reference types="chrome" />
/** Options: the portals the extension may read (revocable) and the sites switched off. */
import { useEffect, useState } from 'react';
import { DISABLED_KEY, setSiteEnabled } from '../lib/sites';
import { t, type Lang } from '../lib/i18n';

export function Sites({ lang }: { lang: Lang }) {
  const [granted, setGranted] = useState<string[]>([]);
  const [off, setOff] = useState<string[]>([]);
  const load = async () => {
    setGranted((await chrome.permissions.getAll()).origins ?? []);
    const got = await chrome.storage.local.get(DISABLED_KEY);
    setOff(Array.isArray(got[DISABLED_KEY]) ? (got[DISABLED_KEY] as string[]) : []);
  };
  useEffect(() => { void load(); }, []);
  const revoke = async (o: string) => { await chrome.permissions.remove({ origins: [o] }); await load(); };
  const enable = async (o: string) => { await setSiteEnabled(o, true); await load(); };
  return (
    <section data-testid="sites">
      <h2>{t(lang, 'allowedSites')}</h2>
      {granted.length === 0 && <p className="gl-muted">—</p>}
      <ul>{granted.map((o) => (
        <li key={o}>{o} <button className="gl-btn" onClick={() => void revoke(o)}>{t(lang, 'revoke')}</button></li>
      ))}</ul>
      <h2>{t(lang, 'offSites')}</h2>
      {off.length === 0 && <p className="gl-muted">—</p>}
      <ul>{off.map((o) => (
        <li key={o} data-off={o}>{o} <button className="gl-btn" onClick={() => void enable(o)}>{t(lang, 'siteOn')}</button></li>
      ))}</ul>
    </section>
  );
}
