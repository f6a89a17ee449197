/**
 * An alert message in Chinese with English: the title, and the body as Markdown (钉钉, 企业微信), plain
 * text (飞书 text, e-mail), 飞书 post paragraphs, and HTML (e-mail). Every alert shows what, where (its
 * link), since when and the rule.
 */
import type { Alert, AlertKind } from '../types.js';

export const KIND_LABEL: Record<AlertKind, { zh: string; en: string }> = {
  stale: { zh: '栏目超期未更新', en: 'gone stale' },
  'about-to-stale': { zh: '栏目即将超期', en: 'about to go stale' },
  empty: { zh: '空白栏目', en: 'empty column' },
  'report-missing': { zh: '年报逾期未公布', en: 'report missing past its deadline' },
  'verdict-changed': { zh: '检查结论变化', en: 'verdict changed' },
  'new-report': { zh: '新年报', en: 'new annual report' },
  'new-error': { zh: '年报新错误', en: 'new error in a report' },
  'new-items': { zh: '栏目更新', en: 'new items' },
  unreachable: { zh: '站点无法访问', en: 'site unreachable' },
  'dead-links': { zh: '失效链接', en: 'dead links' },
  'copy-paste': { zh: '年报内容雷同', en: 'copy-pasted report' },
};

export interface Message { title: string; alerts: Alert[]; digest: boolean; dashboardUrl: string | null }

export function message(alerts: Alert[], opts: { digest?: boolean; dashboardUrl?: string | null } = {}): Message {
  const n = alerts.length;
  const title = `公开镜${opts.digest ? '每日汇总' : '监测提醒'}：${n}条 · Gongkai Lens ${opts.digest ? 'daily digest' : 'watch'}: ${n} alert${n === 1 ? '' : 's'}`;
  return { title, alerts, digest: !!opts.digest, dashboardUrl: opts.dashboardUrl ?? null };
}

const where = (a: Alert) => `${a.name ?? a.host}${a.column ? ` · ${a.column}` : ''}`;
const dash = (m: Message, a: Alert) => (m.dashboardUrl ? `${m.dashboardUrl.replace(/\/$/, '')}/portal/${encodeURIComponent(a.host)}` : null);

/** Markdown (DingTalk, WeCom); `maxBytes` cuts the list with a count of what was left out. */
export function markdown(m: Message, maxBytes = Infinity): string {
  const head = `### ${m.title}\n`;
  const blocks = m.alerts.map((a) => [
    `**【${KIND_LABEL[a.kind].zh}】${where(a)}**`,
    `> ${a.what.zh}`,
    `> ${a.what.en}`,
    `> 自 since ${a.since} · 规则 rule: ${a.rule.zh} / ${a.rule.en}`,
    `> [链接 link](${a.where})${dash(m, a) ? ` · [看板 dashboard](${dash(m, a)})` : ''}`,
  ].join('\n'));
  let out = head;
  for (let i = 0; i < blocks.length; i++) {
    const rest = `\n……另有${blocks.length - i}条 and ${blocks.length - i} more`;
    if (Buffer.byteLength(out + '\n' + blocks[i] + '\n' + rest) > maxBytes) return out + rest;
    out += '\n' + blocks[i] + '\n';
  }
  return out;
}

/** Plain text (Feishu text, e-mail). */
export function text(m: Message): string {
  return [m.title, '', ...m.alerts.map((a) => [
    `【${KIND_LABEL[a.kind].zh} · ${KIND_LABEL[a.kind].en}】${where(a)}`,
    `  ${a.what.zh}`, `  ${a.what.en}`, `  自 since: ${a.since}`, `  规则 rule: ${a.rule.zh} / ${a.rule.en}`, `  链接 link: ${a.where}`,
    ...(dash(m, a) ? [`  看板 dashboard: ${dash(m, a)}`] : []), '',
  ].join('\n'))].join('\n');
}

/** Feishu `post` paragraphs (rich text: text and link elements). */
export function feishuPost(m: Message): { title: string; content: { tag: string; text: string; href?: string }[][] } {
  return {
    title: m.title,
    content: m.alerts.flatMap((a) => [
      [{ tag: 'text', text: `【${KIND_LABEL[a.kind].zh}】${where(a)}：${a.what.zh}` }],
      [{ tag: 'text', text: `${a.what.en} · 自 since ${a.since} · 规则 rule: ${a.rule.zh} / ${a.rule.en} · ` }, { tag: 'a', text: '链接 link', href: a.where }],
    ]),
  };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** HTML (e-mail). */
export function html(m: Message): string {
  const rows = m.alerts.map((a) => `<tr><td>${esc(KIND_LABEL[a.kind].zh)}<br><small>${esc(KIND_LABEL[a.kind].en)}</small></td><td>${esc(where(a))}</td>
<td>${esc(a.what.zh)}<br><small>${esc(a.what.en)}</small></td><td>${esc(a.since)}</td><td>${esc(a.rule.zh)}<br><small>${esc(a.rule.en)}</small></td>
<td><a href="${esc(a.where)}">链接 link</a></td></tr>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(m.title)}</title></head><body><h2>${esc(m.title)}</h2>
<table border="1" cellpadding="4" cellspacing="0"><tr><th>类型 kind</th><th>网站/栏目 where</th><th>情况 what</th><th>自 since</th><th>规则 rule</th><th>链接 link</th></tr>
${rows}</table></body></html>`;
}

/** The generic webhook's JSON body. */
export function webhookJson(m: Message): Record<string, unknown> {
  return { schema: 'gongkai.alerts/1', title: m.title, digest: m.digest, alerts: m.alerts };
}
