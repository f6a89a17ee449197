/**
 * A Latin HTTP charset (ISO-8859-1 / windows-1252, what many Java servers send by default) on a GBK
 * page with no <meta>: the body is valid GB18030 Chinese and Latin mojibake, so the label is a
 * server default — decoded as gb18030 and said so in the notes. Real Latin text keeps its label.
 * Input: seed report001-gbk.html (/work/shared/fixtures/documents) with its <meta charset> removed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../shared/src/index.ts';
import { parseBytes } from '../../shared/src/node.ts';
import { DOCUMENTS } from '../helpers/fixtures.ts';

const SECONDS = 20_000;
const gbkPage = readFileSync(join(DOCUMENTS, 'report001-gbk.html'));
const noMeta = () => new Uint8Array(Buffer.from(gbkPage.toString('latin1').replace(/<meta[^>]*charset[^>]*>/i, ''), 'latin1'));

describe('Latin HTTP charset on a GBK body without <meta>', () => {
  it('the seed page really has no <meta charset> left and is not UTF-8', () => {
    const b = noMeta();
    expect(Buffer.from(b).toString('latin1')).not.toMatch(/charset/i);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
  });

  for (const label of ['ISO-8859-1', 'windows-1252', 'latin1']) {
    it(`charset=${label} → gb18030, with a note that the label was a server default (sniffed)`, async () => {
      const r = await parseBytes(noMeta(), { contentType: `text/html; charset=${label}`, ocr: false });
      if (!r.ok) throw new Error(`${r.reason}: ${r.message.en}`);
      expect(r.report.source.encoding).toBe('gb18030');
      expect(r.report.agency).toBe('嘉兴市生态环境局');
      expect(r.report.table3?.rows.length).toBe(23);
      expect(r.report.notes.join(' ')).toMatch(/HTTP Content-Type charset ".+" \(a common server default\) contradicts the body, which is valid GB18030 Chinese.*\(sniffed\)/);
    }, SECONDS);
  }

  it('real Latin-1 text under a Latin-1 label stays Latin-1', () => {
    const latin = new Uint8Array(Buffer.from('<p>Café résumé naïve — Zürich, São Paulo, façade, über, déjà vu, crème brûlée</p>', 'latin1'));
    const d = decodeBytes(latin, 'text/html; charset=iso-8859-1');
    expect(d.encoding).toBe('iso-8859-1');
    expect(d.text).toContain('Café résumé');
    expect(d.notes).toEqual([]);
  });

  it('a <meta> naming another encoding still decides as before (no sniff note)', () => {
    const d = decodeBytes(new Uint8Array(gbkPage), 'text/html; charset=iso-8859-1');
    expect(d.encoding).toBe('gb18030');
    expect(d.notes.join(' ')).toMatch(/contradicts the page's <meta> "gb18030": <meta> used/);
    expect(d.notes.join(' ')).not.toMatch(/sniffed/);
  });
});
