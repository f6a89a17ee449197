/** On an annual-report column: each agency's years listed and the years missing although due. */
import { useEffect, useState } from 'react';
import type { AgencyYears } from '../lib/report-column';
import type { Summary } from '../lib/history-model';
import { send } from '../lib/messages';
import { t, type Lang } from '../lib/i18n';

type Scores = Record<string, Record<number, Summary>>;

export function ReportColumn({ listing, lang }: { listing: readonly AgencyYears[]; lang: Lang }) {
  const [scores, setScores] = useState<Scores>({});
  const names = listing.map((a) => a.agency).join('|');
  useEffect(() => {
    if (!names) return;
    void send<Scores | null>({ type: 'history:scores', names: names.split('|') }).then((s) => setScores(s ?? {}));
  }, [names]);
  if (!listing.length) return null;
  return (
    <div className="gl-section" data-testid="report-column">
      <h2>{t(lang, 'reportsListed')}</h2>
      <table className="gl-table">
        <thead><tr><th>{t(lang, 'agency')}</th><th>{t(lang, 'year')}</th><th>{t(lang, 'missingYears')}</th></tr></thead>
        <tbody>{listing.map((a) => (
          <tr key={a.agency} data-agency={a.agency} data-missing={a.missing.join(',')}>
            <td>{a.agency}</td>
            <td>{a.years.map((y) => {
              const s = scores[a.agency]?.[y];
              // A year checked before shows its score; the title says errors and warnings.
              return <span key={y} data-year={y} title={s ? `${t(lang, 'errors')} ${s.errors} · ${t(lang, 'warnings')} ${s.warnings}` : undefined}>
                {' '}{y}{s && <b className={s.errors ? 'gl-outcome fail' : 'gl-outcome pass'} data-score={s.score}>（{s.score}）</b>}</span>;
            })}</td>
            <td className={a.missing.length ? 'gl-outcome fail' : 'gl-outcome pass'}>{a.missing.length ? a.missing.join(' ') : '—'}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}
