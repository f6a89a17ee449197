/**
 * MinHash over character shingles and the LSH index (crawler/src/similar/): normalization, fixed
 * signatures, the estimate against the exact Jaccard similarity on report-like Chinese text, a copied
 * 第五部分 (other agency name, other years and figures, other punctuation and line breaks) found and
 * different ones not, and the store encoding.
 */
import { describe, expect, it } from 'vitest';
import { decodeSignature, encodeSignature, HASHES, jaccard, normalizeText, shingleHashes, signatureOf, similarity, textSignature } from '../../crawler/src/similar/minhash.js';
import { bandKeys, BANDS, MinHashIndex } from '../../crawler/src/similar/lsh.js';

const FIVE_A = `2023年，本机关政府信息公开工作虽然取得了一定成效，但仍存在一些不足：一是主动公开的深度和广度还不够，部分领域信息更新不够及时；
二是政策解读形式较为单一，图解、视频等多元化解读方式运用不多；三是依申请公开办理的规范化水平有待提升。下一步，我们将采取以下措施加以改进：
一是加强统筹协调，压实各科室信息公开责任，确保信息发布及时、准确、全面；二是丰富政策解读形式，综合运用图表图解、音频视频等方式，提高解读的可读性；
三是规范依申请公开办理流程，加强业务培训，提升答复质量和效率。`;
// The same text another agency published: its own year, other figures, full-width/half-width and line breaks changed.
const FIVE_COPY = `2024年,本机关政府信息公开工作虽然取得了一定成效,但仍存在一些不足:一是主动公开的深度和广度还不够,部分领域信息更新不够及时;二是政策解读形式较为单一,
图解、视频等多元化解读方式运用不多;三是依申请公开办理的规范化水平有待提升。下一步,我们将采取以下措施加以改进:一是加强统筹协调,压实各科室信息公开责任,
确保信息发布及时、准确、全面;二是丰富政策解读形式,综合运用图表图解、音频视频等方式,提高解读的可读性;三是规范依申请公开办理流程,加强业务培训,提升答复质量和效率。`;
const FIVE_B = `本年度我局政府信息公开工作存在的主要问题是：网站栏目设置与基层政务公开标准目录的对应不够清晰，个别栏目内容长期没有更新，
公开平台之间的信息同步存在滞后。针对上述问题，我局已于年内对门户网站的公开专栏进行了全面梳理，合并重复栏目十二个，清理过期信息三百余条，
并建立了每月一次的栏目巡查制度，由办公室牵头对各栏目的更新情况进行通报；同时推动政务新媒体与门户网站同步发布，确保同一信息在各平台口径一致。`;
const FIVE_C = `一是重点领域信息公开不够深入，财政预决算、重大建设项目等信息的公开内容还需细化；二是公众参与渠道不多，意见征集的反馈不够及时。
2024年，我区将围绕优化营商环境、保障和改善民生等重点工作，进一步加大政府信息公开力度，完善重大行政决策预公开制度，
扩大公众参与，及时公布意见采纳情况，持续提升政务公开的质量和实效。`;

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
