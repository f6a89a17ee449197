/**
 * What the crawler does with the pagers and CMS markers of the real portal pages
 * (test/fixtures/real-portals/<slug>/page.html, unchanged; see real-portals.test.ts):
 * - 邯郸 TRS WCM: the pager script's `var countnum= 6348;` and `var countPage=56` → 6,348 records,
 *   55 later pages index_1.html … index_55.html (the pager the page rendered ends 尾页 → index_55.html);
 * - 丰城 component CMS: `var purl="../../n3/n13/index_958"` and `maxPageNum = 199` → 198 later pages,
 *   index_958_198.html down to index_958_1.html (the script's 下页 counts down; the page's 199 hidden
 *   links name the same files);
 * both capped by the crawl's page cap before anything is built, and — replayed under their real host
 * names with the later pages not served — `incomplete` with found and stated numbers;
 * - 湖北 Epoint 新点: recognised by its WebBuilder script alone; its placeholder SiteName is no name.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paginate } from '../../crawler/src/discover/pagination.js';
import { isTemplatePlaceholder, parse, siteName } from '../../crawler/src/discover/html.js';
import { listApi } from '../../crawler/src/discover/list-api.js';
import { crawl } from '../../crawler/src/crawl/run.js';
import { runSummary } from '../../crawler/src/report/summary.js';
import { statusText } from '../../crawler/src/columns/snapshot.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { closeLocalSites, LOCAL, localSite, removeTempDirs, tempDir } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real-portals');
const fixture = (slug: string) => ({
  html: readFileSync(join(root, slug, 'page.html'), 'utf8'),
  want: JSON.parse(readFileSync(join(root, slug, 'expected.json'), 'utf8')) as { base: string; records: unknown[]; stated: { records: number | null; pages: number | null } },
});
const HANDAN = fixture('hebei-handan-trs-jinqixxgk');
const FENGCHENG = fixture('jiangxi-fengcheng-component-list');
const EPOINT = fixture('hubei-ggzy-epoint-article');

const stores: SqliteStore[] = [];
afterAll(async () => {
  for (const s of stores) s.close();
  removeTempDirs();
  await closeLocalSites();
});

/** Replays `html` at `seed` (its real host name, resolved to a local server); every other URL answers 404. */
async function replay(seed: string, html: string, maxPagesPerColumn: number) {
  const hits: string[] = [];
  const want = new URL(seed);
  const base = await localSite((req, url) => {
    hits.push(`${req.headers.host} ${url.pathname}`);
    return req.headers.host === want.host && url.pathname === want.pathname ? html : undefined;
  });
  const dir = tempDir('real-pager');
  const store = new SqliteStore(join(dir, 'g.db'));
  stores.push(store);
  await crawl({ seeds: [seed], store, blobDir: join(dir, 'blobs'), now: '2026-06-30', resolve: new Map([[want.host, new URL(base).host]]),
    ...LOCAL, browser: 'never', columnsOnly: true, maxPagesPerColumn });
  const s = await runSummary(store);
  return { col: s.columns.find((c) => c.url === seed)!, hits: hits.filter((h) => !h.endsWith(' /robots.txt')) };
}

describe('邯郸 TRS WCM pager script (countnum + countPage)', () => {
  const $ = parse(HANDAN.html);
  it('reads the stated record count and page count, and plans every later page up to 尾页', () => {
    const p = paginate($, HANDAN.want.base, HANDAN.html);
    expect(p.stated).toEqual({ records: 6348, pages: 56, evidence: ['var countnum= 6348', 'var countPage=56'] });
    expect(p.pages).toEqual(Array.from({ length: 55 }, (_, i) => `${HANDAN.want.base}index_${i + 1}.html`));
    // The pager the page rendered names the same last page.
    expect($('a').filter((_, a) => $(a).text() === '尾页').attr('href')).toBe(p.pages.at(-1));
    expect(p.capped).toBe(false);
  });

  it('builds nothing beyond the crawl\'s page cap', () => {
    const p = paginate($, HANDAN.want.base, HANDAN.html, 4);
    expect(p).toMatchObject({ pages: [1, 2, 3].map((n) => `${HANDAN.want.base}index_${n}.html`), capped: true, stated: { records: 6348, pages: 56 } });
  });

  it('replayed with its later pages not served: incomplete 1/6348, and only the pages within the cap were asked for', async () => {
    const { col, hits } = await replay(HANDAN.want.base, HANDAN.html, 4);
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 1, stated: { total: 6348, exact: true, evidence: 'var countnum= 6348; var countPage=56' } });
    expect(statusText(col)).toBe(`incomplete 1/6348 (list pages not reachable: http-404 at ${HANDAN.want.base}index_1.html)`);
    expect(hits.sort()).toEqual(['/zfwj/jinqixxgk/', '/zfwj/jinqixxgk/index_1.html', '/zfwj/jinqixxgk/index_2.html', '/zfwj/jinqixxgk/index_3.html']
      .map((p) => `hdzfxxgk.hd.gov.cn ${p}`));
  }, 60_000);
});

describe('丰城 component CMS script pager (purl + maxPageNum)', () => {
  const $ = parse(FENGCHENG.html);
  const hidden = $('div[style*="display:none"] a').map((_, a) => new URL($(a).attr('href')!, FENGCHENG.want.base).href).get();

  it('reads the stated page count and plans the later pages newest first, as the script\'s 下页 counts down', () => {
    const p = paginate($, FENGCHENG.want.base, FENGCHENG.html);
    expect(p.stated).toEqual({ records: null, pages: 199, evidence: ['var purl="../../n3/n13/index_958"; document.cookie="maxPageNum958=199'] });
    expect(p.pages).toHaveLength(198);
    expect(p.pages.slice(0, 2)).toEqual(['http://www.jxfc.gov.cn/n3/n13/index_958_198.html', 'http://www.jxfc.gov.cn/n3/n13/index_958_197.html']);
    // The page's hidden links name index_958_1 … index_958_199; _199 is the first page again (goPub shows the page's own list).
    expect(hidden).toHaveLength(199);
    expect(p.pages).toEqual(hidden.slice(0, 198).reverse());
    expect(p.capped).toBe(false);
  });

  it('builds nothing beyond the crawl\'s page cap, and reads a huge count without building it', () => {
    expect(paginate($, FENGCHENG.want.base, FENGCHENG.html, 3)).toMatchObject({ pages: hidden.slice(196, 198).reverse(), capped: true, stated: { pages: 199 } });
    const huge = '<script>var purl="./index_7"; var maxPageNum=0; document.cookie="maxPageNum7=99999999999"; maxPageNum = 99999999999;</script>';
    const p = paginate(parse(huge), 'http://h/col/', huge, 50);
    expect(p).toMatchObject({ capped: true, stated: { pages: 99999999999 } });
    expect(p.pages).toHaveLength(49);
    expect(p.pages[0]).toBe('http://h/col/index_7_99999999998.html');
  });

  it('is no Kaipu list API: the 开普云 找错 widget it carries is on sites of every CMS', () => {
    expect(FENGCHENG.html).toContain('pucha.kaipuyun.cn/exposure/jiucuo.js');
    expect(listApi(FENGCHENG.html, FENGCHENG.want.base, 500)).toBeNull();
  });

  it('replayed with its later pages not served: incomplete 21/≥4159, and only the pages within the cap were asked for', async () => {
    const { col, hits } = await replay(FENGCHENG.want.base, FENGCHENG.html, 3);
    // 199 pages of 21 rows: at least (199 − 1) × 21 + 1 records.
    expect(col).toMatchObject({ status: 'incomplete', itemCount: 21, stated: { total: 4159, exact: false } });
    expect(statusText(col)).toBe('incomplete 21/≥4159 (list pages not reachable: http-404 at http://www.jxfc.gov.cn/n3/n13/index_958_198.html)');
    expect(hits.sort()).toEqual(['/n3/n13/index.html', '/n3/n13/index_958_197.html', '/n3/n13/index_958_198.html'].map((p) => `www.jxfc.gov.cn ${p}`));
  }, 60_000);
});

describe('湖北 Epoint 新点 WebBuilder page', () => {
  const $ = parse(EPOINT.html);
  it('is recognised as Epoint by its WebBuilder script, though it names no EpointWebBuilder path', () => {
    expect(EPOINT.html).not.toMatch(/EpointWebBuilder/i);
    expect(listApi(EPOINT.html, EPOINT.want.base, 500)).toMatchObject({ family: 'epoint', endpoint: null, requests: [] });
  });

  it('has no site name in its placeholder SiteName meta (网站名称): the page\'s own title is used instead', () => {
    expect($('meta[name="SiteName"]').attr('content')).toBe('网站名称');
    // The page's <title> (not the one of the notice document embedded in its body, 资格预审公告); it has no separator, so all of it.
    expect(siteName($)).toMatch(/^【湖北省中心】（武西高铁云梦东站联络线）孝感市.*招标资格预审公告\(代招标公告\)<font color='#2ac36e'>\[文件获取中\]<\/font>$/);
  });

  it('tells template placeholders from names', () => {
    for (const v of ['网站名称', '站点名称', '栏目名称', '网站域名', '政府网站标识码', '{{siteName}}', '${site.name}', '$!{column.name}', '<TRS_SITENAME/>']) expect(isTemplatePlaceholder(v)).toBe(true);
    for (const v of ['邯郸市人民政府', '政府信息公开', '网站名称管理办法', '湖北省公共资源交易中心']) expect(isTemplatePlaceholder(v)).toBe(false);
  });
});
