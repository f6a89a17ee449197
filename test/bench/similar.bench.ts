/**
 * Copy-paste search (crawler/src/similar/) at store scale: 100,000 generated 第五部分 texts (each
 * ~300–500 characters drawn from a pool of report phrases, so unrelated texts still share wording, as
 * real reports do) with 100 planted copies (another agency, other year and figures, other punctuation):
 * the time to sign them, to index them, to list every near pair, and to look up one report; and how
 * many planted copies were found and how many other pairs were reported.
 */
import { performance } from 'node:perf_hooks';
import { textSignature } from '../../crawler/src/similar/minhash.ts';
import { MinHashIndex } from '../../crawler/src/similar/lsh.ts';
import { printTable } from './stats.ts';

const N = 100_000, COPIES = 100;
const PHRASES = [
  '主动公开的深度和广度还不够', '部分领域信息更新不够及时', '政策解读形式较为单一', '依申请公开办理的规范化水平有待提升', '加强统筹协调',
  '压实各科室信息公开责任', '确保信息发布及时准确全面', '丰富政策解读形式', '综合运用图表图解音频视频等方式', '规范依申请公开办理流程', '加强业务培训',
  '提升答复质量和效率', '网站栏目设置与标准目录的对应不够清晰', '个别栏目内容长期没有更新', '公开平台之间的信息同步存在滞后', '建立栏目巡查制度',
  '推动政务新媒体与门户网站同步发布', '重点领域信息公开不够深入', '财政预决算信息的公开内容还需细化', '公众参与渠道不多', '意见征集的反馈不够及时',
  '完善重大行政决策预公开制度', '及时公布意见采纳情况', '持续提升政务公开的质量和实效', '围绕优化营商环境', '保障和改善民生', '进一步加大政府信息公开力度',
  '加强政府信息公开保密审查', '做好政府信息管理工作', '推进基层政务公开标准化规范化', '强化监督考核', '将政务公开纳入年度绩效考核', '开展政务公开培训',
  '提高工作人员业务能力', '优化政务公开专区服务', '拓展线上线下公开渠道',
];

function rng(seed: number) { let a = seed >>> 0; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32; }; }

function text(r: () => number): string {
  const parts: string[] = [];
  const n = 18 + Math.floor(r() * 12);
  for (let i = 0; i < n; i++) parts.push(`${['一是', '二是', '三是', '同时', '下一步', '此外'][Math.floor(r() * 6)]}${PHRASES[Math.floor(r() * PHRASES.length)]}${r() < 0.3 ? `，全年共${Math.floor(r() * 900)}条` : ''}`);
  return parts.join('；') + '。';
}

export async function run(): Promise<void> {
  const r = rng(20211);
  const texts: string[] = [];
  for (let i = 0; i < N; i++) texts.push(text(r));
  // Plant copies: report N-COPIES+k copies report k with other figures and punctuation.
  for (let k = 0; k < COPIES; k++) texts[N - COPIES + k] = texts[k]!.replace(/\d+/g, (d) => String(Number(d) + 7)).replace(/；/g, ';');
  const t0 = performance.now();
  const sigs = texts.map((t) => textSignature(t)!);
  const t1 = performance.now();
  const idx = new MinHashIndex<number>();
  sigs.forEach((s, i) => idx.add(i, s));
  const t2 = performance.now();
  const pairs = idx.pairs();
  const t3 = performance.now();
  const q0 = performance.now();
  for (let k = 0; k < 100; k++) idx.query(sigs[k]!, 0.8, (id) => id !== k);
  const q1 = performance.now();
  const planted = new Set(Array.from({ length: COPIES }, (_, k) => `${k},${N - COPIES + k}`));
  const found = pairs.filter((p) => planted.has(`${Math.min(p.a, p.b)},${Math.max(p.a, p.b)}`)).length;
  printTable(['step', 'reports', 'ms'], [
    ['sign (normalize, shingle, 128 MinHash)', N, (t1 - t0).toFixed(0)],
    ['index (16 bands × 8)', N, (t2 - t1).toFixed(0)],
    ['every near pair (≥ 0.8)', N, (t3 - t2).toFixed(0)],
    ['one report looked up (mean of 100)', N, ((q1 - q0) / 100).toFixed(2)],
  ]);
  process.stdout.write(`planted copies found: ${found}/${COPIES}; other pairs ≥ 0.8: ${pairs.length - found}\n`);
}
