/**
 * Driving a script pager in Chromium: a list whose later pages only the page's own script can load
 * (TRS 海云 listModel — the endpoint is in the CMS script `list2.trsapi`, not in the page; other
 * CMS families whose list API the page does not name). The pager's 下一页 control is clicked, the
 * walk waits until the visible list changes, and the page as it is then shown — hidden elements (the
 * static first page the script hid, templates) left out — is kept, page after page, up to the cap.
 *
 * Only a script pager is driven: a 下一页 that is a real link is a static pager, which the crawl
 * follows over HTTP (discover/pagination.ts). Every request the clicks cause goes through the
 * renderer's interception (browser.ts): the crawl's scope, the private-address refusal, the guarded
 * client. Why the walk stopped early (no pager, the list did not change, an XHR answered 404 …) is
 * returned for the column's `incomplete` reason.
 */
import type { Page } from 'playwright';

export interface Walked {
  /** The visible HTML of page 2, 3 … as shown after each click. */
  pages: string[];
  /** Why no further page was read, when the walk did not end on the pager's last page (null: it did). */
  stop: string | null;
  /** The walk stopped at the page cap. */
  capped: boolean;
}

/** The note (kind) a column page read in the browser carries on its frontier row: how many later list pages its walk read. */
export const WALK_NOTE = 'pager-walk';

/**
 * The note for a finished walk (the row stays `done`): "3 later list pages read in the browser …".
 * A column's `pages` counts list pages read — the page, plus these (store/sql.ts, walkedPagesOf) —
 * not fetches: the render of a page already read over HTTP is not another list page.
 */
export function walkNote(w: Walked): { kind: typeof WALK_NOTE; message: string } {
  const n = w.pages.length;
  return { kind: WALK_NOTE, message: `${n} later list page${n === 1 ? '' : 's'} read in the browser through the page's script pager${w.stop ? ` (stopped: ${w.stop})` : w.capped ? ' (stopped at the page cap)' : ''}` };
}

/** The later list pages a frontier row's walk note counts (0 without one). */
export function walkedPagesOf(kind: unknown, message: unknown): number {
  if (kind !== WALK_NOTE) return 0;
  const m = String(message ?? '').match(/^(\d{1,9}) later list page/);
  return m ? Number(m[1]) : 0;
}

// In-page code is plain JavaScript source (never a transpiled function: helpers a compiler adds would not exist in the page).
/** The visible links' addresses: what changes when the list shows another page. */
const SIGNATURE = `Array.from(document.body.querySelectorAll('a[href]')).filter(function (a) { return a.getClientRects().length > 0; })
  .map(function (a) { return a.href; }).join('\\n')`;

/**
 * Marks the pager's enabled 下一页 control (data-gk-next) and says 'script'; 'static' when the only
 * 下一页 is a real link, 'none' without one.
 */
const MARK_NEXT = `(function () {
  var rx = /^(下一页|下页|后一页|>|›|»|>>)$/;
  Array.from(document.querySelectorAll('[data-gk-next]')).forEach(function (e) { e.removeAttribute('data-gk-next'); });
  // Controls only: links, buttons and elements with a click binding (onclick, avalon ms-click, Vue @click …), not plain text.
  var all = Array.from(document.body.querySelectorAll('a, button, input[type=button], [onclick], [role=button], [ms-click], [ng-click], [v-on\\\\:click], [data-page]'));
  var staticLink = false;
  for (var i = 0; i < all.length; i++) {
    var e = all[i];
    if (e.tagName !== 'A' && e.tagName !== 'BUTTON' && e.querySelector('a, button, input')) continue; // the control inside, not its cell
    if (!rx.test((e.value || e.textContent || '').replace(/\\s+/g, ''))) continue;
    if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') continue;
    if (/\\bdisabled?\\b/i.test(String(e.className)) || e.getAttribute('aria-disabled') === 'true' || e.disabled) continue;
    var href = e.tagName === 'A' ? (e.getAttribute('href') || '').trim() : '';
    if (href && !/^(javascript:|#)/i.test(href)) { staticLink = true; continue; }
    e.setAttribute('data-gk-next', '1');
    return 'script';
  }
  return staticLink ? 'static' : 'none';
})()`;

const CLICK_NEXT = `(function () { var e = document.querySelector('[data-gk-next]'); if (e) e.click(); })()`;

/** The document as shown: body elements that are not displayed are left out (head kept). */
const VISIBLE_HTML = `(function () {
  var clone = document.documentElement.cloneNode(true);
  var from = Array.from(document.body.querySelectorAll('*'));
  var to = Array.from(clone.querySelector('body').querySelectorAll('*'));
  var drop = [];
  from.forEach(function (e, i) { var cs = getComputedStyle(e); if (cs.display === 'none' || cs.visibility === 'hidden') drop.push(to[i]); });
  drop.forEach(function (e) { e.remove(); });
  return '<!DOCTYPE html>\\n' + clone.outerHTML;
})()`;

/**
 * Clicks through the page's script pager: at most `maxLater` further pages, each awaited at most
 * `pageMs`, the whole walk ending by `deadline` (epoch ms). `failures()` names the XHR answers that
 * failed so far (the reason when the list does not change).
 */
export async function walkPager(page: Page, maxLater: number, pageMs: number, deadline: number, failures: () => string[]): Promise<Walked> {
  const out: Walked = { pages: [], stop: null, capped: false };
  const sigOf = async () => String(await page.evaluate(SIGNATURE));
  const seen = new Set<string>([await sigOf()]);
  for (let n = 2; ; n++) {
    let next = String(await page.evaluate(MARK_NEXT));
    if (next === 'none' && n === 2) {
      // The pager may be drawn by a script still loading (require → list2.trsapi): once more when the network is idle.
      await page.waitForLoadState('networkidle', { timeout: Math.max(1, Math.min(5000, deadline - Date.now())) }).catch(() => undefined);
      next = String(await page.evaluate(MARK_NEXT));
    }
    if (next !== 'script') {
      if (n === 2) out.stop = next === 'static' ? null : 'the rendered page has no script pager (下一页) to drive';
      return out;
    }
    if (out.pages.length >= maxLater) { out.capped = true; return out; }
    const left = deadline - Date.now();
    if (left <= 0) { out.stop = `time limit reached before page ${n}`; return out; }
    const before = await sigOf();
    const failedBefore = failures().length;
    await page.evaluate(CLICK_NEXT);
    const changed = await changeOf(sigOf, before, Math.min(pageMs, left), () => failures().length > failedBefore);
    if (changed === null) return { ...out, stop: `the page navigated away from the list on 下一页 (page ${n})` };
    if (!changed) {
      const failed = failures().slice(failedBefore);
      out.stop = failed.length ? `XHR pages not reachable in the browser: ${failed[0]} (page ${n})` : `the list did not change after 下一页 (page ${n})`;
      return out;
    }
    await page.waitForLoadState('networkidle', { timeout: Math.min(2000, Math.max(1, deadline - Date.now())) }).catch(() => undefined);
    const sig = await sigOf();
    if (seen.has(sig)) { out.stop = `the pager came back to a page already read (page ${n})`; return out; }
    seen.add(sig);
    out.pages.push(String(await page.evaluate(VISIBLE_HTML)));
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Whether the visible list changed within `ms` (polled every 100 ms); an XHR that failed meanwhile ends
 * the wait after a short grace. Null when the page navigated away (its context is gone).
 */
async function changeOf(sigOf: () => Promise<string>, before: string, ms: number, failed: () => boolean): Promise<boolean | null> {
  const until = Date.now() + ms;
  let graceUntil = Infinity;
  for (;;) {
    let now: string;
    try { now = await sigOf(); } catch { return null; }
    if (now !== before) return true;
    if (failed() && graceUntil === Infinity) graceUntil = Date.now() + 500;
    if (Date.now() >= Math.min(until, graceUntil)) return false;
    await sleep(100);
  }
}
