/**
 * The EmpireCMS site's disclosure section (test/fixtures/portal/empire-section.ts): per column a box of
 * its newest dated articles at `/<column>/YYYY-MM-DD/N.html`, and six `index.php?link=N` copies of the
 * home page. A crawl of the site takes exactly the columns of the page's catalogue — no article and no
 * home copy becomes a column, and none of them is requested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { join } from 'node:path';
import { load } from 'cheerio';
import { startPortal, type Portal } from '../fixtures/portal/server.js';
import { EMPIRE_HOME_COPIES } from '../fixtures/portal/empire-section.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { LOCAL, removeTempDirs, resolveOf, tempDir } from './helpers.js';

const HOST = 'www.jiande.example.gov.cn';
const SECTION = `http://${HOST}/zwgk/zfxxgk/`;
let portal: Portal;
let store: SqliteStore;
let columns: { name: string; url: string; parentKey: string | null }[];
let sectionHtml: string;

beforeAll(async () => {
  portal = await startPortal({ port: 0 });
  const dir = tempDir('empire-section');
  store = new SqliteStore(join(dir, 'gongkai.db'));
  await crawl({ seeds: [`http://${HOST}/`], store, blobDir: join(dir, 'blobs'), now: portal.now, resolve: resolveOf(portal), ...LOCAL, columnsOnly: true });
  columns = (await store.snapshots()).filter((c) => c.host === HOST).map((c) => ({ name: c.name, url: c.url, parentKey: c.parentKey }));
  sectionHtml = await new Promise<string>((ok, fail) => get({ host: '127.0.0.1', port: portal.port, path: '/zwgk/zfxxgk/', headers: { host: HOST } }, (res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => ok(body));
  }).on('error', fail));
}, 60_000);

afterAll(async () => {
  removeTempDirs();
  store?.close();
  await portal?.close();
});

describe('an EmpireCMS section page with dated article boxes and ?link= home copies', () => {
  it('is what the family prints: boxes of dated /<column>/YYYY-MM-DD/N.html articles, index.php?link=N links', () => {
    const $ = load(sectionHtml);
    const articles = $('.gkbox-list a').toArray().map((a) => $(a).attr('href')!);
    expect(articles.length).toBeGreaterThanOrEqual(10);
    for (const href of articles) expect(href).toMatch(/^(?:\/[a-z]+)+\/\d{4}-\d{2}-\d{2}\/\d+\.html$/);
    expect($('.kstd a').toArray().map((a) => $(a).attr('href'))).toEqual(EMPIRE_HOME_COPIES.map((c) => c.path));
  });

  it('takes exactly the columns of the catalogue, with their parents', () => {
    // The catalogue tree is the fixture's own list of the site's columns (the crawler knows no class names).
    const $ = load(sectionHtml);
    const tree = $('.xxgk-tree a').toArray().map((a) => ({ name: $(a).text(), url: new URL($(a).attr('href')!, SECTION).href }));
    expect(tree.map((c) => c.name)).toEqual(expect.arrayContaining(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '工作动态', '通知公告', '政府信息公开年报']));
    expect(columns.map(({ name, url }) => ({ name, url })).sort((a, b) => a.url.localeCompare(b.url))).toEqual(tree.sort((a, b) => a.url.localeCompare(b.url)));
    expect(columns.find((c) => c.name === '工作动态')).toMatchObject({ url: `http://${HOST}/fdzdgknr/gzdt/`, parentKey: `http://${HOST}/fdzdgknr/` });
    expect(columns.find((c) => c.name === '政府信息公开年报')).toMatchObject({ url: `http://${HOST}/zfxxgknb/`, parentKey: null });
  });

  it('makes no column of an article or a home copy, and requests none of them', () => {
    for (const c of columns) {
      expect(c.url).not.toMatch(/\/\d{4}-\d{2}-\d{2}\/\d+\.html$|index\.php/);
    }
    const requested = [...portal.hits.keys()].filter((k) => k.startsWith(HOST));
    expect(requested.filter((k) => /index\.php|\/\d{4}-\d{2}-\d{2}\/\d+\.html$/.test(k))).toEqual([]);
  });
});
