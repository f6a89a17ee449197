/** A column list page's freshness by the national check-list thresholds. */
import type { ColumnPage } from '../lib/tools';
import { ReportColumn } from './ReportColumn';
import { t, type Lang } from '../lib/i18n';

export function ColumnPanel({ v, lang }: { v: ColumnPage; lang: Lang }) {
  const bad = v.freshness === 'stale' || v.freshness === 'empty';
  return (
    <div data-testid="column-verdict" data-freshness={v.freshness}>
      <div className="gl-verdict">
        <div className="gl-stat"><span>{t(lang, 'items')}</span><b data-testid="column-count">{v.count}</b>{v.pages && <span className="gl-muted">{t(lang, 'pagesOf').replace('{n}', String(v.pages))}</span>}</div>
        <div className="gl-stat"><span>{t(lang, 'newest')}</span><b style={{ fontSize: 14 }}>{v.newest ?? '—'}</b></div>
        <div className={`gl-stat ${bad ? 'err' : ''}`}><span>{t(lang, 'column')}</span><b style={{ fontSize: 14 }}>{t(lang, v.freshness)}</b></div>
      </div>
      <p className="gl-meta">
        <span>{v.name}</span>
        {v.ageDays !== null && <span>{v.ageDays} {t(lang, 'daysAgo')}</span>}
        {v.limitDays !== null && <span>{t(lang, 'limit')}: {v.limitDays} {t(lang, 'days')}</span>}
      </p>
      {v.listing && <ReportColumn listing={v.listing} lang={lang} />}
    </div>
  );
}
