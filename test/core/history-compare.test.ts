/** Year-over-year headline figures, as deltas (not judged). */
import { describe, expect, it } from 'vitest';
import { compareYears, parseText, type Report } from '../../shared/src/index.ts';
import { seedText } from './fixtures.ts';

function report(file: string, edit: (s: string) => string = (s) => s): Report {
  const r = parseText(edit(seedText(file)));
  if (!r.ok) throw new Error(r.message.en);
  return r.report;
}

describe('compareYears', () => {
  it('gives headline figures per year and the deltas between consecutive years', () => {
    const y2020 = report('000_db6ab2fb5e606285.txt');
    // The same agency's 2019 report, with fewer applications (74 → 60 from natural persons, 84 → 70 in total).
    const y2019 = report('000_db6ab2fb5e606285.txt', (s) => s.replaceAll('2020', '2019').replace('74 5  5   84', '60 5  5   70'));
    const c = compareYears(y2020, [y2019]);
    expect(c.years.map((y) => [y.year, y.received])).toEqual([[2019, 70], [2020, 84]]);
    expect(c.deltas).toHaveLength(1);
    expect(c.deltas[0]).toMatchObject({ from: 2019, to: 2020, change: { received: 14, reviews: 0, litigation: 0 } });
    // (42 granted + 11 partially) / 84 handled
    expect(c.years[1]!.grantRate).toBeCloseTo(53 / 84, 5);
  });

  it('leaves a figure unknown (null) when a year has no table 3, rather than 0', () => {
    const withTable = report('000_db6ab2fb5e606285.txt');
    const noTable = report('003_c3f1cb69efaeb005.txt', (s) => s.replaceAll('2020', '2019'));
    const c = compareYears(withTable, [noTable]);
    expect(c.years[0]).toMatchObject({ year: 2019, received: null });
    expect(c.deltas[0]!.change.received).toBeNull();
  });
});
