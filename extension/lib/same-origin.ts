/** `href` (relative to `base`) when it is an http(s) URL of `base`'s origin; else null. */
export function sameOrigin(href: string, base: string): URL | null {
  try {
    const u = new URL(href, base);
    const b = new URL(base);
    return u.origin === b.origin && (u.protocol === 'http:' || u.protocol === 'https:') ? u : null;
  } catch {
    return null;
  }
}
