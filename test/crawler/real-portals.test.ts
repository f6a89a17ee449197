/**
 * Real portal pages (test/fixtures/real-portals/<slug>/page.html, kept byte for byte as found in public
 * repositories; provenance in source.json): the records, dates and stated totals found must be exactly
 * the hand-checked ones in expected.json.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRecords } from '../../crawler/src/discover/records.js';
import { paginate } from '../../crawler/src/discover/pagination.js';
import { parse } from '../../crawler/src/discover/html.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real-portals');
const slugs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Expected {
  base: string;
  records: { title: string; url: string; date: string | null; dateSource: 'printed' | 'url' | null }[];
  stated: { records: number | null; pages: number | null };
}

describe('real portal pages', () => {
  it('has fixtures with provenance', () => {
    expect(slugs.length).toBeGreaterThan(0);
    for (const s of slugs) {
      const src = JSON.parse(readFileSync(join(root, s, 'source.json'), 'utf8'));
      expect(Object.keys(src)).toEqual(expect.arrayContaining(['repository', 'path', 'commit', 'originalUrl', 'cms', 'province', 'pageKind']));
    }
  });

  for (const slug of slugs) {
    describe(slug, () => {
      const html = readFileSync(join(root, slug, 'page.html'), 'utf8');
      const want: Expected = JSON.parse(readFileSync(join(root, slug, 'expected.json'), 'utf8'));
      const $ = parse(html);

      it('finds exactly the hand-checked records, with printed dates first', () => {
        expect(listRecords($, want.base)).toEqual(want.records.map(({ title, url, date, dateSource }) => ({ url, title, date, dateSource })));
      });

      it("reads the column's stated totals", () => {
        const { stated } = paginate($, want.base, html);
        expect({ records: stated.records, pages: stated.pages }).toEqual({ records: want.stated.records, pages: want.stated.pages });
      });
    });
  }
});
