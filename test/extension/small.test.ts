import { describe, expect, it } from 'vitest';
import { isDisabled, toggled } from '../../extension/lib/sites.ts';
import { gateMatches } from '../../extension/lib/registration.ts';
import { sameOrigin } from '../../extension/lib/earlier-years.ts';
import { formatDelta, formatValue, deltaInto } from '../../extension/lib/years.ts';
import { isCrossYear } from '../../extension/lib/cross-year.ts';
import { sortFindings } from '../../extension/components/FindingList.tsx';
import { sameAgency } from '../../extension/lib/agency.ts';
import type { Finding } from '@gongkai/shared';

describe('kill-switch list', () => {
  it('adds and removes origins, tolerating junk in storage', () => {
    expect(toggled(undefined, 'http://a.gov.cn', false)).toEqual(['http://a.gov.cn']);
    expect(toggled(['http://a.gov.cn', 7], 'http://a.gov.cn', true)).toEqual([]);
    expect(toggled(['http://a.gov.cn'], 'http://a.gov.cn', false)).toEqual(['http://a.gov.cn']);
    expect(isDisabled(['http://a.gov.cn'], 'http://a.gov.cn')).toBe(true);
    expect(isDisabled('http://a.gov.cn', 'http://a.gov.cn')).toBe(false);
  });
});

describe('permissions and origins', () => {
  it('registers the gate only for host patterns', () => {
    expect(gateMatches(['*://*.gov.cn/*', 'http://www.example.gov.cn/*', '<all_urls>', 'chrome://x/*'])).toEqual(['*://*.gov.cn/*', 'http://www.example.gov.cn/*']);
  });
  it('same origin only', () => {
    const base = 'http://www.example.gov.cn/zwgk/a.htm';
    expect(sameOrigin('./b.htm', base)?.href).toBe('http://www.example.gov.cn/zwgk/b.htm');
    expect(sameOrigin('http://other.gov.cn/b.htm', base)).toBeNull();
    expect(sameOrigin('https://www.example.gov.cn/b.htm', base)).toBeNull();
    expect(sameOrigin('javascript:alert(1)', base)).toBeNull();
  });
});

describe('year figures', () => {
  it('prints deltas and rates', () => {
    expect(formatDelta('received', 3)).toBe('+3');
    expect(formatDelta('received', -1)).toBe('−1');
    expect(formatDelta('received', 0)).toBe('±0');
    expect(formatDelta('received', null)).toBe('');
    expect(formatValue('grantRate', 0.786)).toBe('79%');
    expect(formatDelta('grantRate', -0.05, 'en')).toBe('−5 pt');
    expect(formatDelta('grantRate', 0.03)).toBe('+3个百分点');
    const cmp = { agency: 'a', years: [], deltas: [{ from: 2019, to: 2020, change: { received: -1 } }] };
    expect(deltaInto(cmp, 2020, 'received')).toBe(-1);
    expect(deltaInto(cmp, 2020, 'reviews')).toBeNull();
    expect(deltaInto(cmp, 2019, 'received')).toBeNull();
  });
  it('knows the cross-year checks from the catalogue', () => {
    expect(isCrossYear('history.carry-over')).toBe(true);
    expect(isCrossYear('table3.identity')).toBe(false);
  });
});

describe('findings order', () => {
  it('errors first, stable otherwise', () => {
    const f = (id: string, severity: Finding['severity']): Finding => ({ id, severity, message: { zh: id, en: id }, evidence: { cells: [], sentences: [] } });
    const out = sortFindings([f('a', 'info'), f('b', 'warning'), f('c', 'error'), f('d', 'warning')]);
    expect(out.map((x) => x.finding.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(out.map((x) => x.index)).toEqual([2, 1, 3, 0]);
  });
});

describe('agency names', () => {
  it('match their shortened form, not other agencies', () => {
    expect(sameAgency('市水利局', '嘉兴市水利局')).toBe(true);
    expect(sameAgency('嘉兴市水利局', '嘉兴市水利局')).toBe(true);
    expect(sameAgency('嘉兴市水利局', '温州市水利局')).toBe(false);
    expect(sameAgency('局', '嘉兴市水利局')).toBe(false);
  });
});
