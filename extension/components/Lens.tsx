/// <reference types="chrome" />
/**
 * The lens on one page: decides what the page is (report, column list, attachments), runs the
 * matching check and shows the result. Any failure shows as a message in the panel, never as a
 * broken page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { TOO_BIG } from '../lib/page-check';
import { attachmentLinks } from '../lib/attachments';
import { LANG_KEY, saveLang, t, type Lang } from '../lib/i18n';
import { usePlaces } from './use-places';
import { focusPlace, type Dock } from '../lib/focus';
import { quickClassify } from '../lib/quick-detect';
import { analyzeReport, hasReportBody, type ReportState } from '../lib/report-session';
import { lensTools, type ColumnPage } from '../lib/tools';
import { DISABLED_KEY, isDisabled } from '../lib/sites';
import { tellVerdict } from '../lib/page-verdict';
import { checkingVerdict, verdictOf } from '../lib/verdict';
import { send } from '../lib/messages';
import { BADGE_TAG, mountBadges, type MountedBadges } from './Badges';
import { ColumnPanel } from './ColumnPanel';
import { HistoryPanel } from './HistoryPanel';
import { Outlines } from './Outlines';
import { Panel } from './Panel';
import { ReportPanel } from './ReportPanel';
import { pdfChecker } from '../lib/pdf-check';
import { whenContentGrows } from '../lib/late-content';
import { BENCH_KEY, setBench, timed } from '../lib/perf';
import { worldSlot } from '../lib/world-slot';
import { lensHost } from '../lib/lens-host';

type View =
  | { kind: 'none' }
  | { kind: 'report'; state: ReportState }
  | { kind: 'column'; verdict: ColumnPage };

const PANEL_WIDTH = 400;


/** Large images in the page (a report published as scanned pages). */
function pageImages(): number {
  return Array.from(document.images).slice(0, 200).filter((i) => i.width >= 400 || i.naturalWidth >= 400).length;
}

// Injected twice (gate and popup)? Only the first copy in this isolated world does anything.
// Kept under a Symbol, read as an own property (lib/world-slot.ts): no element id can fake it.
const injected = worldSlot('lens', (v): v is true => v === true);
const FIRST = injected.get() !== true;
injected.set(true);
const skipOwn = (el: Element) => el.closest(BADGE_TAG) !== null;

export function Lens() {
  const [lang, setLang] = useState<Lang>('zh');
  const [view, setView] = useState<View>({ kind: 'none' });
  const [off, setOff] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [fetchState, setFetchState] = useState<string | null>(null);
  const badges = useRef<MountedBadges | null>(null);

  const run = useCallback(async (retry = true): Promise<void> => {
    const url = location.href;
    // Injected by the popup's "检查此页" there was no gate to say so: the popup shows "正在检查".
    if (retry) void tellVerdict(checkingVerdict(url));
    const settings = await chrome.storage.local.get([BENCH_KEY, LANG_KEY]);
    setBench(settings[BENCH_KEY]);
    const l: Lang = settings[LANG_KEY] === 'en' ? 'en' : 'zh';
    const { kinds, links } = timed('classify', () => ({ kinds: quickClassify(document, url), links: attachmentLinks(document, url) }));
    // Not a report by its title or tables: the background reads its text (isLikelyReportPage).
    const likely = kinds.report || (await send<boolean>({ type: 'page:likely', title: document.title, text: timed('text', () => (document.body?.textContent ?? '').slice(0, 200_000)) }));
    let v: View = { kind: 'none' };
    // Waiting for a script-filled article: the popup keeps saying "正在检查" meanwhile.
    let waiting = false;
    const state = likely ? await analyzeReport(document, url) : null;
    if (state && state.check.ok && hasReportBody(state.check.report)) v = { kind: 'report', state };
    // A list of reports is a column; an article that only links its report file gets badges only.
    else if (kinds.column) { const tools = await lensTools(); v = { kind: 'column', verdict: timed('column', () => tools.columnPage(document, new Date())) }; }
    else if (state && links.length === 0) {
      // The article may be filled in by script: read the page again once its text has arrived.
      // Unreadable so far: say so only if nothing comes. Readable but thin (no tables, few
      // sections): show it now, and again if more arrives.
      if (!state.check.ok && state.check.reason !== TOO_BIG && retry) {
        waiting = true;
        void whenContentGrows(document).then((grew) => {
          if (grew) return run(false);
          setView({ kind: 'report', state });
          return tellVerdict(verdictOf(state.check, null, 0, url));
        });
      } else {
        v = { kind: 'report', state };
        if (retry && state.check.ok && !hasReportBody(state.check.report)) {
          void whenContentGrows(document).then((grew) => { if (grew) void run(false); });
        }
      }
    }
    // One render with both the view and the language.
    setLang(l);
    setView(v);
    if (links.length && !badges.current) badges.current = mountBadges(links, url, pdfChecker(), l);
    if (!waiting) await tellVerdict(verdictOf(v.kind === 'report' ? v.state.check : null, v.kind === 'column' ? v.verdict : null, links.length, url));
  }, []);

  useEffect(() => {
    if (!FIRST) return;
    void run();
    const onChange = (changes: Record<string, chrome.storage.StorageChange>) => {
      if (changes[DISABLED_KEY] && isDisabled(changes[DISABLED_KEY].newValue, location.origin)) {
        badges.current?.unmount();
        badges.current = null;
        setOff(true);
        lensHost.get()?.remove();
      }
      if (changes[LANG_KEY]) {
        const l: Lang = changes[LANG_KEY].newValue === 'en' ? 'en' : 'zh';
        setLang(l);
        badges.current?.setLang(l);
      }
    };
    chrome.storage.onChanged.addListener(onChange);
    return () => chrome.storage.onChanged.removeListener(onChange);
  }, [run]);

  const check = view.kind === 'report' ? view.state.check : null;
  const { marked, notPlaced } = usePlaces(check?.ok ? check : null, skipOwn);

  const [dock, setDock] = useState<Dock>('right');
  const pick = (i: number) => {
    setActive(i);
    const place = marked.find((m) => m.index === i)?.places[0];
    // The cell with its row label in view, the panel docked where it covers neither.
    if (place) setDock(focusPlace(place, PANEL_WIDTH));
  };

  const fetchEarlier = async () => {
    if (!check?.ok) return;
    setFetchState('busy');
    try {
      const known = new Set(view.kind === 'report' ? view.state.years : []);
      const out = await (await lensTools()).fetchEarlierYears(document, location.href, check.report, known);
      setFetchState(out.message[lang]);
      if (out.fetched > 0) await run(false);
    } catch (e) {
      setFetchState(String((e as Error).message).slice(0, 80));
    }
  };

  const toggleLang = () => { const l: Lang = lang === 'zh' ? 'en' : 'zh'; setLang(l); void saveLang(l); };

  if (off || view.kind === 'none') return null;
  return (
    <>
      <Outlines marked={marked} active={active} lang={lang} />
      <Panel lang={lang} onLang={toggleLang} dock={dock}>
        {view.kind === 'column' && <ColumnPanel v={view.verdict} lang={lang} />}
        {check && !check.ok && check.reason === TOO_BIG && (
          <div data-testid="too-big"><p><b>{t(lang, 'tooBig')}</b></p><p className="gl-muted">{t(lang, 'tooBigNote')} {check.message[lang]}</p></div>
        )}
        {check && !check.ok && check.reason !== TOO_BIG && <p data-testid="not-report" data-reason={check.reason}>{t(lang, 'notReport')}: {check.message[lang]}</p>}
        {check && (!check.ok || !hasReportBody(check.report)) && pageImages() > 0 && <p className="gl-muted" data-testid="image-report">{t(lang, 'imageReport')}</p>}
        {check?.ok && (
          <>
            <ReportPanel report={check.report} result={check.result} lang={lang} names={view.kind === 'report' ? view.state.names : {}} onHover={setActive} onPick={pick} notPlaced={notPlaced} />
            <HistoryPanel lang={lang} cross={view.kind === 'report' ? view.state.cross : null} fetchState={fetchState} onFetch={() => void fetchEarlier()}
              cmp={check.comparison} unused={view.kind === 'report' ? view.state.unused : 0} copies={view.kind === 'report' ? view.state.copies : []} />
          </>
        )}
      </Panel>
    </>
  );
}
