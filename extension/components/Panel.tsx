/** The floating panel frame: title bar with language switch and collapse. */
import { useState, type ReactNode } from 'react';
import { t, type Lang } from '../lib/i18n';
import type { Dock } from '../lib/focus';

export function Panel({ lang, onLang, dock, children }: { lang: Lang; onLang: () => void; dock: Dock; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  return (
    <div className={`gl-panel ${dock}${open ? '' : ' collapsed'}`} data-testid="panel" data-dock={dock} lang={lang === 'zh' ? 'zh-CN' : 'en'}
      role="complementary" aria-label={t(lang, 'title')}>
      <div className="gl-head">
        <h1>{t(lang, 'title')}</h1>
        <button data-testid="lang" onClick={onLang}>{t(lang, 'language')}</button>
        <button data-testid="collapse" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? t(lang, 'close') : t(lang, 'open')}</button>
      </div>
      {open && <div className="gl-body">{children}</div>}
    </div>
  );
}
