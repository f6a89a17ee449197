/**
 * MinHash over character shingles and the LSH index (crawler/src/similar/): normalization, fixed
 * signatures, the estimate against the exact Jaccard similarity on report-like Chinese text, a copied
 * 第五部分 (other agency name, other years and figures, other punctuation and line breaks) found and
 * different ones not, and the store encoding.
 */
import { describe, expect, it } from 'vitest';
import { decodeSignature, encodeSignature, HASHES, jaccard, normalizeText, shingleHashes, signatureOf, similarity, textSignature } from '../../crawler/src/similar/minhash.js';
import { bandKeys, BANDS, MinHashIndex } from '../../crawler/src/similar/lsh.js';

import { FIVE_A, FIVE_B, FIVE_C, FIVE_COPY } from '../fixtures/similar/sections.js';

describe('MinHash signatures', () => {
  it('normalizes punctuation, spaces, width and digits away, keeping the wording', () => {
    expect(normalizeText('2023年，本机关 政府信息\n公开（ＡＢ）')).toBe('0000年本机关政府信息公开ab');
    expect(normalizeText(FIVE_A)).toBe(normalizeText(FIVE_COPY));
    expect(shingleHashes('一二三四五六').length).toBe(2);
    expect(shingleHashes('').length).toBe(0);
  });

  it('gives the same signature on every call (fixed seeded permutations)', () => {
    const a = textSignature(FIVE_A)!, b = textSignature(FIVE_A)!;
    expect(a.length).toBe(HASHES);
    expect([...a]).toEqual([...b]);
    expect(decodeSignature(encodeSignature(a))).toEqual(a);
    expect(() => decodeSignature('AAAA')).toThrow(RangeError);
  });

  it('estimates the Jaccard similarity of the shingle sets', () => {
    // A partial copy: the first half of A followed by B's second half.
    const mixed = FIVE_A.slice(0, 130) + FIVE_B.slice(120);
    for (const [x, y] of [[FIVE_A, FIVE_B], [FIVE_A, mixed], [FIVE_B, mixed], [FIVE_A, FIVE_C]] as const) {
      const est = similarity(textSignature(x)!, textSignature(y)!);
      expect(Math.abs(est - jaccard(x, y))).toBeLessThan(0.12);
    }
    expect(similarity(textSignature(FIVE_A)!, textSignature(FIVE_COPY)!)).toBe(1);
    expect(similarity(textSignature(FIVE_A)!, textSignature(FIVE_B)!)).toBeLessThan(0.2);
  });

  it('does not compare boilerplate-sized text', () => {
    expect(textSignature('无。')).toBeNull();
    expect(textSignature('本机关无其他需要报告的事项。')).toBeNull();
    expect(signatureOf(new Uint32Array(0)).every((x) => x === 0xffffffff)).toBe(true);
  });
});

describe('LSH index', () => {
  it('finds the copy of a 第五部分 across agencies and not the different ones', () => {
    const idx = new MinHashIndex<string>();
    idx.add('甲县人民政府 2023', textSignature(FIVE_A)!);
    idx.add('乙县人民政府 2024', textSignature(FIVE_COPY)!);
    idx.add('丙区人民政府 2023', textSignature(FIVE_B)!);
    idx.add('丁市交通运输局 2023', textSignature(FIVE_C)!);
    expect(idx.pairs().map((p) => [p.a, p.b, p.similarity])).toEqual([['甲县人民政府 2023', '乙县人民政府 2024', 1]]);
    expect(idx.query(textSignature(FIVE_B)!, 0.8, (id) => !id.startsWith('丙'))).toEqual([]);
    expect(idx.query(textSignature(FIVE_COPY)!).map((m) => m.id)).toEqual(['甲县人民政府 2023', '乙县人民政府 2024']);
    expect(idx.pairs(0.8, (a, b) => a.slice(0, 3) !== b.slice(0, 3) && !a.startsWith('甲'))).toEqual([]);
  });

  it('buckets by bands: equal bands, equal keys', () => {
    const s = textSignature(FIVE_A)!;
    const t = s.slice();
    t[0] = t[0]! ^ 1; // only band 0 differs
    const [ks, kt] = [bandKeys(s), bandKeys(t)];
    expect(ks).toHaveLength(BANDS);
    expect(ks[0]).not.toBe(kt[0]);
    expect(ks.slice(1)).toEqual(kt.slice(1));
  });
});
