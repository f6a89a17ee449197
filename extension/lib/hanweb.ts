/**
 * Hanweb (大汉) columns list their items as XML records: inline in a `<script type="text/xml">`
 * datastore, or served to a script by `/module/web/jpage/dataproxy.jsp`. A fetched column page is
 * parsed inertly (its script never runs), so the records are read here: inline ones directly, the
 * proxy's by one same-origin POST with the parameters the page's script would send. Record HTML is
 * parsed with DOMParser (inert) into one list document.
 */
import { sameOrigin } from './earlier-years';

const RECORD = /<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/g;

export function recordsOf(xml: string): string[] {
  return Array.from(xml.matchAll(RECORD), (m) => m[1]!).slice(0, 2000);
}

/** The data-proxy request a Hanweb column page's script would make, if any. */
export function proxyRequest(doc: Document, base: string): { url: URL; body: string } | null {
  for (const sc of Array.from(doc.querySelectorAll('script:not([src])')).slice(0, 50)) {
    const text = sc.textContent ?? '';
    const path = /['"](\/module\/web\/jpage\/dataproxy\.jsp[^'"]*)['"]/.exec(text)?.[1];
    if (!path) continue;
    const body = /['"]((?:[\w%.-]+=[^'"&]*&)*columnid=\d+[^'"]*)['"]/.exec(text)?.[1] ?? '';
    const url = sameOrigin(path, base);
    if (url && body) return { url, body };
  }
  return null;
}

/** A document of the column's records (inline and from the proxy), or null when it has none. */
export async function hanwebRecords(doc: Document, base: string): Promise<Document | null> {
  const records: string[] = [];
  for (const sc of Array.from(doc.querySelectorAll('script[type="text/xml"]')).slice(0, 10)) records.push(...recordsOf(sc.textContent ?? ''));
  const req = records.length ? null : proxyRequest(doc, base);
  if (req) {
    const res = await fetch(req.url.href, {
      method: 'POST', body: req.body, credentials: 'same-origin', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (res.ok && res.type !== 'opaqueredirect') records.push(...recordsOf(await res.text()));
  }
  if (!records.length) return null;
  return new DOMParser().parseFromString(`<ul>${records.join('')}</ul>`, 'text/html');
}
