/**
 * The output file of a batch parse: JSON Lines (one input per line: its contract, or its typed
 * failure) or CSV (one input per row: outcome, reason, agency, year, score, finding counts). Every
 * line starts with the input, so `--resume` can tell which inputs are done; a last line cut short by
 * a crash is dropped before appending.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { csvLine, type Column } from '../export/sheet.js';
import type { CellValue } from '../export/sheet.js';
import { OUTCOME_EXIT, type InputResult, type InputSummary, type Outcome } from './parse-one.js';

export type OutputFormat = 'jsonl' | 'csv';

const COLUMNS: (Column & { get(s: InputSummary): CellValue })[] = [
  { key: 'input', zh: '输入', type: 'text', get: (s) => s.input },
  { key: 'outcome', zh: '结果', type: 'text', get: (s) => s.outcome },
  { key: 'ok', zh: '解析成功', type: 'bool', get: (s) => s.ok },
  { key: 'reason', zh: '未解析原因', type: 'text', get: (s) => s.reason },
  { key: 'message', zh: '说明', type: 'text', get: (s) => s.message },
  { key: 'agency', zh: '机关', type: 'text', get: (s) => s.agency },
  { key: 'year', zh: '年度', type: 'int', get: (s) => s.year },
  { key: 'template', zh: '格式', type: 'text', get: (s) => s.template },
  { key: 'score', zh: '得分', type: 'int', get: (s) => s.score },
  { key: 'errors', zh: '错误', type: 'int', get: (s) => s.errors },
  { key: 'warnings', zh: '警告', type: 'int', get: (s) => s.warnings },
  { key: 'infos', zh: '提示', type: 'int', get: (s) => s.infos },
  { key: 'doubtful', zh: '存疑单元格', type: 'int', get: (s) => s.doubtful },
  { key: 'report_id', zh: '报告编号', type: 'text', get: (s) => s.reportId },
  { key: 'sha256', zh: 'SHA-256', type: 'text', get: (s) => s.sha256 },
  { key: 'source_url', zh: '来源', type: 'url', get: (s) => s.sourceUrl },
];
const textColumns = COLUMNS.map((c) => ({ ...c, type: 'text' as const }));

export const formatOf = (file: string): OutputFormat | null => (/\.jsonl$/i.test(file) ? 'jsonl' : /\.csv$/i.test(file) ? 'csv' : null);

/** The header of a new CSV output (BOM for Excel/WPS, then the column keys or their Chinese names). */
export const csvHeader = (lang: 'en' | 'zh' = 'en'): string => '\ufeff' + csvLine(COLUMNS.map((c) => (lang === 'zh' ? c.zh : c.key)), textColumns) + '\r\n';

/** The text appended for one input. */
export function outputLine(r: InputResult, format: OutputFormat): string {
  return format === 'jsonl' ? `${r.line}\n` : `${csvLine(COLUMNS.map((c) => c.get(r.summary)), COLUMNS)}\r\n`;
}

/** The first CSV field of a line, unquoted and without the formula guard's apostrophe. */
function firstCsvField(line: string): string {
  let v: string;
  if (line.startsWith('"')) {
    let i = 1, s = '';
    for (; i < line.length; i++) {
      if (line[i] === '"') { if (line[i + 1] === '"') { s += '"'; i++; } else break; } else s += line[i];
    }
    v = s;
  } else v = line.split(',')[0]!;
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

export interface Previous { inputs: Set<string>; worst: number; lines: number }

/**
 * What an earlier output holds (for `--resume`): its inputs and their worst exit code. A trailing
 * partial line is cut off the file so that appending starts on a fresh line.
 */
export function readPrevious(file: string, format: OutputFormat): Previous {
  const prev: Previous = { inputs: new Set(), worst: 0, lines: 0 };
  if (!existsSync(file)) return prev;
  let text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n');
  if (end < text.length - 1) {
    text = text.slice(0, end + 1);
    writeFileSync(file, text);
  }
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    if (format === 'csv') {
      if (i === 0) continue; // header
      // CSV rows of this tool never hold a line break (messages are one line), so a line is a row.
      const input = firstCsvField(line);
      const outcome = (line.match(/^(?:"(?:[^"]|"")*"|[^,]*),([a-z]+),/)?.[1] ?? 'internal') as Outcome;
      prev.inputs.add(input);
      prev.worst = Math.max(prev.worst, OUTCOME_EXIT[outcome] ?? 5);
    } else {
      try {
        const j = JSON.parse(line) as { input?: string; outcome?: Outcome };
        if (typeof j.input !== 'string') continue;
        prev.inputs.add(j.input);
        prev.worst = Math.max(prev.worst, OUTCOME_EXIT[j.outcome ?? 'internal'] ?? 5);
      } catch {
        continue;
      }
    }
    prev.lines++;
  }
  return prev;
}
