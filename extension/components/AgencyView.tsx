/** Options page: one agency's stored years — figures, chart, each report's verdict and its findings. */
import { useMemo, useState } from 'react';
import { checkReport, compareYears } from '@gongkai/shared/browser';
import type { HistoryEntry } from '../lib/history-model';
import { t, type Lang } from '../lib/i18n';
import { FindingList } from './FindingList';
import { checkNames } from '../lib/cross-year';
import { YearTable } from './HistoryPanel';
import { YearChart } from './YearChart';

const NAMES = checkNames();

export function AgencyView({ entries, lang }: { entries: HistoryEntry[]; lang: Lang }) {
  const [open, setOpen] = useState<string | null>(null);
  const sorted = useMemo(() => [...entries].sort((a, b) => a.year - b.year), [entries]);
  const cmp = useMemo(() => {
    const last = sorted[sorted.length - 1];
    return last ? compareYears(last.report, sorted.slice(0, -1).map((e) => e.report)) : null;
  }, [sorted]);
  // The findings of the opened year, checked again with the other years as history.
  const findings = useMemo(() => {
    const e = sorted.find((x) => x.id === open);
    return e ? checkReport(e.report, { history: sorted.filter((x) => x !== e).map((x) => x.report) }).findings : null;
  }, [open, sorted]);
  if (!cmp) return null;
  return (
    <>
      <YearTable cmp={cmp} lang={lang} />
      <YearChart years={cmp.years} keys={['received', 'granted', 'carriedOver']} lang={lang} width={600} height={160} />
      <table className="gl-table" data-testid="entries">
        <thead><tr><th>{t(lang, 'year')}</th><th>{t(lang, 'errors')}</th><th>{t(lang, 'warnings')}</th><th>{t(lang, 'score')}</th><th>{t(lang, 'source')}</th><th>URL</th></tr></thead>
        <tbody>{[...sorted].reverse().map((e) => (
          <tr key={e.id} data-entry={e.year} style={{ cursor: 'pointer' }} onClick={() => setOpen(open === e.id ? null : e.id)}>
            <td>{e.year}</td><td>{e.summary?.errors ?? '—'}</td><td>{e.summary?.warnings ?? '—'}</td><td>{e.summary?.score ?? '—'}</td>
            <td data-testid="entry-origin" data-origin={e.origin}>{t(lang, e.origin === 'import' ? 'originImport' : e.origin === 'fetched' ? 'originFetched' : 'originPage')}</td>
            <td style={{ textAlign: 'left' }}>{e.url ?? '—'}</td>
          </tr>
        ))}</tbody>
      </table>
      {findings && (
        <div className="gl-section" data-testid="entry-findings">
          <h2>{t(lang, 'findings')} ({findings.length})</h2>
          <FindingList findings={findings} lang={lang} names={NAMES} onHover={() => undefined} onPick={() => undefined} />
        </div>
      )}
    </>
  );
}
