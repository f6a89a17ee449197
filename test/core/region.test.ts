/**
 * Agency regions and levels from agency names (the bundled GB/T 2260 table): longest division names,
 * each within the one before; ambiguous names settled by the portal's other names or left empty
 * with the reason — never guessed.
 */
import { describe, expect, it } from 'vitest';
import { divisionIndex, loadDivisions, regionOfAgency, type Division } from '../../shared/src/node.ts';

const index = loadDivisions();
const of = (name: string, names?: string[]) => regionOfAgency(index, name, names ? { names } : {});

describe('the bundled division table', () => {
  it('has every tier with GB/T 2260 codes and their parents', () => {
    expect(index.byCode.get('330000')).toMatchObject({ name: '浙江省', kind: 'province', parent: null });
    expect(index.byCode.get('330400')).toMatchObject({ name: '嘉兴市', kind: 'city', parent: '330000' });
    expect(index.byCode.get('330127')).toMatchObject({ name: '淳安县', kind: 'county', parent: '330100' });
    expect(index.byCode.get('330127100')).toMatchObject({ name: '千岛湖镇', kind: 'township', parent: '330127' });
    const counties = [...index.byCode.values()].filter((d) => d.kind === 'county').length;
    expect(counties).toBeGreaterThan(2800);
  });
});

describe('regionOfAgency', () => {
  it('reads the division and level from the name', () => {
    expect(of('嘉兴市生态环境局')).toEqual({ code: '330400', name: '嘉兴市', level: 'department', note: null });
    expect(of('杭州市人民政府')).toEqual({ code: '330100', name: '杭州市', level: 'city', note: null });
    expect(of('浙江省人民政府')).toMatchObject({ code: '330000', level: 'province' });
    expect(of('淳安县人民政府')).toMatchObject({ code: '330127', level: 'county' });
    expect(of('淳安县千岛湖镇人民政府')).toMatchObject({ code: '330127100', name: '千岛湖镇', level: 'township' });
    expect(of('杭州市人民政府办公厅')).toMatchObject({ code: '330100', level: 'department' });
    expect(of('杭州市西湖区教育局')).toMatchObject({ code: '330106', name: '西湖区', level: 'department' });
    expect(of('广州市越秀区北京街道办事处')).toMatchObject({ code: '440104003', level: 'township' });
  });

  it('takes the division within the one named before it (朝阳区 of 北京市, not of 长春市)', () => {
    expect(of('北京市朝阳区人民政府')).toMatchObject({ code: '110105', level: 'county' });
    expect(of('吉林省长春市朝阳区人民政府')).toMatchObject({ code: '220104', level: 'county' });
  });

  it('leaves an ambiguous name empty with the candidates, unless the portal settles it', () => {
    const alone = of('鼓楼区人民政府');
    expect(alone).toMatchObject({ code: null, name: null, level: null });
    expect(alone.note).toMatch(/鼓楼区 fits 4 divisions/);
    expect(alone.note).toContain('320106 江苏省南京市鼓楼区');
    expect(alone.note).toContain('350102 福建省福州市鼓楼区');
    const settled = of('鼓楼区人民政府', ['福州市鼓楼区教育局', '鼓楼区人民政府']);
    expect(settled).toMatchObject({ code: '350102', level: 'county' });
    expect(settled.note).toMatch(/settled by the portal's 福州市鼓楼区教育局/);
    // A portal name that is itself ambiguous is no evidence.
    expect(of('鼓楼区教育局', ['鼓楼区人民政府']).code).toBeNull();
    // A township name found in 88 places stays empty even beside a county that has no such township.
    expect(of('城关镇人民政府', ['淳安县人民政府']).code).toBeNull();
  });

  it('a name without a division (a ministry) has no region; its level is still told', () => {
    expect(of('生态环境部')).toEqual({ code: null, name: null, level: 'department', note: 'no division name in the agency name' });
    expect(regionOfAgency(index, null)).toMatchObject({ code: null, note: 'no agency name' });
  });

  it('the rule works on any table passed in', () => {
    const small: Division[] = [
      { code: '990000', name: '测试省', kind: 'province', parent: null },
      { code: '990100', name: '甲市', kind: 'city', parent: '990000' },
      { code: '990101', name: '新区', kind: 'county', parent: '990100' },
      { code: '990200', name: '乙市', kind: 'city', parent: '990000' },
      { code: '990201', name: '新区', kind: 'county', parent: '990200' },
    ];
    const ix = divisionIndex(small);
    expect(regionOfAgency(ix, '乙市新区人民政府')).toMatchObject({ code: '990201', level: 'county' });
    expect(regionOfAgency(ix, '新区财政局').code).toBeNull();
    expect(regionOfAgency(ix, '新区财政局', { names: ['甲市人民政府'] })).toMatchObject({ code: '990101', level: 'department' });
  });
});
