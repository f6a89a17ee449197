/**
 * Pages that fill the article by script after load: wait (bounded) until enough text has been added,
 * then the lens reads the page again. One observer, disconnected at the first answer.
 */
export function whenContentGrows(doc: Document, opts: { minChars?: number; timeoutMs?: number; quietMs?: number } = {}): Promise<boolean> {
  const { minChars = 500, timeoutMs = 8000, quietMs = 400 } = opts;
  return new Promise((resolve) => {
    let added = 0;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = (v: boolean) => { obs.disconnect(); clearTimeout(quiet); clearTimeout(limit); resolve(v); };
    const obs = new MutationObserver((records) => {
      for (const r of records) for (const n of Array.from(r.addedNodes)) added += n.textContent?.length ?? 0;
      if (added >= minChars) { clearTimeout(quiet); quiet = setTimeout(() => done(true), quietMs); }
    });
    const limit = setTimeout(() => done(false), timeoutMs);
    obs.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  });
}
