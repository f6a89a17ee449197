/** The findings, most severe first; hovering one lights its boxes, clicking scrolls to it. */
import type { Finding } from '@gongkai/shared/browser';
import { t, type Lang } from '../lib/i18n';

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: readonly Finding[]): { finding: Finding; index: number }[] {
  return findings.map((finding, index) => ({ finding, index }))
    .sort((a, b) => (RANK[a.finding.severity] ?? 3) - (RANK[b.finding.severity] ?? 3) || a.index - b.index);
}

export function FindingList({ findings, lang, onHover, onPick }: {
  findings: readonly Finding[]; lang: Lang;
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
          <div>{f.message[lang]}</div>
          {f.evidence.expression && <span className="expr">{f.evidence.expression}</span>}
          <span className="id">{f.id}</span>
        </li>
      ))}
    </ul>
  );
}
