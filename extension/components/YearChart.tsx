/** A small SVG line chart of headline figures over the years (no library; text set as text). */
import type { Headline, FigureKey } from '../lib/years';
import { t, type Lang, type StringKey } from '../lib/i18n';

const COLORS = ['#b22222', '#2563eb', '#059669', '#7c3aed', '#d97706'];

export function YearChart({ years, keys, lang, width = 360, height = 120 }: { years: readonly Headline[]; keys: readonly FigureKey[]; lang: Lang; width?: number; height?: number }) {
  const pad = { l: 30, r: 20, t: 10, b: 20 };
  const values = years.flatMap((r) => keys.map((k) => r[k])).filter((v): v is number => v !== null);
  if (years.length === 0 || values.length === 0) return null;
  const max = Math.max(1, ...values);
  const span = width - pad.l - pad.r;
  const x = (i: number) => pad.l + (years.length === 1 ? span / 2 : (i * span) / (years.length - 1));
  const y = (v: number) => height - pad.b - (v / max) * (height - pad.t - pad.b);
  return (
    <div>
    <div className="gl-legend">{keys.map((k, ki) => <span key={k}><i style={{ background: COLORS[ki % COLORS.length] }} />{t(lang, k as StringKey)}</span>)}</div>
    <svg className="gl-chart" data-testid="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img">
      <line x1={pad.l} y1={height - pad.b} x2={width - pad.r} y2={height - pad.b} stroke="#9ca3af" />
      <text x={2} y={pad.t + 4}>{max}</text>
      <text x={2} y={height - pad.b}>0</text>
      {years.map((r, i) => <text key={r.year} x={x(i)} y={height - 4} textAnchor="middle">{r.year}</text>)}
      {keys.map((k, ki) => {
        const color = COLORS[ki % COLORS.length];
        const pts = years.flatMap((r, i) => (r[k] === null ? [] : [`${x(i)},${y(r[k]!)}`]));
        return (
          <g key={k} data-series={k}>
            <polyline points={pts.join(' ')} fill="none" stroke={color} strokeWidth={2} />
            {years.map((r, i) => (r[k] === null ? null : <circle key={i} cx={x(i)} cy={y(r[k]!)} r={3} fill={color} />))}
          </g>
        );
      })}
    </svg>
    </div>
  );
}
