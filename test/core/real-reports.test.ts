/**
 * Real reports (test/fixtures/real) and the seeds, parsed from their bytes and compared cell for
 * cell with hand-checked expected.json files (test/helpers/accuracy.ts, the same comparison that
 * `npm run accuracy` prints). A cell must be the report's value or marked doubtful: any wrong cell
 * fails, and so does an agency, year or template that is not expected.json's. Over all fixtures at least 99.5% of the cells must be exact (issue 9).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr } from '@gongkai/shared/node';
import { describeCell, describeMeta, listFixtures, runFixture, totals, type FixtureResult } from '../helpers/accuracy.ts';

const fixtures = listFixtures();
const results: FixtureResult[] = [];

afterAll(async () => { await closeOcr(); });

describe('accuracy on real reports', () => {
  it('has real fixtures to compare', () => {
    expect(fixtures.filter((f) => f.name.startsWith('real/')).length).toBeGreaterThan(0);
  });

  for (const f of fixtures) {
    const run = f.path ? it : it.skip;
    run(`${f.name}: no wrong cell`, async () => {
      const r = await runFixture(f);
      results.push(r);
      expect(r.error).toBeUndefined();
      // Every real report has tables; seeds 003/004 have none to compare (their tables are null).
      if (f.name.startsWith('real/')) expect(r.cells.length, 'cells compared').toBeGreaterThan(0);
      const wrong = r.cells.filter((c) => c.verdict === 'wrong').map(describeCell);
      expect(wrong).toEqual([]);
      // Agency, year and template as the report names them (expected.json), for every fixture.
      expect(r.meta.map((m) => m.field)).toEqual(['agency', 'year', 'template']);
      expect(r.meta.filter((m) => !m.ok), describeMeta(r.meta)).toEqual([]);
    }, 180_000);
  }

  it('at least 99.5% of all compared cells are exact', () => {
    const ran = results.filter((r) => !r.error);
    expect(ran.length, 'fixtures compared').toBeGreaterThan(0);
    const t = totals(ran);
    const notExact = ran.flatMap((r) => r.cells.filter((c) => c.verdict !== 'exact').map((c) => `${r.name} ${describeCell(c)}`));
    expect(t.exactPct, notExact.join('\n')).toBeGreaterThanOrEqual(99.5);
  });
});
