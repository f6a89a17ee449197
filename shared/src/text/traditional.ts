/**
 * Traditional → simplified forms of the characters the templates' labels and headings use, so a
 * report typed (or converted) in traditional characters reads like the template: 本年新收政府資訊
 * 公開申請數量 → 本年新收政府资讯公开申请数量. Only these characters: a full conversion table is not
 * needed to recognise the fixed vocabulary, and nothing else is rewritten.
 */
const PAIRS = '開开請请數数結结轉转辦办區区處处計计這这屬属於于國国祕秘規规穩稳護护權权類类內内務务過过執执詢询項项'
  + '無无機机關关沒没現现製制補补後后確确訪访舉举報报訴诉複复當当認认獲获費费繳缴納纳總总繼继續续業业構构會会組组織织'
  + '復复議议維维糾纠審审經经訟讼範范發发廢废許许罰罚強强額额萬万採采購购減减決决對对條条體体況况動动問问題题進进係系資资訊讯'
  + '門门頁页單单與与為为並并個个應应義义歷历';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);
const ANY = new RegExp(`[${[...MAP.keys()].join('')}]`, 'g');
const TEST = new RegExp(`[${[...MAP.keys()].join('')}]`);

/** `s` with the template vocabulary's traditional characters in their simplified form. */
export function toSimplified(s: string): string {
  return TEST.test(s) ? s.replace(ANY, (ch) => MAP.get(ch) ?? ch) : s;
}
