/** One attempt to deliver a message on a channel: an HTTP POST to a robot/webhook, or an e-mail over SMTP (nodemailer). */
import nodemailer from 'nodemailer';
import type { Channel } from './config.js';
import { html, text, type Message } from './format.js';
import { robotAccepted, robotRequest } from './robots.js';

export interface Attempt { ok: boolean; status: number | null; error: string | null }

/** A message with every secret of the channel replaced by `***` (URLs lose their query string). */
export function redact(msg: string, ch: Channel): string {
  let out = msg.replace(/(https?:\/\/[^\s?#"']+)\?[^\s"']*/g, '$1?***');
  for (const s of ch.secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out.slice(0, 500);
}

async function post(ch: Channel, m: Message): Promise<Attempt> {
  const req = robotRequest(ch, m);
  const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(ch.timeoutMs), redirect: 'error' });
  const body = await res.text();
  const problem = robotAccepted(ch, res.status, body);
  return { ok: !problem, status: res.status, error: problem };
}

async function mail(ch: Extract<Channel, { type: 'email' }>, m: Message): Promise<Attempt> {
  const transport = nodemailer.createTransport({
    host: ch.host, port: ch.port, secure: ch.secure, connectionTimeout: ch.timeoutMs, greetingTimeout: ch.timeoutMs, socketTimeout: ch.timeoutMs,
    ...(ch.user ? { auth: { user: ch.user, pass: ch.secret ?? '' } } : {}),
  });
  try {
    await transport.sendMail({ from: ch.from, to: ch.to, subject: m.title, text: text(m), html: html(m) });
    return { ok: true, status: null, error: null };
  } finally {
    transport.close();
  }
}

/** One attempt; never throws (a network error is a failed attempt with its reason). */
export async function sendOnce(ch: Channel, m: Message): Promise<Attempt> {
  try {
    return ch.type === 'email' ? await mail(ch, m) : await post(ch, m);
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string }; code?: string };
    const why = e.name === 'TimeoutError' ? `timed out after ${ch.timeoutMs} ms` : e.cause?.code ?? e.code ?? e.cause?.message ?? e.message;
    return { ok: false, status: null, error: redact(String(why), ch) };
  }
}
