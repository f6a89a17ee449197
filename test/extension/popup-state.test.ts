import { describe, expect, it } from 'vitest';
import { popupState, type PopupFacts } from '../../extension/lib/popup-state.ts';
import { checkingVerdict, noneVerdict } from '../../extension/lib/verdict.ts';
import type { TabVerdict } from '../../extension/lib/messages.ts';

const URL_ = 'http://www.example.gov.cn/zwgk/t20210120_1.htm';
const base: PopupFacts = { origin: 'http://www.example.gov.cn', tabUrl: URL_, loading: false, granted: true, enabled: true, verdict: null, gate: null };
const report: TabVerdict = { url: URL_, kind: 'report', title: 't', agency: 'a', year: 2020, summary: { errors: 0, warnings: 1, infos: 0, score: 97 }, line: { zh: '错误 0 · 警告 1 · 评分 97', en: '' } };

describe('popup state', () => {
  it('not a web page', () => {
    expect(popupState({ ...base, origin: null, tabUrl: 'chrome://newtab/' }).kind).toBe('no-page');
  });
  it('未启用此网站: no permission, or switched off (even with a verdict)', () => {
    expect(popupState({ ...base, granted: false })).toEqual({ kind: 'off', why: 'no-permission' });
    expect(popupState({ ...base, granted: false, loading: true })).toEqual({ kind: 'off', why: 'no-permission' });
    expect(popupState({ ...base, enabled: false, verdict: report })).toEqual({ kind: 'off', why: 'switched-off' });
  });
  it('正在检查: loading on an allowed site, or the lens said so', () => {
    expect(popupState({ ...base, loading: true }).kind).toBe('checking');
    expect(popupState({ ...base, verdict: checkingVerdict(URL_) }).kind).toBe('checking');
  });
  it('不是年报 and the verdict; a verdict of another page of the tab is not used', () => {
    expect(popupState({ ...base, verdict: noneVerdict(URL_) }).kind).toBe('not-report');
    expect(popupState({ ...base, verdict: report })).toEqual({ kind: 'verdict', verdict: report });
    expect(popupState({ ...base, tabUrl: `${URL_}#p2`, verdict: report }).kind).toBe('verdict');
    expect(popupState({ ...base, tabUrl: 'http://www.example.gov.cn/other.htm', verdict: report }).kind).toBe('not-checked');
  });
  it('the gate\'s mark, when no verdict describes the page: none → 不是年报, due/waiting/asked → 正在检查, no mark → not checked', () => {
    const none = popupState({ ...base, gate: 'none' });
    expect(none.kind).toBe('not-report');
    expect(none.kind === 'not-report' && none.verdict.url).toBe(URL_);
    expect(popupState({ ...base, gate: 'waiting' }).kind).toBe('checking');
    expect(popupState({ ...base, gate: 'asked' }).kind).toBe('checking');
    expect(popupState({ ...base, gate: 'due' }).kind).toBe('checking');
    expect(popupState({ ...base, gate: null }).kind).toBe('not-checked');
    // A verdict for the page wins over the mark; a switched-off or never-allowed site stays off.
    expect(popupState({ ...base, gate: 'none', verdict: report }).kind).toBe('verdict');
    expect(popupState({ ...base, gate: 'none', enabled: false })).toEqual({ kind: 'off', why: 'switched-off' });
    expect(popupState({ ...base, gate: 'none', granted: false })).toEqual({ kind: 'off', why: 'no-permission' });
  });
  it('a page checked once through activeTab keeps its verdict without a standing permission', () => {
    expect(popupState({ ...base, granted: false, verdict: report }).kind).toBe('verdict');
  });
});
