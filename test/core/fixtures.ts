/** Where the product owner's fixtures live (../shared beside the checkout) and how to read them. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = resolve(REPO, '..', 'shared', 'fixtures');
export const SEEDS = join(FIXTURES, 'seeds');
export const DOCUMENTS = join(FIXTURES, 'documents');

export interface ExpectedReport {
  file: string;
  agency: string;
  year: number;
  template: string;
  published?: string;
  table2: Record<string, (number | string | null)[]> | null;
  table3: Record<string, (number | null)[]> | null;
  table4: (number | null)[] | null;
  mustFlag: string[];
  mustNotFlag: string[];
}

export function expectedReports(): ExpectedReport[] {
  return (JSON.parse(readFileSync(join(SEEDS, 'expected.json'), 'utf8')) as { reports: ExpectedReport[] }).reports;
}

export function seedText(file: string): string {
  return readFileSync(join(SEEDS, file), 'utf8');
}

export function documentBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DOCUMENTS, file)));
}

/** Every text seed present, including ones added after expected.json was written. */
export function seedFiles(): string[] {
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
}

/**
 * expected.json states problems in words ("narrative vs table 3 …", "table3 identity"). This maps
 * each phrase to the check ids that report it; an unknown phrase fails the test, so a new fixture
 * with a new kind of problem forces this map (and the checker) to be extended.
 */
export function checkIdsFor(phrase: string): string[] {
  const p = phrase.toLowerCase();
  const rules: [RegExp, string[]][] = [
    [/^narrative vs table 3/, ['prose.received', 'prose.carried-over', 'prose.carried-forward', 'prose.outcomes']],
    [/^table3 identity/, ['table3.identity']],
    [/^table3 column sums/, ['table3.outcome-sum']],
    [/^table3 row sums/, ['table3.row-sum']],
    [/^table4 sums/, ['table4.sum']],
    [/^timeliness/, ['timeliness.deadline']],
    [/^table 3 missing/, ['structure.table3.missing']],
    [/^table 2 not in the standard layout/, ['structure.table2.nonstandard']],
    [/^tables 2, 3 and 4 missing/, ['structure.table2.missing', 'structure.table3.missing', 'structure.table4.missing']],
    [/^sections do not follow the six standard headings/, ['structure.sections']],
  ];
  const hit = rules.find(([re]) => re.test(p));
  if (!hit) throw new Error(`expected.json phrase not mapped to check ids: "${phrase}"`);
  return hit[1];
}
