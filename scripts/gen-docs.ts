/**
 * Regenerates the parts of the docs that the code defines: the check catalogue table in README.md
 * (between <!-- checks:start --> and <!-- checks:end -->). `npm run docs` writes; `--check` only
 * reports whether the README is in sync (a test runs it that way).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../shared/src/index.ts';
import { CATEGORY_CAPS, SEVERITY_POINTS } from '../shared/src/checks/score.ts';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

export function checksTable(): string {
  const rows = CHECKS.map((c) => `| \`${c.id}\` | ${c.severity} | ${c.category} | ${c.zh} | ${c.en} |`);
  const caps = Object.entries(CATEGORY_CAPS).map(([k, v]) => `${k} ${v}`).join(' · ');
  return [
    '| id | severity | category | 中文 | English |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Score: 100 minus ${SEVERITY_POINTS.error} per error and ${SEVERITY_POINTS.warning} per warning (info: 0), capped per category (${caps}); every deduction in \`--json\`'s findings names its check.`,
  ].join('\n');
}

export function renderReadme(current: string): string {
  const start = '<!-- checks:start -->';
  const end = '<!-- checks:end -->';
  const a = current.indexOf(start);
  const b = current.indexOf(end);
  if (a < 0 || b < a) throw new Error('README.md lacks the checks markers');
  return current.slice(0, a + start.length) + '\n' + checksTable() + '\n' + current.slice(b);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cur = readFileSync(README, 'utf8');
  const next = renderReadme(cur);
  if (process.argv.includes('--check')) {
    if (cur !== next) { console.error('README.md check table is out of date: run npm run docs'); process.exit(1); }
  } else writeFileSync(README, next);
}
