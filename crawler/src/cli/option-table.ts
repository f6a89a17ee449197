/**
 * A command's options as one table: parsing (node:util parseArgs), validation, defaults and the
 * `--help` lines are all generated from it, so help and behaviour cannot drift apart.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';
import { didYouMean } from './suggest.js';
import { padEnd, displayWidth } from './format/width.js';

interface Base {
  /** One line of help (required: the help test fails on an empty one). */
  help: string;
  /** Shown as `(default …)` when the default is computed or not a plain value. */
  defaultText?: string;
}
/** A switch: false unless given. */
export interface BooleanOption extends Base { type: 'boolean' }
/** A string value; `choices` or `pattern` restrict it. */
export interface StringOption extends Base {
  type: 'string'; default?: string; required?: boolean;
  /** The form a value must have (its placeholder names it in the error): a RegExp or a test. */
  pattern?: RegExp | ((v: string) => boolean);
  /** The value's name in help; defaults to the choices joined by `|`. */
  placeholder?: string;
  choices?: readonly string[];
}
/** A repeatable string value (an array, empty unless given). */
export interface ListOption extends Base { type: 'list'; placeholder: string }
/** A whole number ≥ min (default 0). */
export interface IntegerOption extends Base { type: 'integer'; placeholder: string; default?: number; min?: number }

export type OptionSpec = BooleanOption | StringOption | ListOption | IntegerOption;
export type OptionTable = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> =
  S extends BooleanOption ? boolean :
  S extends ListOption ? string[] :
  S extends IntegerOption ? (S extends { default: number } ? number : number | undefined) :
  S extends { default: string } | { required: true } ? string : string | undefined;

/** The parsed values of a table, typed from it. */
export type Values<T extends OptionTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };

/** Declares a table, keeping its literal types (so `Values<typeof table>` knows which have defaults). */
export const optionTable = <const T extends OptionTable>(t: T): T => t;

/** The `<placeholder>` of an option ('' for a switch; choices are listed: `json|csv|xlsx`). */
export function placeholder(s: OptionSpec): string {
  if (s.type === 'boolean') return '';
  if (s.type === 'string') return s.placeholder ?? s.choices?.join('|') ?? '';
  return s.placeholder;
}

/** The `(default …)` text of an option, or '' when it has none worth saying. */
export function defaultOf(s: OptionSpec): string {
  if (s.defaultText !== undefined) return s.defaultText;
  if ((s.type === 'string' || s.type === 'integer') && s.default !== undefined) return String(s.default);
  return '';
}

const LEFT_MAX = 28;
const LINE_MAX = 100;

/** Word-wraps text to a display width (a word longer than the width gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The help lines of a table: `  --name <value>   help (default x)`, aligned and wrapped; over-long names get their own line. */
export function optionHelp(table: OptionTable, extra: [string, string][] = []): string[] {
  const rows: [string, string][] = Object.entries(table).map(([name, s]) => {
    const ph = placeholder(s);
    const def = defaultOf(s);
    const more = [s.type === 'list' ? 'repeatable' : '', s.type === 'string' && s.required ? 'required' : '', def ? `default ${def}` : '']
      .filter(Boolean).join('; ');
    return [`--${name}${ph ? ` <${ph}>` : ''}`, `${s.help}${more ? ` (${more})` : ''}`];
  });
  rows.push(...extra);
  const width = Math.min(LEFT_MAX, Math.max(...rows.map(([l]) => displayWidth(l))));
  const indent = ' '.repeat(width + 4);
  return rows.flatMap(([l, r]) => {
    const [first, ...more] = wrap(r, LINE_MAX - indent.length);
    const head = displayWidth(l) > width ? [`  ${l}`, `${indent}${first}`] : [`  ${padEnd(l, width)}  ${first}`];
    return [...head, ...more.map((m) => `${indent}${m}`)];
  });
}

function config(table: OptionTable): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(table).map(([name, s]) =>
    [name, s.type === 'boolean' ? { type: 'boolean' as const } : s.type === 'list' ? { type: 'string' as const, multiple: true } : { type: 'string' as const }]));
}

function convert(name: string, s: OptionSpec, raw: unknown): unknown {
  if (s.type === 'boolean') return raw === true;
  if (s.type === 'list') return (raw as string[] | undefined) ?? [];
  const v = raw as string | undefined;
  if (s.type === 'integer') {
    if (v === undefined) return s.default;
    const n = Number(v);
    const min = s.min ?? 0;
    if (v.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${v}'`, { help: true });
    return n;
  }
  if (v === undefined) {
    if (s.required) throw new UsageError(`missing --${name} <${placeholder(s)}>`, { help: true });
    return s.default;
  }
  if (s.choices && !s.choices.includes(v)) {
    const list = s.choices.length > 1 ? `${s.choices.slice(0, -1).join(', ')} or ${s.choices.at(-1)}` : s.choices[0];
    throw new UsageError(`--${name} must be ${list}, got '${v}'`, { help: true });
  }
  if (s.pattern && !(typeof s.pattern === 'function' ? s.pattern(v) : s.pattern.test(v))) throw new UsageError(`--${name} must be ${placeholder(s)}, got '${v}'`, { help: true });
  return v;
}

/** Unknown options, found before the strict parse so the error can suggest the nearest known one. */
function checkUnknown(table: OptionTable, args: string[]): void {
  const { tokens } = parseArgs({ args, options: config(table), strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name in table) continue;
    const guess = didYouMean(t.name, Object.keys(table));
    throw new UsageError(`unknown option ${t.rawName}${guess ? ` — did you mean --${guess}?` : ''}`, { help: true });
  }
}

/**
 * Parses argv by the table: unknown options (with a suggestion), missing values, bad integers,
 * choices and patterns are usage errors; every option not given takes the table's default.
 */
export function parseOptions<T extends OptionTable>(table: T, args: string[], positionals: boolean): { values: Values<T>; positionals: string[] } {
  checkUnknown(table, args);
  let parsed;
  try {
    parsed = parseArgs({ args, options: config(table), strict: true, allowPositionals: positionals });
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(parseArgsMessage(err as Error, table), { help: true });
    throw err;
  }
  const values: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(table)) values[name] = convert(name, s, (parsed.values as Record<string, unknown>)[name]);
  return { values: values as Values<T>, positionals: parsed.positionals };
}

/** node:util's messages, shortened to one line in the CLI's own words. */
function parseArgsMessage(err: Error, table: OptionTable): string {
  const code = (err as { code?: string }).code;
  const opt = err.message.match(/'(--?[\w-]+)/)?.[1];
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && opt) {
    const s = table[opt.replace(/^-+/, '')];
    return s && s.type !== 'boolean' ? `${opt} needs a value <${placeholder(s)}>` : `${opt} takes no value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${err.message.match(/'[^']*'/)?.[0] ?? ''} (this command takes none)`.replace(' ()', '');
  return err.message.split('\n')[0]!;
}

/** What is wrong with a table (empty help, a value without a placeholder, a default its own rules reject); [] when sound. */
export function tableProblems(table: OptionTable): string[] {
  const out: string[] = [];
  for (const [name, s] of Object.entries(table)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) out.push(`--${name}: not a lower-case option name`);
    if (!s.help?.trim()) out.push(`--${name}: no help text`);
    if (s.type !== 'boolean' && !placeholder(s).trim()) out.push(`--${name}: no value placeholder`);
    if (s.type === 'string' && s.default !== undefined) {
      try {
        convert(name, s, s.default);
      } catch (err) {
        out.push(`--${name}: default '${s.default}' is rejected: ${(err as Error).message}`);
      }
    }
    if (s.type === 'integer' && s.default !== undefined && (!Number.isInteger(s.default) || s.default < (s.min ?? 0))) out.push(`--${name}: default ${s.default} is below its minimum`);
  }
  return out;
}
