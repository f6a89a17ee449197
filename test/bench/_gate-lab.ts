/**
 * A quick loop for the gate's cost, without rebuilding the extension: bundles candidate gate entry
 * files (esbuild, IIFE, as the build does), loads the bench's pages in plain Chromium, and runs each
 * candidate in a fresh isolated world (CDP `Page.createIsolatedWorld`, as a content script gets),
 * traced: wall and CPU time (`dur`, `tdur`) of the candidate's compile and run. Candidates
 * alternate load by load, so a busy machine hits them alike. Besides the bench's pages, two of its
 * own: an ordinary portal article (menus, footer links) and the same in an old CMS table layout.
 * Not a benchmark of record: `npm run bench -- extension` measures the built extension.
 *
 *   npx tsx test/bench/_gate-lab.ts [runs] candidate.ts …   (GATE_LAB_PAGES=plain,long to pick pages)
 *
 * A candidate file runs its look on import and sets `globalThis.__gateVerdict`. A CDP world has no
 * chrome.runtime, so the gate's message (0.1–0.2 ms in the bench) is not in these figures:
 * _gate-variants.ts measures whole gates in the extension.
 */
import { build } from 'esbuild';
import { chromium, type CDPSession } from '@playwright/test';
import { resolve } from 'node:path';
import { startFixtureSite, PATHS } from '../fixtures/extension/server.ts';
import { percentile } from './stats.ts';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: Record<string, unknown> }

const argv = process.argv.slice(2);
const runs = /^\d+$/.test(argv[0] ?? '') ? Number(argv.shift()) : 15;
const files = argv.map((f) => resolve(f));
const HOST = 'www.example.gov.cn';
/** An ordinary portal article (menus, footer links, no report, no dated list): served by the lab itself. */
const PORTAL = '/lab/portal/t20240301_1.htm';
/** The same in an old CMS layout: nested tables for the header, menus, body and footer. */
const LAYOUT = '/lab/layout/t20240301_2.htm';
const PAGES = { plain: PATHS.plain, long: PATHS.bigPlain, portal: PORTAL, layout: LAYOUT, report: PATHS.seed001, column: PATHS.news } as const;

function layoutPage(): string {
  const nav = `<table width="100%"><tr>${Array.from({ length: 10 }, (_, i) => `<td><a href="/col${i}/">栏目${i}</a></td>`).join('')}</tr></table>`;
  const menu = `<table width="180">${Array.from({ length: 15 }, (_, i) => `<tr><td height="28"><a href="/zwgk/m${i}/">政务公开菜单${i}</a></td></tr>`).join('')}</table>`;
  const body = Array.from({ length: 40 }, (_, i) => `<p>第${i + 1}段：为切实做好今年防汛防台工作，确保人民群众生命财产安全，现就有关事项通知如下。</p>`).join('');
  const foot = `<table width="100%"><tr><td>主办单位：嘉兴市生态环境局</td><td>地址：嘉兴市南湖区某路1号</td></tr><tr><td colspan="2">${Array.from({ length: 20 }, (_, i) => `<a href="http://site${i}.gov.cn/">友情链接${i}</a>`).join(' ')}</td></tr></table>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好2024年防汛工作的通知</title></head><body>
<table width="1000" align="center"><tr><td><img src="/banner.jpg"></td></tr><tr><td>${nav}</td></tr>
<tr><td><table width="100%"><tr><td valign="top">${menu}</td><td valign="top"><table width="100%"><tr><td align="center"><font size="4"><b>关于做好2024年防汛工作的通知</b></font></td></tr>
<tr><td>发布日期：2024-03-01</td></tr><tr><td>${body}</td></tr></table></td></tr></table></td></tr><tr><td>${foot}</td></tr></table></body></html>`;
}

function portalPage(): string {
  const menu = Array.from({ length: 12 }, (_, i) => `<li class="nav-item"><a href="/col${i}/">栏目${i}</a><ul class="sub">${
    Array.from({ length: 8 }, (_, j) => `<li><a href="/col${i}/s${j}/">子栏目${i}-${j}</a></li>`).join('')}</ul></li>`).join('');
  const related = Array.from({ length: 8 }, (_, i) => `<li><a href="/news/t${i}.htm" title="相关文章${i}">关于开展第${i}项工作的相关文章</a></li>`).join('');
  const friends = Array.from({ length: 30 }, (_, i) => `<a href="http://site${i}.gov.cn/" target="_blank">友情链接${i}</a>`).join(' | ');
  const body = Array.from({ length: 40 }, (_, i) => `<p style="text-indent:2em">第${i + 1}段：为切实做好今年防汛防台工作，确保人民群众生命财产安全，现就有关事项通知如下。</p>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好2024年防汛工作的通知_嘉兴市生态环境局</title></head><body>
<div class="header"><div class="logo"><img src="/logo.png" alt="logo"></div><div class="search"><form><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul class="menu">${menu}</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
<div class="main"><div class="article"><div class="title">关于做好2024年防汛工作的通知</div><div class="info"><span>发布时间：2024-03-01</span><span>来源：本局</span></div>
<div class="content">${body}</div></div><div class="side"><h3>相关文章</h3><ul>${related}</ul></div></div>
<div class="footer"><div class="links">${friends}</div><p>主办单位：嘉兴市生态环境局 地址：嘉兴市南湖区某路1号</p></div></body></html>`;
}

async function trace(cdp: CDPSession, action: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => { events.push(...(e.value as TraceEvent[])); };
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

const codes = await Promise.all(files.map(async (f, i) => {
  const out = await build({ entryPoints: [f], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022', minify: true, logLevel: 'silent' });
  return `${out.outputFiles[0]!.text}\n//# sourceURL=gate-lab-c${i}.js`;
}));

const site = await startFixtureSite();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${site.port}`] });
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await page.route(`http://${HOST}${PORTAL}`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: portalPage() }));
  await page.route(`http://${HOST}${LAYOUT}`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: layoutPage() }));
  const rows: string[] = [];
  const only = process.env.GATE_LAB_PAGES?.split(',');
  for (const [name, path] of Object.entries(PAGES).filter(([n]) => !only || only.includes(n))) {
    const wall: number[][] = codes.map(() => []);
    const cpu: number[][] = codes.map(() => []);
    const verdicts: unknown[] = codes.map(() => undefined);
    for (let r = 0; r < runs + 1; r++) {
      for (let k = 0; k < codes.length; k++) {
        const c = (k + r) % codes.length;
        await page.goto(`http://${HOST}${PATHS.plain}?warm`);
        await page.goto(`http://${HOST}${path}`);
        const { frameTree } = await cdp.send('Page.getFrameTree');
        // The world's own set-up (LocalWindowProxy::Initialize) is the same for any gate: left out.
        const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `gate${r}-${c}` });
        const events = await trace(cdp, async () => {
          const res = await cdp.send('Runtime.evaluate', { expression: codes[c]!, contextId: executionContextId });
          if (res.exceptionDetails) throw new Error(`${files[c]}: ${JSON.stringify(res.exceptionDetails)}`);
        });
        if (r === 0) continue; // the renderer's first sight of the code
        // Runtime.evaluate shows as EvaluateScript (compile and run), with no script URL.
        const ev = events.filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.dur !== undefined);
        wall[c]!.push(ev.reduce((s, e) => s + e.dur!, 0) / 1000);
        cpu[c]!.push(ev.reduce((s, e) => s + (e.tdur ?? e.dur!), 0) / 1000);
        verdicts[c] = (await cdp.send('Runtime.evaluate', { expression: 'globalThis.__gateVerdict', contextId: executionContextId, returnByValue: true })).result.value;
      }
    }
    for (let c = 0; c < codes.length; c++) {
      const w = wall[c]!.sort((a, b) => a - b);
      const u = cpu[c]!.sort((a, b) => a - b);
      rows.push(`${name.padEnd(7)} ${files[c]!.split('/').pop()!.padEnd(24)} wall ${percentile(w, 50).toFixed(3)} (p25 ${percentile(w, 25).toFixed(3)})  cpu ${percentile(u, 50).toFixed(3)} (p25 ${percentile(u, 25).toFixed(3)})  verdict ${JSON.stringify(verdicts[c])}`);
    }
  }
  process.stdout.write(rows.join('\n') + '\n');
} finally {
  await browser.close();
  await site.close();
}
