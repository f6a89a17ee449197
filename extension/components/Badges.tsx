/**
 * A badge beside each report attachment link, in its own small shadow root (the page's styles and
 * scripts cannot reach into it, and its text is set as text).
 */
import { useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { checkAttachment, type AttachmentLink, type BadgeState, type PdfChecker } from '../lib/attachments';
import { t, type Lang } from '../lib/i18n';
import { BADGE_CSS } from '../lib/styles';

export const BADGE_TAG = 'gongkai-lens-badge';

function Badge({ link, pageUrl, pdf, lang }: { link: AttachmentLink; pageUrl: string; pdf: PdfChecker | null; lang: Lang }) {
  const [s, setS] = useState<BadgeState>({ state: 'checking' });
  useEffect(() => { void checkAttachment(link, pageUrl, pdf).then(setS); }, [link, pageUrl, pdf]);
  if (s.state === 'checking') return <span className="gl-badge" data-state="checking">{t(lang, 'checking')}</span>;
  if (s.state === 'not-checked') {
    return <span className="gl-badge" data-state="not-checked" title={s.reason[lang]}>{t(lang, 'title')}：{t(lang, 'notChecked')}（{s.reason[lang]}）</span>;
  }
  const cls = s.errors ? 'err' : s.warnings ? 'warn' : 'ok';
  return (
    <span className={`gl-badge ${cls}`} data-state="checked">
      {t(lang, 'title')}：{t(lang, 'errors')} {s.errors} · {t(lang, 'warnings')} {s.warnings} · {t(lang, 'score')} {s.score}
    </span>
  );
}

export interface MountedBadges { unmount(): void; setLang(lang: Lang): void }

export function mountBadges(links: readonly AttachmentLink[], pageUrl: string, pdf: PdfChecker | null, lang: Lang): MountedBadges {
  const roots: { host: Element; root: Root; link: AttachmentLink }[] = [];
  for (const link of links) {
    if (link.a.nextElementSibling?.tagName.toLowerCase() === BADGE_TAG) continue;
    const host = document.createElement(BADGE_TAG);
    // The page's CSS may try to hide us: inline !important wins over it.
    host.style.setProperty('display', 'inline', 'important');
    host.style.setProperty('visibility', 'visible', 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    const mount = document.createElement('span');
    shadow.append(style, mount);
    link.a.insertAdjacentElement('afterend', host);
    const root = createRoot(mount);
    root.render(<Badge link={link} pageUrl={pageUrl} pdf={pdf} lang={lang} />);
    roots.push({ host, root, link });
  }
  return {
    unmount() { for (const r of roots) { r.root.unmount(); r.host.remove(); } },
    setLang(l: Lang) { for (const r of roots) r.root.render(<Badge link={r.link} pageUrl={pageUrl} pdf={pdf} lang={l} />); },
  };
}
