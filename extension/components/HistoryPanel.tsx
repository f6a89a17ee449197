/** The agency's years side by side: headline figures with deltas, a chart, the cross-year checks. */
import type { CheckOutcome, Finding, YearComparison } from '@gongkai/shared/browser';
import { crossYearStatement, t, type Lang, type StringKey } from '../lib/i18n';
import { deltaInto, formatDelta, formatValue, type FigureKey } from '../lib/years';
import { YearChart } from './YearChart';
import type { UsedCopy } from '../lib/history-model';

const COLS: readonly FigureKey[] = ['received', 'carriedOver', 'granted', 'grantRate', 'reviews', 'litigation'];

export function YearTable({ cmp, lang }: { cmp: YearComparison; lang: Lang }) {
  return (
    <div className="gl-scroll"><table className="gl-table" data-testid="years">
      <thead><tr><th>{t(lang, 'year')}</th>{COLS.map((k) => <th key={k}>{t(lang, k as StringKey)}</th>)}</tr></thead>
      <tbody>
        {cmp.years.map((h) => (
          <tr key={h.year} data-year={h.year}>
            <td>{h.year}</td>
            {COLS.map((k) => {
              const d = deltaInto(cmp, h.year, k);
              return (
                <td key={k}>{formatValue(k, h[k])}{d !== null && d !== 0 && (
                  <span className={`gl-delta ${d > 0 ? 'up' : 'down'}`}> ({formatDelta(k, d, lang)})</span>
                )}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table></div>
  );
}

export interface CrossYear { outcomes: CheckOutcome[]; findings: Finding[]; names: Record<string, { zh: string; en: string }> }

/** Each cross-year check as an outcome statement ("上年结转衔接：不一致"); its id and catalogue name under 详情. */
export function CrossYearList({ cross, lang }: { cross: CrossYear; lang: Lang }) {
  return (
    <div data-testid="cross-year">
      <h2>{t(lang, 'crossYear')}</h2>
      <ul className="gl-findings">
        {cross.outcomes.map((o) => {
          const s = crossYearStatement(o, cross.findings, lang);
          return (
            <li key={o.id} className={`gl-outcome ${o.status}`} data-check={o.id} data-status={o.status}>
              <span data-testid="statement">{s.label}{lang === 'zh' ? '：' : ': '}<b>{s.value}</b>{s.detail && <span className="gl-muted">{lang === 'zh' ? `（${s.detail}）` : ` (${s.detail})`}</span>}</span>
              <details className="gl-details"><summary>{t(lang, 'details')}</summary>
                <span className="id">{t(lang, 'checkId')} <code>{o.id}</code>{cross.names[o.id] ? ` · ${cross.names[o.id]![lang]}` : ''}</span></details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const hostOf = (site: string) => { try { return new URL(site).host; } catch { return site; } };

export function HistoryPanel({ cmp, cross, lang, fetchState, onFetch, unused = 0, copies = [] }: {
  cmp: YearComparison | null; cross: CrossYear | null; lang: Lang;
  /** Used years that are not this site's own copies (a site or an import the user linked). */
  copies?: readonly UsedCopy[];
  fetchState: string | null; onFetch: (() => void) | null;
  /** Stored documents of those years that the checks did not use (another copy of a year). */
  unused?: number;
}) {
  const multi = !!cmp && cmp.years.length > 1;
  return (
    <div className="gl-section" data-testid="history">
      <h2>{t(lang, 'history')}</h2>
      {multi ? <><YearTable cmp={cmp} lang={lang} /><YearChart years={cmp.years} keys={['received', 'granted', 'carriedOver']} lang={lang} /></>
        : <p className="gl-muted">{t(lang, 'noHistory')}</p>}
      {multi && cross && <CrossYearList cross={cross} lang={lang} />}
      {copies.map((c) => (
        <p key={c.year} className="gl-muted" data-testid="borrowed-copy" data-year={c.year} data-site={c.site} data-imported={c.imported}>
          {t(lang, c.imported ? 'borrowedImport' : 'borrowedCopy').replace('{year}', String(c.year)).replace('{site}', hostOf(c.site))}</p>
      ))}
      {unused > 0 && <p className="gl-muted" data-testid="unused-years">{t(lang, 'unusedYears').replace('{n}', String(unused))}</p>}
      {onFetch && (
        <p><button className="gl-btn" data-testid="fetch-earlier" disabled={fetchState === 'busy'} onClick={(e) => { if (e.nativeEvent.isTrusted) onFetch(); }}>
          {fetchState === 'busy' ? t(lang, 'fetching') : t(lang, 'fetchEarlier')}
        </button> {fetchState && fetchState !== 'busy' && <span className="gl-muted" data-testid="fetch-state">{fetchState}</span>}</p>
      )}
    </div>
  );
}
