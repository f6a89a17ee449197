/** Which URLs a column's own pager names are pages of that column (discover/urls.ts isPageOf). */
import { describe, expect, it } from 'vitest';
import { columnKey, isPageOf } from '../../crawler/src/discover/urls.js';

describe('isPageOf', () => {
  const key = (u: string) => columnKey(u);
  it('takes index_N pages and the list file with a page number', () => {
    expect(isPageOf('http://a.gov.cn/zwgk/tzgg/index_3.html', key('http://a.gov.cn/zwgk/tzgg/index.html'))).toBe(true);
    expect(isPageOf('http://www.wanzai.gov.cn/news-list-jdyw-2.html', key('http://www.wanzai.gov.cn/news-list-jdyw.html'))).toBe(true);
    expect(isPageOf('http://a.gov.cn/col/list_12.shtml', key('http://a.gov.cn/col/list.shtml'))).toBe(true);
    expect(isPageOf('http://a.gov.cn/zwgk/list.html?page=4', key('http://a.gov.cn/zwgk/list.html'))).toBe(true);
  });
  it('refuses another list file, another folder, another host or another query', () => {
    expect(isPageOf('http://www.wanzai.gov.cn/news-list-xzdt-2.html', key('http://www.wanzai.gov.cn/news-list-jdyw.html'))).toBe(false);
    expect(isPageOf('http://a.gov.cn/other/list-2.html', key('http://a.gov.cn/col/list.html'))).toBe(false);
    expect(isPageOf('http://b.gov.cn/col/list-2.html', key('http://a.gov.cn/col/list.html'))).toBe(false);
    expect(isPageOf('http://a.gov.cn/col/list-2.html?tid=4', key('http://a.gov.cn/col/list.html?tid=3'))).toBe(false);
    expect(isPageOf('http://a.gov.cn/col/news-show-2.html', key('http://a.gov.cn/col/news-list.html'))).toBe(false);
  });
});
