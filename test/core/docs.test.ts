/** The docs say what the code does: the README's check table is generated from the catalogue. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../shared/src/index.ts';
import { renderReadme } from '../../scripts/gen-docs.ts';
import { REPO } from './fixtures.ts';

describe('README', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  it('lists every check id (npm run docs regenerates it)', () => {
    expect(renderReadme(readme)).toBe(readme);
    for (const c of CHECKS) expect(readme).toContain(`\`${c.id}\``);
  });
  it('starts with the two set-up commands', () => {
    const first = readme.indexOf('```sh');
    const block = readme.slice(first, readme.indexOf('```', first + 5));
    expect(block).toContain('npm test');
    expect(block).toContain('scripts/install.sh');
  });
});
