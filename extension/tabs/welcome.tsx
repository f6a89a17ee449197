/// <reference types="chrome" />
/**
 * The first-run page (tabs/welcome.html), opened once when the extension is installed: what it
 * checks, that it sends nothing anywhere, and how to enable it on a portal (nothing is allowed at
 * install, so until then it does nothing). Chinese, with an English switch.
 */
import { useEffect, useState } from 'react';
import { loadLang, saveLang, type Lang } from '../lib/i18n';

const CSS = `body{margin:0;font:15px/1.7 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#111827;background:#f9fafb}
header{background:#b22222;color:#fff;padding:14px 32px;display:flex;align-items:center;gap:16px}header h1{font-size:20px;margin:0;flex:1}
header button{background:rgba(255,255,255,.18);color:#fff;border:0;border-radius:4px;padding:3px 10px;cursor:pointer;font:inherit}
main{max-width:860px;margin:0 auto;padding:18px 32px}section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 20px;margin-bottom:14px}
h2{font-size:16px;margin:4px 0 6px}ul,ol{margin:4px 0;padding-left:22px}.note{color:#374151}b.mark{color:#b22222}
.gl-btn{background:#b22222;color:#fff;border:0;border-radius:5px;padding:5px 12px;cursor:pointer;font:inherit}`;

interface Text {
  title: string; lang: string; intro: string;
  checksH: string; checks: string[];
  privacyH: string; privacy: string[];
  enableH: string; enable: string[]; enableNote: string;
  offH: string; off: string; options: string;
}

const TEXT: Record<Lang, Text> = {
  zh: {
    title: '欢迎使用公开镜', lang: 'English',
    intro: '公开镜在你阅读政府信息公开工作年度报告时，就在页面上检查它：与命令行工具相同的解析和检查，结果标在表格和正文旁边。',
    checksH: '它检查什么',
    checks: [
      '年度报告网页：是否按国家模板（2019 或 2021 年版）写齐六部分和四张表；表格内的加总（如 一 + 二 = 三 + 四）；正文里的数字与表格是否一致（如正文 28 件、表三 29 件）。',
      '同一机关的往年报告：上年结转与本年衔接是否一致、往年报告是否齐全、是否照抄上年。',
      '公开栏目的列表页：最新一条的日期，按国办秘函〔2019〕19号的时限判断是否按时更新；年报栏目还列出缺少的年度。',
      '报告附件：本网站上的 PDF 在后台读取并检查（扫描件、Word 文件请用命令行）。',
    ],
    privacyH: '不向任何地方发送数据',
    privacy: [
      '所有检查都在你的浏览器里完成，本扩展不向任何服务器发送你看过的页面或检查结果。',
      '只读取你正在看的网站本身：获取往年报告、栏目页和附件都限于同一网站，不跨站请求。',
      '历史记录只保存在本机，可在设置页导出或全部删除。',
    ],
    enableH: '如何在一个网站启用',
    enable: [
      '打开一个政府网站（如 www.xxx.gov.cn）的年度报告页面；',
      '点浏览器工具栏上的公开镜图标；',
      '点“允许检查此网站”，并在浏览器的询问中确认。此后该网站的页面都会自动检查；只想查当前这一页，点“检查此页”。',
    ],
    enableNote: '安装时本扩展没有请求任何网站的权限，所以在你允许之前，它在任何网站上都不会运行，弹窗会显示“未启用此网站”。',
    offH: '随时关闭',
    off: '弹窗里的开关可在某个网站关闭本扩展；设置页列出已允许的网站，可以撤销。',
    options: '打开设置与历史',
  },
  en: {
    title: 'Welcome to Gongkai Lens', lang: '中文',
    intro: 'Gongkai Lens checks a government information disclosure annual report while you read it, on the page itself: the same parser and checks as the command-line tool, with the findings marked beside the tables and the text.',
    checksH: 'What it checks',
    checks: [
      'Annual report pages: the six parts and four tables of the national template (2019 or 2021); the sums inside the tables; whether the figures in the text agree with the tables (e.g. 28 in the text, 29 in table 3).',
      'The same agency\'s earlier reports: whether last year\'s carried-forward figures match this year\'s, whether a year is missing, whether a report copies the year before.',
      'Disclosure column list pages: the newest item\'s date, judged against the national check-list\'s limits; an annual-report column also lists missing years.',
      'Report attachments: PDF files on the same site are read and checked in the background (scans and Word files: use the CLI).',
    ],
    privacyH: 'It sends nothing anywhere',
    privacy: [
      'Every check runs in your browser; the extension sends neither the pages you read nor its results to any server.',
      'It reads only the site you are on: earlier reports, column pages and attachments are fetched from that same site, never from another.',
      'The history stays on this computer; export it or delete it all in the options page.',
    ],
    enableH: 'How to enable it on a site',
    enable: [
      'Open an annual report on a government portal (e.g. www.xxx.gov.cn);',
      'click the Gongkai Lens icon in the browser\'s toolbar;',
      'click "Allow on this site" and confirm the browser\'s prompt. From then on the site\'s pages are checked as you open them; "Check this page" checks the current page once.',
    ],
    enableNote: 'The extension asked for no site at install, so until you allow one it runs nowhere, and the popup says "Not enabled on this site".',
    offH: 'Switch it off at any time',
    off: 'The switch in the popup turns the extension off for a site; the options page lists the sites you allowed and revokes them.',
    options: 'Open options and history',
  },
};

function Welcome() {
  const [lang, setLang] = useState<Lang>('zh');
  useEffect(() => { void loadLang().then(setLang); }, []);
  const x = TEXT[lang];
  const toggle = () => { const l: Lang = lang === 'zh' ? 'en' : 'zh'; setLang(l); void saveLang(l); };
  useEffect(() => { document.title = x.title; document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; }, [x, lang]);
  return (
    <>
      <style>{CSS}</style>
      <header><h1 data-testid="welcome-title">{x.title}</h1><button data-testid="lang" onClick={toggle}>{x.lang}</button></header>
      <main>
        <p className="note" data-testid="intro">{x.intro}</p>
        <section data-testid="checks"><h2>{x.checksH}</h2><ul>{x.checks.map((c) => <li key={c}>{c}</li>)}</ul></section>
        <section data-testid="privacy"><h2>{x.privacyH}</h2><ul>{x.privacy.map((c) => <li key={c}>{c}</li>)}</ul></section>
        <section data-testid="enable"><h2>{x.enableH}</h2><ol>{x.enable.map((c) => <li key={c}>{c}</li>)}</ol><p className="note">{x.enableNote}</p></section>
        <section data-testid="off"><h2>{x.offH}</h2><p>{x.off}</p>
          <button className="gl-btn" data-testid="open-options" onClick={() => void chrome.runtime.openOptionsPage()}>{x.options}</button></section>
      </main>
    </>
  );
}

export default Welcome;
