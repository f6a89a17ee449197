/**
 * Web application firewall answers. Government portals sit behind WAFs that answer rapid or scripted
 * requests with 403/412 (sometimes 503/521, sometimes even 200) and a JavaScript challenge page: a
 * script that sets a cookie and reloads, a "please enable JavaScript" notice, a verification prompt.
 * Such a page is never the content asked for. Recognised by what challenge pages of every vendor have
 * in common, not by one vendor's markup:
 * - HTTP 412 to a GET (a precondition we never sent): always a WAF;
 * - an error status (403, 503, 52x …) whose page has a challenge marker;
 * - a 200 page with a challenge marker and no links at all (a real page links somewhere).
 * Challenge markers: a script that sets document.cookie and reloads or redirects the page; a notice
 * asking to enable JavaScript or cookies; a verification/interception phrase (安全验证, 人机验证,
 * 访问验证, 访问过于频繁, 访问被拦截, "checking your browser", "verify you are human", captcha, WAF).
 */
const PHRASES = /安全验证|人机验证|访问验证|滑动验证|正在验证|验证您的|浏览器安全检查|安全检查中|访问过于频繁|请求过于频繁|访问被拦截|已被拦截|被防火墙|网站防火墙|应用防火墙|checking your browser|verify(ing)? you are (a )?human|just a moment|attention required|captcha|\bwaf\b/i;
const ENABLE_JS = /(enable|turn on|开启|启用|打开|允许)\s*(your\s*)?(browser'?s?\s*)?(javascript|js|cookies?)/i;
const SETS_COOKIE = /document\.cookie\s*=/;
const RELOADS = /location\.(reload|replace|assign)\s*\(|(window\.|document\.|top\.|self\.)?location(\.href)?\s*=(?!=)/;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;
const LINK = /<a\b[^>]*\bhref\s*=\s*["']?(?!#|javascript:)[^"'\s>]/i;

/** A challenge marker in a page, as evidence text, or null. */
export function challengeMarker(html: string): string | null {
  const scripts = [...html.matchAll(SCRIPT)].map((m) => m[1] ?? '').join('\n');
  if (SETS_COOKIE.test(scripts) && RELOADS.test(scripts)) return 'a script that sets a cookie and reloads the page';
  const text = html.replace(SCRIPT, ' ').replace(/<style\b[\s\S]*?<\/style>/gi, ' ');
  const phrase = text.match(PHRASES)?.[0];
  if (phrase) return `"${phrase}"`;
  const js = text.match(ENABLE_JS)?.[0];
  if (js) return `"${js}"`;
  return null;
}

/**
 * Why an answer is a WAF block rather than the page (evidence text), or null.
 * `body` is the decoded start of the answer (the first 64 KB is plenty).
 */
export function wafBlock(status: number, contentType: string | null, body: string): string | null {
  const html = !contentType || /html|text\/plain/i.test(contentType);
  const marker = html ? challengeMarker(body.slice(0, 65_536)) : null;
  if (status === 412) return `HTTP 412${marker ? ` with ${marker}` : ''}`;
  if (status >= 400 && status !== 404 && status !== 410 && status !== 429 && marker) return `HTTP ${status} with ${marker}`;
  if (status >= 200 && status < 300 && marker && !LINK.test(body.slice(0, 65_536))) return `HTTP ${status} challenge page with ${marker} and no links`;
  return null;
}
