/**
 * `gongkai watch --once` end to end: three cycles against the demo portal shown as of two days, with
 * a local webhook/robot receiver and a local SMTP catcher on 127.0.0.1.
 *
 * The portal is laid out for 2025-02-05; two of its sites are watched: 杭州市生态环境局 (its 工作动态
 * column and home page last updated 2025-01-16; 工作动态 held to 10 days by the portals file; its 2024
 * report published 2025-01-22) and 温州市生态环境局 (only its 2019 report; a department, due 31 January).
 * - Cycle 1, as of 2025-01-20: 工作动态 about to go stale (4 days old, limit 10, lead 7), 政策文件 and
 *   通知公告 stale (over 183 days), 行政处罚 and 监督检查 empty, 温州 2020–2023 missing.
 * - Cycle 2, as of 2025-02-05: 工作动态 gone stale, the home page gone stale (20 days, limit 14), so the
 *   verdict PASS → FAIL, the 2024 report of 杭州市生态环境局 new, 温州's 2024 report now late.
 * - Cycle 3, the same day again: nothing new, nothing sent.
 */
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal } from '../fixtures/portal/server.js';
import { SqliteStore } from '../../crawler/src/store/sqlite.js';
import { deliveries } from '../../crawler/src/watch/state.js';
import { startDashboard } from '../../crawler/src/serve/server.js';
import { portalRegions } from '../../crawler/src/serve/regions.js';
import { portalSettings } from '../../crawler/src/cli/portal-settings.js';
import { readPortalLines } from '../../crawler/src/cli/options.js';
import { runCli } from './cli-helpers.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { startReceiver, startSmtp, textPart, type Receiver, type SmtpCatcher } from './watch-helpers.js';

const HOSTS = ['sthjj.example.gov.cn', 'sthjj.wenzhou.example.gov.cn'];
const SECRET = 'SECtest-dingtalk-0123456789';
const FEISHU_SECRET = 'feishu-test-secret';
let dir: string, receiver: Receiver, smtp: SmtpCatcher;

beforeAll(async () => {
  dir = tempDir('watch');
  receiver = await startReceiver();
  smtp = await startSmtp();
  // The flaky receiver fails twice, then takes the message; the down one always fails.
  receiver.answer('/flaky', (n) => (n <= 2 ? { status: 500, body: 'busy' } : { status: 200, body: 'ok' }));
  receiver.answer('/down', () => ({ status: 503, body: 'down' }));
  receiver.answer('/feishu', () => ({ status: 200, body: '{"code":0,"msg":"success"}' }));
  writeFileSync(join(dir, 'portals.txt'), `# watched portals\nhttp://sthjj.example.gov.cn/ limit.工作动态=10\nhttp://sthjj.wenzhou.example.gov.cn/\n`);
  const retry = { attempts: 3, backoffMs: 20 };
  writeFileSync(join(dir, 'alerts.json'), JSON.stringify({
    channels: [
      { type: 'webhook', name: 'hook', url: `${receiver.url}/hook` },
      { type: 'dingtalk', name: 'ding', urlEnv: 'TEST_DINGTALK_URL', secretEnv: 'TEST_DINGTALK_SECRET' },
      { type: 'wecom', name: 'wecom', url: `${receiver.url}/wecom?key=k1`, kinds: ['report-missing', 'new-report'] },
      { type: 'feishu', name: 'feishu', url: `${receiver.url}/feishu`, secretEnv: 'TEST_FEISHU_SECRET' },
      { type: 'email', name: 'mail', host: '127.0.0.1', port: smtp.port, from: 'watch@example.gov.cn', to: ['gk@example.gov.cn'] },
      { type: 'webhook', name: 'flaky', url: `${receiver.url}/flaky`, retry },
      { type: 'webhook', name: 'down', url: `${receiver.url}/down`, retry: { attempts: 2, backoffMs: 20 } },
    ],
  }));
  process.env.TEST_DINGTALK_URL = `${receiver.url}/dingtalk?access_token=tok-123`;
  process.env.TEST_DINGTALK_SECRET = SECRET;
  process.env.TEST_FEISHU_SECRET = FEISHU_SECRET;
});
afterAll(async () => {
  await receiver?.close();
  await smtp?.close();
  removeTempDirs();
});

async function cycle(asOf: string) {
  const portal = await startPortal({ port: 0, now: '2025-02-05', asOf });
  try {
    return await runCli('watch', '--once', '--portals', join(dir, 'portals.txt'), '--alerts', join(dir, 'alerts.json'), '--db', join(dir, 'gongkai.db'),
      '--now', asOf, '--delay', '0', '--retries', '1', '--browser', 'never', '--quiet', ...HOSTS.flatMap((h) => ['--resolve', `${h}=127.0.0.1:${portal.port}`]));
  } finally {
    await portal.close();
  }
}

type Sent = { kind: string; column: string | null; name: string | null; what: { zh: string; en: string }; since: string; where: string; rule: { zh: string } };
const hook = (from: number) => receiver.requests.filter((r) => r.path === '/hook').slice(from).map((r) => (r.json as { alerts: Sent[] }).alerts);
const brief = (a: Sent) => `${a.kind} ${a.name}${a.column ? `·${a.column}` : ''}${a.kind === 'report-missing' ? ` ${/(\d{4})年度报告逾期/.exec(a.what.zh)?.[1]}` : ''}`;

describe('gongkai watch --once', () => {
  let hooks0 = 0;
  it('cycle 1 (as of 2025-01-20): what holds on the first run, to every channel', async () => {
    const r = await cycle('2025-01-20');
    expect(r.code, r.err).toBe(0);
    const [sent, ...more] = hook(0);
    expect(more).toEqual([]);
    expect(sent!.map(brief).sort()).toEqual([
      'about-to-stale 杭州市生态环境局·工作动态',
      'empty 杭州市生态环境局·监督检查',
      'empty 杭州市生态环境局·行政处罚',
      'report-missing 温州市生态环境局 2020',
      'report-missing 温州市生态环境局 2021',
      'report-missing 温州市生态环境局 2022',
      'report-missing 温州市生态环境局 2023',
      'stale 杭州市生态环境局·政策文件',
      'stale 杭州市生态环境局·通知公告',
    ]);
    const soon = sent!.find((a) => a.kind === 'about-to-stale')!;
    // What, where, since when, by which rule.
    expect(soon.what.zh).toContain('最新信息为2025-01-16，还剩6天，2025-01-27起超期');
    expect(soon.where).toBe('http://sthjj.example.gov.cn/zwgk/zfxxgk/fdzdgknr/gzdt/');
    expect(soon.since).toBe('2025-01-16');
    expect(soon.rule.zh).toBe('动态要闻类栏目应在10天内更新（监测清单栏目设定）');
    const stale = sent!.find((a) => a.column === '政策文件')!;
    expect(stale).toMatchObject({ since: '2024-12-31', rule: { zh: '通知公告、政策文件类栏目应在183天内更新（国办秘函〔2019〕19号）' } });
    expect(r.out).toContain('9 new, 0 still holding');
    hooks0 = receiver.requests.filter((x) => x.path === '/hook').length;
  });

  it('the robots get their documented payloads, signed; e-mail arrives over SMTP', () => {
    const ding = receiver.requests.filter((x) => x.path === '/dingtalk');
    expect(ding).toHaveLength(1);
    const ts = ding[0]!.query.get('timestamp')!;
    expect(ding[0]!.query.get('access_token')).toBe('tok-123');
    expect(ding[0]!.query.get('sign')).toBe(createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64'));
    const dj = ding[0]!.json as { msgtype: string; markdown: { title: string; text: string } };
    expect(dj.msgtype).toBe('markdown');
    expect(dj.markdown.title).toContain('9条');
    expect(dj.markdown.text).toContain('**【栏目即将超期】杭州市生态环境局 · 工作动态**');
    const fs = receiver.requests.find((x) => x.path === '/feishu')!.json as { timestamp: string; sign: string; msg_type: string; content: { post: { zh_cn: { title: string; content: unknown[][] } } } };
    expect(fs.msg_type).toBe('post');
    expect(fs.sign).toBe(createHmac('sha256', `${fs.timestamp}\n${FEISHU_SECRET}`).update('').digest('base64'));
    expect(fs.content.post.zh_cn.content).toHaveLength(18); // two paragraphs per alert
    // WeCom lists only the kinds it asked for.
    const wc = receiver.requests.filter((x) => x.path === '/wecom');
    expect(wc).toHaveLength(1);
    const content = (wc[0]!.json as { msgtype: string; markdown: { content: string } }).markdown.content;
    expect(content.match(/【年报逾期未公布】/g)).toHaveLength(4);
    expect(content).not.toContain('栏目超期');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['gk@example.gov.cn']);
    expect(smtp.mails[0]!.subject).toContain('公开镜监测提醒：9条');
    expect(textPart(smtp.mails[0]!.data)).toContain('温州市生态环境局的2023年度报告逾期未公布（期限2024-01-31，最近一份为2019年度）');
  });

  it('a failing receiver is retried with backoff and every attempt is recorded; the crawl is not stopped', async () => {
    expect(receiver.requests.filter((x) => x.path === '/flaky').map((x) => x.status)).toEqual([500, 500, 200]);
    expect(receiver.requests.filter((x) => x.path === '/down').map((x) => x.status)).toEqual([503, 503]);
    const store = new SqliteStore(join(dir, 'gongkai.db'));
    try {
      const d = await deliveries(store, 1);
      expect(d.filter((x) => x.channel === 'flaky').map((x) => [x.attempt, x.ok, x.status])).toEqual([[1, false, 500], [2, false, 500], [3, true, 200]]);
      expect(d.filter((x) => x.channel === 'down').map((x) => [x.attempt, x.ok, x.error])).toEqual([[1, false, 'HTTP 503'], [2, false, 'HTTP 503']]);
      // No secret in what is recorded.
      expect(JSON.stringify(d)).not.toContain('tok-123');
    } finally {
      store.close();
    }
  });

  it('cycle 2 (as of 2025-02-05): gone stale, verdict changed, a new report, a late report — and nothing sent twice', async () => {
    const r = await cycle('2025-02-05');
    expect(r.code, r.err).toBe(0);
    const sent = hook(hooks0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map(brief).sort()).toEqual([
      'new-report 杭州市生态环境局',
      'report-missing 温州市生态环境局 2024',
      'stale 杭州市生态环境局·工作动态',
      'stale 杭州市生态环境局·首页',
      'verdict-changed 杭州市生态环境局',
    ]);
    const byKind = Object.fromEntries(sent[0]!.map((a) => [a.kind === 'stale' ? `stale·${a.column}` : a.kind, a]));
    expect(byKind['stale·工作动态']).toMatchObject({ since: '2025-01-27', where: 'http://sthjj.example.gov.cn/zwgk/zfxxgk/fdzdgknr/gzdt/' });
    expect(byKind['new-report']!.what.zh).toContain('2025-01-22发布');
    expect(byKind['new-report']!.where).toMatch(/^http:\/\/sthjj\.example\.gov\.cn\/art\/2025\/1\/22\//);
    expect(byKind['report-missing']).toMatchObject({ since: '2025-02-01', where: 'http://sthjj.wenzhou.example.gov.cn/zwgk/zfxxgk/zfxxgknb/' });
    expect(byKind['verdict-changed']!.what.en).toBe('杭州市生态环境局: verdict changed from PASS to FAIL');
    // The down receiver still has everything pending: the 8 conditions of cycle 1 that still hold (about-to-stale
    // has cleared: the column is stale now) and the 5 new alerts.
    const down = receiver.requests.filter((x) => x.path === '/down');
    expect(down.slice(2).map((x) => (x.json as { alerts: Sent[] }).alerts.length)).toEqual([13, 13]);
    expect((down[2]!.json as { alerts: Sent[] }).alerts.some((a) => a.kind === 'about-to-stale')).toBe(false);
    expect(smtp.mails).toHaveLength(2);
  });

  it('cycle 3 (the same day again): nothing new is sent', async () => {
    const before = receiver.requests.filter((x) => x.path !== '/down').length;
    const r = await cycle('2025-02-05');
    expect(r.code, r.err).toBe(0);
    expect(receiver.requests.filter((x) => x.path !== '/down').length).toBe(before);
    expect(smtp.mails).toHaveLength(2);
    expect(r.out).toContain('0 new, 11 still holding');
  });

  it('the dashboard shows what the watch holds, with the portals file\'s limits and regions (gongkai serve --portals)', async () => {
    writeFileSync(join(dir, 'portals-region.txt'), 'http://sthjj.example.gov.cn/ limit.工作动态=10 region=330106 level=county\nhttp://sthjj.wenzhou.example.gov.cn/\n');
    const store = new SqliteStore(join(dir, 'gongkai.db'));
    const { regions, limits } = portalSettings(readPortalLines(join(dir, 'portals-region.txt')));
    const dash = await startDashboard({ store, port: 0, regionOf: portalRegions(regions), limits });
    const plain = await startDashboard({ store, port: 0, regionOf: portalRegions() });
    try {
      const get = async (base: string, path: string) => (await fetch(base + path)).json() as Promise<any>;
      const p = await get(dash.url, 'api/portal?host=sthjj.example.gov.cn');
      // Holding: what cycle 3 still holds for 杭州 (stale 工作动态 and 首页, stale 政策文件/通知公告, empty 行政处罚/监督检查), each sent to the hook.
      const holding = p.alerts.holding.map((a: any) => `${a.kind} ${a.what.zh}`);
      expect(holding.some((x: string) => x.startsWith('stale') && x.includes('工作动态'))).toBe(true);
      expect(p.alerts.holding.every((a: any) => a.resolvedRun === null && a.sentTo.some((s: any) => s.channel === 'hook'))).toBe(true);
      expect(p.alerts.holding.every((a: any) => a.sentTo.every((s: any) => s.channel !== 'down'))).toBe(true);
      // Events: cycle 2's new report, verdict change and the new items of two columns.
      expect(p.alerts.events.map((a: any) => a.kind).sort()).toEqual(['new-items', 'new-items', 'new-report', 'verdict-changed']);
      // About to go stale (cycle 1) cleared when the column went stale (cycle 2).
      expect(p.alerts.cleared.map((a: any) => a.kind)).toContain('about-to-stale');
      const gzdt = p.columns.find((c: any) => c.name === '工作动态');
      expect(gzdt.limitDays).toBe(10);
      expect(p).toMatchObject({ region: '330106', level: 'county' });
      const q = await get(plain.url, 'api/portal?host=sthjj.example.gov.cn');
      expect(q.columns.find((c: any) => c.name === '工作动态').limitDays).toBe(14);
      expect(q.level).not.toBe('county');
      const list = await get(dash.url, 'api/portals');
      const row = list.rows.find((r: any) => r.host === 'sthjj.example.gov.cn');
      expect(row.alerts).toBe(p.alerts.holding.length);
      expect(row).toMatchObject({ region: '330106', level: 'county' });
      expect((await get(dash.url, 'api/portals?level=county')).rows.map((r: any) => r.host)).toEqual(['sthjj.example.gov.cn']);
    } finally {
      await dash.close();
      await plain.close();
      store.close();
    }
  });
});
