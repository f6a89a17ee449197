/** The verdict of the report on the page: counts, score, template, agency, year, findings. */
import type { CheckResult, Report } from '@gongkai/shared/browser';
import type { CheckNames } from '../lib/cross-year';
import { t, type Lang } from '../lib/i18n';
import { FindingBody, FindingList } from './FindingList';

export function Verdict({ report, result, lang }: { report: Report; result: CheckResult; lang: Lang }) {
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return (
    <div data-testid="verdict">
      <div className="gl-verdict">
        <div className="gl-stat err"><span>{t(lang, 'errors')}</span><b data-testid="errors">{n('error')}</b></div>
        <div className="gl-stat warn"><span>{t(lang, 'warnings')}</span><b data-testid="warnings">{n('warning')}</b></div>
        <div className="gl-stat"><span>{t(lang, 'score')}</span><b data-testid="score">{result.score.value}</b></div>
      </div>
      {report.title && <p className="gl-meta" data-testid="report-title">{report.title}</p>}
      <p className="gl-meta">
        <span>{t(lang, 'agency')}: <b data-testid="agency">{report.agency ?? '—'}</b></span>
        <span>{t(lang, 'year')}: <b data-testid="year">{report.year ?? '—'}</b></span>
        <span>{t(lang, 'template')}: <b data-testid="template">{report.template}</b></span>
        {report.publishedAt && <span>{t(lang, 'published')}: <b data-testid="published">{report.publishedAt}</b></span>}
      </p>
    </div>
  );
}

export function ReportPanel({ report, result, lang, names, onHover, onPick, notPlaced = [] }: {
  report: Report; result: CheckResult; lang: Lang; names: CheckNames;
  onHover: (i: number | null) => void; onPick: (i: number) => void;
  /** Findings (by index) whose evidence is on this page but could not be found or shown there. */
  notPlaced?: readonly number[];
}) {
  return (
    <>
      <Verdict report={report} result={result} lang={lang} />
      <div className="gl-section">
        <h2>{t(lang, 'findings')} ({result.findings.length})</h2>
        <FindingList findings={result.findings} lang={lang} names={names} onHover={onHover} onPick={onPick} />
      </div>
      {notPlaced.length > 0 && (
        <div className="gl-section" data-testid="not-placed">
          <h2>{t(lang, 'notPlaced')} ({notPlaced.length})</h2>
          <p className="gl-muted">{t(lang, 'notPlacedNote')}</p>
          <ul className="gl-findings">
            {notPlaced.map((i) => result.findings[i]).map((f, k) => f && (
              <li key={notPlaced[k]} className={`gl-finding ${f.severity}`} data-finding={notPlaced[k]} data-check={f.id}><FindingBody f={f} lang={lang} names={names} /></li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
