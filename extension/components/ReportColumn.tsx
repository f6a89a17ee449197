/** On an annual-report column: each agency's years listed and the years missing although due. */
import type { AgencyYears } from '../lib/report-column';
import { t, type Lang } from '../lib/i18n';

export function ReportColumn({ listing, lang }: { listing: readonly AgencyYears[]; lang: Lang }) {
  if (!listing.length) return null;
  return (
    <div className="gl-section" data-testid="report-column">
      <h2>{t(lang, 'reportsListed')}</h2>
      <table className="gl-table">
        <thead><tr><th>{t(lang, 'agency')}</th><th>{t(lang, 'year')}</th><th>{t(lang, 'missingYears')}</th></tr></thead>
        <tbody>{listing.map((a) => (
          <tr key={a.agency} data-agency={a.agency} data-missing={a.missing.join(',')}>
            <td>{a.agency}</td>
            <td>{a.years.join(' ')}</td>
            <td className={a.missing.length ? 'gl-outcome fail' : 'gl-outcome pass'}>{a.missing.length ? a.missing.join(' ') : '—'}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}
