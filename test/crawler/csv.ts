/** Reading the exports' CSV back in tests (RFC 4180: quoted fields, doubled quotes, BOM) and recomputing totals from values. */

/** Rows of a CSV text as records keyed by the header. */
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * totals recomputed from values by the documented rule: per region_code, level and year, a report
 * adds a figure when every cell named in the totals row's `cells` has state `value`.
 */
export function totalsFromValues(values: Record<string, string>[], totals: Record<string, string>[]) {
  const cell = new Map<string, Record<string, string>>();
  const reports = new Map<string, Record<string, string>>();
  for (const v of values) {
    cell.set(`${v.report_id}|${v.table}/${v.row}/${v.column}`, v);
    reports.set(v.report_id!, v);
  }
  return totals.map((t) => {
    const addrs = t.cells!.split(' + ');
    let sum = 0;
    const missing: string[] = [];
    let counted = 0;
    for (const [id, r] of reports) {
      if (r.region_code !== t.region_code || r.level !== t.level || r.year !== t.year) continue;
      const cells = addrs.map((a) => cell.get(`${id}|${a}`));
      if (cells.every((c) => c && c.state === 'value')) { sum += cells.reduce((a, c) => a + Number(c!.value), 0); counted++; } else missing.push(id);
    }
    return { key: `${t.region_code}|${t.level}|${t.year}|${t.figure}`, sum, counted, missing: missing.sort() };
  });
}
