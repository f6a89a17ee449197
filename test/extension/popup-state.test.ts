import { describe, expect, it } from 'vitest';
import { popupState, type PopupFacts } from '../../extension/lib/popup-state.ts';
import { ASK_ANSWERED_MS, GATE_DUE_MS, LOAD_DUE_MS, pageSeen, type PageRaw, type PageSeen } from '../../extension/lib/page-probe.ts';
import { checkingVerdict, isTabVerdict, noneVerdict } from '../../extension/lib/verdict.ts';
import type { TabVerdict } from '../../extension/lib/messages.ts';

const URL_ = 'http://www.example.gov.cn/zwgk/t20210120_1.htm';
const base: PopupFacts = { origin: 'http://www.example.gov.cn', tabUrl: URL_, loading: false, granted: true, enabled: true, verdict: null, page: null };
const report: TabVerdict = { url: URL_, kind: 'report', title: 't', agency: 'a', year: 2020, summary: { errors: 0, warnings: 1, infos: 0, score: 97 }, line: { zh: '错误 0 · 警告 1 · 评分 97', en: '' } };
const column: TabVerdict = { ...report, kind: 'column', summary: null, line: { zh: '栏目 20 条', en: 'column: 20 items' } };
const seen = (p: Partial<PageSeen>): PageSeen => ({ gate: null, gateUrl: URL_, verdict: null, ...p });

describe('popup state', () => {
  it('not a web page', () => {
    expect(popupState({ ...base, origin: null, tabUrl: 'chrome://newtab/' }).kind).toBe('no-page');
  });
  it('未启用此网站: no permission, or switched off (even with a verdict)', () => {
    expect(popupState({ ...base, granted: false })).toEqual({ kind: 'off', why: 'no-permission' });
    expect(popupState({ ...base, granted: false, loading: true })).toEqual({ kind: 'off', why: 'no-permission' });
    expect(popupState({ ...base, enabled: false, verdict: report })).toEqual({ kind: 'off', why: 'switched-off' });
    expect(popupState({ ...base, enabled: false, page: seen({ verdict: report }) })).toEqual({ kind: 'off', why: 'switched-off' });
  });
  it('正在检查: loading on an allowed site, or the lens said so', () => {
    expect(popupState({ ...base, loading: true }).kind).toBe('checking');
    expect(popupState({ ...base, verdict: checkingVerdict(URL_) }).kind).toBe('checking');
    expect(popupState({ ...base, page: seen({ verdict: checkingVerdict(URL_) }) }).kind).toBe('checking');
  });
  it('out of the page\'s reach: the tab\'s verdict, if it is about this page', () => {
    expect(popupState({ ...base, verdict: noneVerdict(URL_) }).kind).toBe('not-report');
    expect(popupState({ ...base, verdict: report })).toEqual({ kind: 'verdict', verdict: report });
    expect(popupState({ ...base, tabUrl: `${URL_}#p2`, verdict: report }).kind).toBe('verdict');
    expect(popupState({ ...base, tabUrl: 'http://www.example.gov.cn/other.htm', verdict: report }).kind).toBe('not-checked');
    // A page checked once through activeTab keeps its verdict without a standing permission.
    expect(popupState({ ...base, granted: false, verdict: report }).kind).toBe('verdict');
  });
  it('the page\'s own world speaks for its document, over the tab\'s stored verdict', () => {
    // Back from the back/forward cache: the tab's verdict is the later page's, the page keeps its own.
    expect(popupState({ ...base, verdict: { ...report, url: 'http://www.example.gov.cn/other.htm' }, page: seen({ gate: 'asked', verdict: column }) }))
      .toEqual({ kind: 'verdict', verdict: column });
    // Reloaded, and this time the gate found nothing: an old verdict for the same URL does not stand.
    expect(popupState({ ...base, verdict: column, page: seen({ gate: 'none' }) }).kind).toBe('not-report');
    // The page's verdict wins over the gate's note.
    expect(popupState({ ...base, page: seen({ gate: 'asked', verdict: report }) }).kind).toBe('verdict');
  });
  it('the gate\'s note: none → 不是年报, due/waiting/asked → 正在检查, nothing → not checked', () => {
    const none = popupState({ ...base, page: seen({ gate: 'none' }) });
    expect(none.kind).toBe('not-report');
    expect(none.kind === 'not-report' && none.verdict.url).toBe(URL_);
    expect(popupState({ ...base, page: seen({ gate: 'waiting' }) }).kind).toBe('checking');
    expect(popupState({ ...base, page: seen({ gate: 'asked' }) }).kind).toBe('checking');
    expect(popupState({ ...base, page: seen({ gate: 'due', gateUrl: null }) }).kind).toBe('checking');
    expect(popupState({ ...base, page: seen({}) }).kind).toBe('not-checked');
    // A note about the URL before the page's script changed it says nothing of this one.
    expect(popupState({ ...base, tabUrl: 'http://www.example.gov.cn/zwgk/other.htm', page: seen({ gate: 'none' }) }).kind).toBe('not-checked');
    expect(popupState({ ...base, granted: false, page: seen({}) })).toEqual({ kind: 'off', why: 'no-permission' });
  });
});

describe('reading the page\'s world', () => {
  const raw = (p: Partial<PageRaw>): PageRaw => ({ gate: null, verdict: null, loadedMsAgo: 60_000, sinceStart: 61_000, now: 1_000_000, ...p });
  it('takes the gate\'s note and a well-formed verdict only', () => {
    expect(pageSeen(raw({ gate: { mark: 'none', url: URL_, at: 999_000 } }))).toEqual({ gate: 'none', gateUrl: URL_, verdict: null });
    expect(pageSeen(raw({ gate: 'none' })).gate).toBeNull();
    expect(pageSeen(raw({ gate: { mark: 'yes', url: URL_, at: 0 } })).gate).toBeNull();
    expect(pageSeen(raw({ verdict: report })).verdict).toEqual(report);
    expect(pageSeen(raw({ verdict: { ...report, kind: 'verified' } })).verdict).toBeNull();
    expect(pageSeen(raw({ verdict: { ...report, line: '<b>ok</b>' } })).verdict).toBeNull();
    expect(isTabVerdict(null)).toBe(false);
  });
  it('an ask never answered stops counting as 正在检查', () => {
    const asked = (ago: number, verdict: unknown = null) => pageSeen(raw({ gate: { mark: 'asked', url: URL_, at: 1_000_000 - ago }, verdict })).gate;
    expect(asked(1000)).toBe('asked');
    expect(asked(ASK_ANSWERED_MS + 1)).toBeNull();
    expect(asked(ASK_ANSWERED_MS + 1, report)).toBe('asked');
  });
  it('no note yet: due just after the load, or while a load goes on (for a while)', () => {
    expect(pageSeen(raw({ loadedMsAgo: 100 })).gate).toBe('due');
    expect(pageSeen(raw({ loadedMsAgo: GATE_DUE_MS + 1 })).gate).toBeNull();
    expect(pageSeen(raw({ loadedMsAgo: null, sinceStart: 2000 })).gate).toBe('due');
    expect(pageSeen(raw({ loadedMsAgo: null, sinceStart: LOAD_DUE_MS + 1 })).gate).toBeNull();
  });
});
