/**
 * Bad input never crashes or hangs the parser: random bytes, mutated real reports, pathological
 * HTML. Every outcome is a report or a typed "unparseable" with a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport, parseHtml, parseText, type ParseResult } from '../../shared/src/index.ts';
import { parseBytes } from '../../shared/src/node.ts';
import { RETRYABLE } from '../../shared/src/errors.ts';
import { documentBytes, seedFiles, seedText } from './fixtures.ts';

const REASONS = Object.keys(RETRYABLE);

function wellFormed(r: ParseResult): void {
  if (r.ok) {
    const res = checkReport(r.report);
    expect(res.score.value).toBeGreaterThanOrEqual(0);
    expect(res.score.value).toBeLessThanOrEqual(100);
    for (const f of res.findings) expect(f.message.zh && f.message.en).toBeTruthy();
  } else {
    expect(REASONS).toContain(r.reason);
    expect(r.message.zh.length).toBeGreaterThan(0);
    expect(r.message.en.length).toBeGreaterThan(0);
  }
}

const html = new TextDecoder().decode(documentBytes('report001.html'));
const texts = seedFiles().map(seedText);

describe('typed results for bad input', () => {
  it('empty input', async () => {
    const r = await parseBytes(new Uint8Array());
    expect(r).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseText('   \n\t ')).toMatchObject({ ok: false, reason: 'empty' });
  });
  it('binary junk', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await parseBytes(junk)).toMatchObject({ ok: false, reason: 'binary' });
  });
  it('a 50 MB file is refused by size before any parsing', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    big.set(new TextEncoder().encode('<html><body>'), 0);
    const r = await parseBytes(big);
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
  });
  it('HTML with no report', () => {
    const r = parseHtml('<html><head><title>首页 - 某某市人民政府</title></head><body><div>欢迎访问</div><ul><li><a href="/a">通知公告</a></li></ul></body></html>');
    expect(r).toMatchObject({ ok: false, reason: 'not-a-report' });
  });
  it('a different document altogether (a policy notice)', () => {
    const r = parseText('关于印发《某某市政务公开工作要点》的通知\n各区县人民政府，市政府各部门：\n现将《要点》印发给你们，请认真贯彻执行。\n某某市人民政府办公室\n2021年3月1日');
    expect(r).toMatchObject({ ok: false, reason: 'not-a-report' });
  });
  it('a truncated table is read as far as it goes and says what is missing', () => {
    const cut = html.slice(0, html.indexOf('（四）无法提供'));
    const r = parseHtml(cut);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.table3?.missingRows).toContain('carriedForward');
    const res = checkReport(r.report);
    expect(res.findings.map((f) => f.id)).toContain('structure.table3.rows');
    expect(res.findings.map((f) => f.id)).toContain('structure.table4.missing');
  });
  it('deeply nested markup', () => {
    const deep = '<div>'.repeat(20000) + '一、总体情况' + '</div>'.repeat(20000);
    wellFormed(parseHtml(`<html><body>${deep}${html}</body></html>`));
  });
  it('huge spans and a very wide table', () => {
    const wide = `<table><tr>${'<td colspan="1000" rowspan="100000">1</td>'.repeat(300)}</tr></table>`;
    wellFormed(parseHtml(html.replace('<body>', `<body>${wide}`)));
  });
});

describe('property: random and mutated documents never throw', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (s) => { wellFormed(parseText(s)); wellFormed(parseHtml(s)); }), { numRuns: 300 });
  });

  it('random unicode with report vocabulary mixed in', () => {
    const words = fc.constantFrom('一、总体情况', '三、收到和处理政府信息公开申请情况', '本年新收政府信息公开申请数量', '（七）总计', '\t', '\n', ' ', '0', '12', '/', '无', '结果维持', '第二十条第（一）项', '<td>', '<tr>', '</table>', '<table>', 'rowspan="3"');
    fc.assert(fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 5 })), { maxLength: 400 }), (parts) => {
      const s = parts.join('');
      wellFormed(parseText(s));
      wellFormed(parseHtml(s));
    }), { numRuns: 300 });
  });

  it('real reports with lines deleted, duplicated and cut', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', 'dup', 'cut', 'swap')), { maxLength: 30 }), (i, ops) => {
      const lines = texts[i]!.split('\n');
      for (const [n, op] of ops) {
        const k = n % Math.max(1, lines.length);
        if (op === 'del') lines.splice(k, 1);
        else if (op === 'dup') lines.splice(k, 0, lines[k] ?? '');
        else if (op === 'cut') lines[k] = (lines[k] ?? '').slice(0, (n >> 3) % 7);
        else if (lines.length > 1) { const j = (k + 1) % lines.length; [lines[k], lines[j]] = [lines[j]!, lines[k]!]; }
      }
      wellFormed(parseText(lines.join('\n')));
    }), { numRuns: 200 });
  });

  it('the HTML report with bytes flipped and tags cut', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(html.length - 1), fc.constantFrom('<', '>', '"', '', '9', '</td>', '<td rowspan="9">')), { maxLength: 40 }), (edits) => {
      let s = html;
      for (const [at, ins] of edits) s = s.slice(0, at) + ins + s.slice(at + 1);
      wellFormed(parseHtml(s));
    }), { numRuns: 150 });
  });
});

describe('article pages without the report body', () => {
  it('a page titled as a report whose body is only an attachment link is not-a-report, saying why', () => {
    const r = parseHtml('<html><head><title>杭州市某某局2020年政府信息公开工作年度报告</title></head><body><h1>杭州市某某局2020年政府信息公开工作年度报告</h1><div class="TRS_Editor"><p>附件：<a href="P020210120.pdf">2020年政府信息公开工作年度报告.pdf</a></p></div></body></html>');
    expect(r).toMatchObject({ ok: false, reason: 'not-a-report' });
    if (!r.ok) expect(r.message.en).toMatch(/attachment or images/);
  });
});
