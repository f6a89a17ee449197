/**
 * How much UTF-8 a byte string is: valid multi-byte sequences and invalid ones, counted as the
 * WHATWG UTF-8 decoder counts them (one error per maximal invalid subsequence, each becoming one
 * U+FFFD). A real UTF-8 text with a few damaged bytes has thousands of valid sequences and a handful
 * of errors; GBK/GB18030 text read as UTF-8 has more errors than valid sequences.
 */
export interface Utf8Evidence {
  /** No byte ≥ 0x80: every ASCII-compatible encoding reads it the same. */
  ascii: boolean;
  /** Valid sequences of 2–4 bytes. */
  multibyte: number;
  /** Invalid sequences (each one U+FFFD when decoded). */
  errors: number;
}

/** Valid multi-byte sequences needed per error for damaged UTF-8 to stay UTF-8. */
export const UTF8_SEQUENCES_PER_ERROR = 8;

/** Counts valid and invalid UTF-8 sequences in one linear pass. */
export function utf8Evidence(b: Uint8Array): Utf8Evidence {
  let multibyte = 0, errors = 0, high = false;
  const n = b.length;
  for (let i = 0; i < n;) {
    const x = b[i]!;
    if (x < 0x80) { i++; continue; }
    high = true;
    let need: number, lo = 0x80, hi = 0xbf;
    if (x >= 0xc2 && x <= 0xdf) need = 1;
    else if (x >= 0xe0 && x <= 0xef) { need = 2; if (x === 0xe0) lo = 0xa0; else if (x === 0xed) hi = 0x9f; }
    else if (x >= 0xf0 && x <= 0xf4) { need = 3; if (x === 0xf0) lo = 0x90; else if (x === 0xf4) hi = 0x8f; }
    else { errors++; i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const c = b[i + j];
      if (c === undefined || c < lo || c > hi) break;
      lo = 0x80; hi = 0xbf;
    }
    if (j > need) { multibyte++; i += need + 1; } else { errors++; i += j; }
  }
  return { ascii: !high, multibyte, errors };
}

/** Valid UTF-8, or UTF-8 with a few damaged bytes (at most one error per `UTF8_SEQUENCES_PER_ERROR` valid sequences). */
export function isMostlyUtf8(e: Utf8Evidence): boolean {
  return e.multibyte > 0 && e.errors * UTF8_SEQUENCES_PER_ERROR <= e.multibyte;
}
