/** The findings, most severe first; hovering one lights its boxes, clicking scrolls to it. */
import type { Finding } from '@gongkai/shared/browser';
import type { CheckNames } from '../lib/cross-year';
import { t, type Lang } from '../lib/i18n';

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: readonly Finding[]): { finding: Finding; index: number }[] {
  return findings.map((finding, index) => ({ finding, index }))
    .sort((a, b) => (RANK[a.finding.severity] ?? 3) - (RANK[b.finding.severity] ?? 3) || a.index - b.index);
}

/** The message in the reader's language; the check id only under 详情. */
export function FindingBody({ f, lang, names }: { f: Finding; lang: Lang; names: CheckNames }) {
  const info = names[f.id] ?? null;
  return (
    <>
      <div data-testid="finding-text">{f.message[lang]}</div>
      {f.evidence.expression && <span className="expr">{f.evidence.expression}</span>}
      <details className="gl-details" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <summary>{t(lang, 'details')}</summary>
        <span className="id">{t(lang, 'checkId')} <code>{f.id}</code>{info ? ` · ${info[lang]}` : ''}</span>
      </details>
    </>
  );
}

export function FindingList({ findings, lang, names, onHover, onPick }: {
  findings: readonly Finding[]; lang: Lang;
  /** The checks' names (from the catalogue; the lens gets them with the background's answer). */
  names: CheckNames;
  onHover: (i: number | null) => void; onPick: (i: number) => void;
}) {
  if (findings.length === 0) return <p className="gl-ok">{t(lang, 'noFindings')}</p>;
  return (
    <ul className="gl-findings">
      {sortFindings(findings).map(({ finding: f, index }) => (
        <li key={index} className={`gl-finding ${f.severity}`} data-finding={index} data-check={f.id}
          tabIndex={0} role="button" onMouseEnter={() => onHover(index)} onMouseLeave={() => onHover(null)}
          onFocus={() => onHover(index)} onBlur={() => onHover(null)} onClick={() => onPick(index)}
          onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(index); } }}>
          <FindingBody f={f} lang={lang} names={names} />
        </li>
      ))}
    </ul>
  );
}
