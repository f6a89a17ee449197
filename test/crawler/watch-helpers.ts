/**
 * Local receivers for `gongkai watch` tests, on 127.0.0.1 only: an HTTP receiver standing in for the
 * webhook and the chat robots (records every request; each path answers as a test sets it — e.g.
 * fail twice, then succeed), and a minimal SMTP server (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, QUIT;
 * no TLS, no AUTH) that keeps each message it is given.
 */
import { createServer as createHttp, type Server as HttpServer } from 'node:http';
import { createServer as createTcp, type Server as TcpServer, type Socket } from 'node:net';

export interface Received { path: string; query: URLSearchParams; body: string; json: unknown; status: number }
type Answer = { status: number; body: string };

export interface Receiver {
  url: string;
  requests: Received[];
  /** How `path` answers its n-th request (1-based); default 200 `{"errcode":0,"code":0}`. */
  answer(path: string, fn: (n: number) => Answer): void;
  close(): Promise<void>;
}

const OK: Answer = { status: 200, body: '{"errcode":0,"errmsg":"ok","code":0,"msg":"success"}' };

export async function startReceiver(): Promise<Receiver> {
  const answers = new Map<string, (n: number) => Answer>();
  const counts = new Map<string, number>();
  const requests: Received[] = [];
  const server: HttpServer = createHttp((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const n = (counts.get(u.pathname) ?? 0) + 1;
      counts.set(u.pathname, n);
      const a = answers.get(u.pathname)?.(n) ?? OK;
      let json: unknown = null;
      try { json = JSON.parse(body); } catch { /* recorded as text */ }
      requests.push({ path: u.pathname, query: u.searchParams, body, json, status: a.status });
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(a.body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`, requests,
    answer: (path, fn) => void answers.set(path, fn),
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

export interface Mail { from: string; to: string[]; data: string; subject: string }
export interface SmtpCatcher { port: number; mails: Mail[]; close(): Promise<void> }

/** The header's value, RFC 2047 encoded-words (=?UTF-8?B?…?= / ?Q?) decoded and folded lines joined. */
export function headerOf(data: string, name: string): string {
  const head = data.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line.slice(name.length + 1).trim().replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=\s*/g, (_, _cs, enc: string, txt: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(txt, 'base64').toString('utf8')
      : Buffer.from(txt.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

export async function startSmtp(): Promise<SmtpCatcher> {
  const mails: Mail[] = [];
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcp((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.setEncoding('utf8');
    let buf = '', inData = false, from = '', to: string[] = [], data = '';
    const say = (s: string) => sock.write(`${s}\r\n`);
    say('220 127.0.0.1 test SMTP catcher');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push({ from, to, data, subject: headerOf(data, 'Subject') });
            from = ''; to = []; data = '';
            say('250 2.0.0 queued');
          } else data += (line.startsWith('..') ? line.slice(1) : line) + '\r\n';
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') { sock.write('250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n'); } else if (verb === 'HELO') say('250 127.0.0.1');
        else if (verb === 'MAIL') { from = /<([^>]*)>/.exec(line)?.[1] ?? ''; say('250 2.1.0 ok'); } else if (verb === 'RCPT') { to.push(/<([^>]*)>/.exec(line)?.[1] ?? ''); say('250 2.1.5 ok'); } else if (verb === 'DATA') { inData = true; say('354 end with .'); } else if (verb === 'QUIT') { say('221 bye'); sock.end(); } else if (verb === 'RSET' || verb === 'NOOP') say('250 ok');
        else say('502 not implemented');
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as { port: number }).port, mails,
    close: () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); }),
  };
}

/** The decoded text/plain part of a MIME message (quoted-printable, base64 or 8bit). */
export function textPart(data: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(data)?.[1];
  const parts = boundary ? data.split(`--${boundary}`) : [data];
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? '';
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const cte = /content-transfer-encoding:\s*([\w-]+)/i.exec(head ?? '')?.[1]?.toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
