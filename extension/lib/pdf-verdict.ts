/**
 * A downloaded PDF → the badge's verdict (runs in the offscreen document only: it bundles pdf.js).
 * Text PDFs are extracted, parsed and checked with the shared library, as by the CLI; scans (most
 * pages without a text layer but with an image) are reported as needing OCR, which runs in the CLI.
 */
import { extractPdf, type PdfResult } from '@gongkai/shared/pdf';
import { checkReport, parseExtracted, type Finding } from '@gongkai/shared/browser';
import type { BadgeState } from './attachments';

/** As the CLI (shared/src/extract/binary.ts): fewer text characters than this on a page with an image is a scanned page. */
const SCAN_CHARS_PER_PAGE = 20;

export interface PdfAssetUrls { cMapUrl: string; standardFontDataUrl: string }

export function isScan(res: Pick<PdfResult, 'pages'>): boolean {
  const scanned = res.pages.filter((p) => p.chars < SCAN_CHARS_PER_PAGE && p.images > 0);
  return res.pages.length > 0 && scanned.length >= res.pages.length / 2;
}

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function topFinding(findings: readonly Finding[]): Finding | null {
  return [...findings].sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3))[0] ?? null;
}

function reason(e: unknown): { zh: string; en: string } {
  // GongkaiError ('encrypted' | 'corrupt' | 'timeout') carries both languages.
  const err = e as { message?: string; zh?: string } | null;
  const en = String(err?.message ?? e).slice(0, 120);
  const zh = typeof err?.zh === 'string' ? err.zh : `PDF 读取失败：${en}`;
  return { zh: zh.slice(0, 120), en };
}

export async function pdfVerdict(bytes: Uint8Array, url: string, assets: PdfAssetUrls, timeoutMs = 60_000): Promise<BadgeState> {
  let res: PdfResult;
  try {
    res = await extractPdf(bytes, { ...assets, timeoutMs });
  } catch (e) {
    return { state: 'failed', reason: reason(e) };
  }
  if (isScan(res)) return { state: 'scanned', pages: res.numPages };
  try {
    const parsed = parseExtracted(res.doc, { url });
    if (!parsed.ok) return { state: 'failed', reason: { zh: `无法解析：${parsed.message.zh}`, en: `not readable: ${parsed.message.en}` } };
    const result = checkReport(parsed.report);
    const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
    const top = topFinding(result.findings);
    return {
      state: 'checked', errors: count('error'), warnings: count('warning'), score: result.score.value,
      year: parsed.report.year, top: top ? { id: top.id, zh: top.message.zh, en: top.message.en } : null,
    };
  } catch (e) {
    return { state: 'failed', reason: { zh: `检查出错：${String((e as Error)?.message ?? e).slice(0, 100)}`, en: `check failed: ${String((e as Error)?.message ?? e).slice(0, 100)}` } };
  }
}
