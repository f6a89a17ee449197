/**
 * Requests to the chat robots and the generic webhook, as their documentation gives them:
 * - 钉钉 custom robot: POST `{"msgtype":"markdown","markdown":{"title","text"}}`; with 加签 the URL gets
 *   `&timestamp=<ms>&sign=<urlencoded base64 HMAC-SHA256(key=secret, "<timestamp>\n<secret>")>`; success is `errcode: 0`.
 * - 企业微信 group robot: POST `{"msgtype":"markdown","markdown":{"content"}}` (content at most 4096 bytes); `errcode: 0`.
 * - 飞书 custom robot: POST `{"msg_type":"post","content":{"post":{"zh_cn":{title,content}}}}` or `text`; with 签名校验
 *   the body gets `timestamp` (seconds) and `sign` = base64 HMAC-SHA256(key="<timestamp>\n<secret>", empty message); `code: 0`.
 * - webhook: POST the alerts as JSON (`gongkai.alerts/1`); any 2xx is success.
 */
import { createHmac } from 'node:crypto';
import type { Channel } from './config.js';
import { feishuPost, markdown, text, webhookJson, type Message } from './format.js';

export interface RobotRequest { url: string; headers: Record<string, string>; body: string }

/** DingTalk's 加签: the signed URL parameters for a timestamp in milliseconds. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  return `timestamp=${timestampMs}&sign=${encodeURIComponent(sign)}`;
}

/** Feishu's 签名校验 for a timestamp in seconds. */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

const json = { 'content-type': 'application/json; charset=utf-8' };

export function robotRequest(ch: Channel, m: Message, now = Date.now()): RobotRequest {
  const url = ch.endpoint!;
  switch (ch.type) {
    case 'dingtalk': {
      const body = { msgtype: 'markdown', markdown: { title: m.title, text: markdown(m, 18_000) } };
      return { url: ch.secret ? `${url}${url.includes('?') ? '&' : '?'}${dingtalkSign(ch.secret, now)}` : url, headers: json, body: JSON.stringify(body) };
    }
    case 'wecom':
      return { url, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(m, 4096) } }) };
    case 'feishu': {
      const ts = Math.floor(now / 1000);
      const sign = ch.secret ? { timestamp: String(ts), sign: feishuSign(ch.secret, ts) } : {};
      const body = ch.format === 'text'
        ? { ...sign, msg_type: 'text', content: { text: text(m) } }
        : { ...sign, msg_type: 'post', content: { post: { zh_cn: feishuPost(m) } } };
      return { url, headers: json, body: JSON.stringify(body) };
    }
    case 'webhook':
      return { url, headers: { ...json, ...(ch.headers ?? {}), ...(ch.secret ? { authorization: `Bearer ${ch.secret}` } : {}) }, body: JSON.stringify(webhookJson(m)) };
    default:
      throw new Error(`not a robot channel: ${ch.type}`);
  }
}

/** Whether a robot's answer means the message was taken (the robots answer 200 with an error code). */
export function robotAccepted(ch: Channel, status: number, body: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  if (ch.type === 'webhook') return null;
  let j: { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number };
  try {
    j = JSON.parse(body);
  } catch {
    return `HTTP ${status} but the answer is not JSON`;
  }
  const code = ch.type === 'feishu' ? j.code ?? j.StatusCode : j.errcode;
  return code === 0 ? null : `robot error ${code ?? '?'}: ${(ch.type === 'feishu' ? j.msg : j.errmsg) ?? ''}`.trim();
}
