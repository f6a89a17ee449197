/**
 * A badge beside each report attachment link, in its own small shadow root (the page's styles and
 * scripts cannot reach into it, and its text is set as text).
 */
import { attachOwnShadow } from '../lib/shadow';
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
  if (s.state === 'scanned') {
    const why = lang === 'zh' ? `扫描版 PDF（${s.pages} 页无文字层），需要文字识别：请用命令行检查` : `scanned PDF (${s.pages} pages without a text layer); OCR runs in the CLI`;
    return <span className="gl-badge scan" data-state="scanned" title={why}>{t(lang, 'title')}：{lang === 'zh' ? '扫描件 — 需要 OCR（请用命令行）' : 'scanned — needs OCR (use the CLI)'}</span>;
  }
  if (s.state === 'failed') {
    return <span className="gl-badge fail" data-state="failed" title={s.reason[lang]}>{t(lang, 'title')}：{lang === 'zh' ? '检查失败' : 'check failed'}（{s.reason[lang]}）</span>;
  }
  const cls = s.errors ? 'err' : s.warnings ? 'warn' : 'ok';
  const top = s.top ? s.top[lang] : lang === 'zh' ? '未发现问题' : 'no findings';
  // The top finding shows on hover (and keyboard focus), in the badge's own shadow root.
  return (
    <span className={`gl-badge ${cls}`} data-state="checked" data-top={s.top?.id ?? ''} tabIndex={0} aria-describedby="gl-tip">
      {t(lang, 'title')}：{t(lang, 'errors')} {s.errors} · {t(lang, 'warnings')} {s.warnings} · {t(lang, 'score')} {s.score}
      <span className="gl-tip" id="gl-tip" role="tooltip">{top}</span>
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
    const shadow = attachOwnShadow(host);
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
