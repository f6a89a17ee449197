/** Guards for the extension's privacy and safety promises (docs/extension.md), checked in its sources. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../extension/', import.meta.url).pathname;
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (['node_modules', 'build', '.plasmo', 'scripts', 'assets'].includes(e.name)) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}
const files = sources(root).map((f) => ({ name: relative(root, f), text: readFileSync(f, 'utf8') }));

describe('extension sources', () => {
  it('never turn strings into markup', () => {
    const bad = files.filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment|\beval\(|new Function\(/.test(f.text));
    expect(bad.map((f) => f.name)).toEqual([]);
  });

  it('make network requests only where the same-origin check is', () => {
    const fetching = files.filter((f) => /\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource/.test(f.text)).map((f) => f.name).sort();
    expect(fetching).toEqual(['lib/earlier-years.ts', 'lib/hanweb.ts', 'lib/pdf-download.ts']);
    for (const f of files.filter((x) => fetching.includes(x.name))) expect(f.text).toMatch(/sameOrigin\(/);
  });

  it('declare only the narrow permissions', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.manifest.permissions.sort()).toEqual(['activeTab', 'offscreen', 'scripting', 'storage']);
    expect(pkg.manifest.optional_host_permissions).toEqual(['*://*.gov.cn/*']);
    expect(pkg.manifest.host_permissions).toBeUndefined();
    expect(pkg.manifest.externally_connectable).toBeUndefined();
    expect(pkg.manifest.web_accessible_resources).toBeUndefined();
  });
});
