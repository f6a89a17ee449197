/**
 * Every command's options come from one table: the parser, the defaults and the --help are generated
 * from it, so they cannot disagree. Unknown commands and flags get a "did you mean".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../crawler/src/cli/commands/index.js';
import { commandHelp, toolHelp } from '../../crawler/src/cli/help.js';
import { defaultOf, optionTable, parseOptions, placeholder, tableProblems, type StringOption } from '../../crawler/src/cli/option-table.js';
import { didYouMean, editDistance } from '../../crawler/src/cli/suggest.js';
import { displayWidth } from '../../crawler/src/cli/format/width.js';
import { terminalTable } from '../../crawler/src/cli/format/table.js';
import { UsageError } from '../../crawler/src/cli/command.js';
import { runCli } from './cli-helpers.js';

const REPO = join(import.meta.dirname, '..', '..');
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('option tables', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: every option has help, a placeholder if it takes a value, and a default its own rules accept', (_, cmd) => {
    expect(Object.keys(cmd.options).length).toBeGreaterThan(0);
    expect(tableProblems(cmd.options)).toEqual([]);
  });

  it('the table check catches an option without help, a value without a placeholder and a bad default', () => {
    const bad = optionTable({
      quiet: { type: 'boolean', help: '' },
      out: { type: 'string', placeholder: '', help: 'where' },
      lang: { type: 'string', choices: ['zh', 'en'], default: 'fr', help: 'language' },
      n: { type: 'integer', placeholder: 'n', min: 1, default: 0, help: 'count' },
    });
    expect(tableProblems(bad)).toEqual([
      '--quiet: no help text',
      '--out: no value placeholder',
      "--lang: default 'fr' is rejected: --lang must be zh or en, got 'fr'",
      '--n: default 0 is below its minimum',
    ]);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --help lists every option with its placeholder, help text and default', (_, cmd) => {
    const help = flat(commandHelp(cmd));
    for (const [name, s] of Object.entries(cmd.options)) {
      const ph = placeholder(s);
      expect(help).toContain(`--${name}${ph ? ` <${ph}>` : ''} `);
      expect(help).toContain(flat(s.help));
      const def = defaultOf(s);
      if (def) expect(help).toContain(flat(`default ${def}`));
    }
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --help names no option the parser would reject', (_, cmd) => {
    const named = [...commandHelp(cmd).matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!).filter((n) => n !== 'help');
    expect(named.length).toBeGreaterThan(0);
    for (const n of new Set(named)) expect(Object.keys(cmd.options), `--${n} in ${cmd.name} --help`).toContain(n);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: with no flags every option takes the default its help shows', (_, cmd) => {
    // Required options (export --format) are given their first choice; every other is left out.
    const required = Object.entries(cmd.options).flatMap(([n, s]) => (s.type === 'string' && s.required ? [`--${n}`, s.choices![0]!] : []));
    const { values } = parseOptions(cmd.options, required, cmd.positionals);
    for (const [name, s] of Object.entries(cmd.options)) {
      const expected = s.type === 'boolean' ? false : s.type === 'list' ? [] : s.default;
      if (s.type === 'string' && s.required) continue;
      expect(values[name], `--${name}`).toEqual(expected);
      if (s.type !== 'boolean' && s.type !== 'list' && s.default !== undefined && s.defaultText === undefined) {
        expect(flat(commandHelp(cmd))).toContain(`default ${s.default}`);
      }
    }
  });

  it('the tables fix what the help got wrong: columns takes no --ocr, reparse takes --blobs, crawl and columns take no --run', () => {
    const opts = Object.fromEntries(COMMANDS.map((c) => [c.name, Object.keys(c.options)]));
    expect(opts.columns).not.toContain('ocr');
    expect(opts.crawl).toContain('ocr');
    expect(opts.reparse).toEqual(expect.arrayContaining(['db', 'blobs', 'run', 'ocr', 'json']));
    expect(opts.crawl).not.toContain('run');
    expect(opts.columns).not.toContain('run');
    expect(opts.demo).toEqual(expect.arrayContaining(['out', 'browser', 'keep', 'no-history', 'quiet']));
  });

  it('values are converted and checked by the table', () => {
    const crawl = COMMANDS.find((c) => c.name === 'crawl')!;
    const { values, positionals } = parseOptions(crawl.options, ['http://a/', '--concurrency', '3', '--resolve', 'a=b:1', '--resolve', 'c=d:2', '--new'], true);
    expect(positionals).toEqual(['http://a/']);
    expect(values).toMatchObject({ concurrency: 3, 'per-host': 2, resolve: ['a=b:1', 'c=d:2'], new: true, ocr: false, browser: 'auto' });
    const bad = (args: string[]) => {
      try {
        parseOptions(crawl.options, args, true);
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(bad(['--concurrency', '0'])).toBe("--concurrency must be an integer ≥ 1, got '0'");
    expect(bad(['--delay', '1.5'])).toBe("--delay must be an integer ≥ 0, got '1.5'");
    expect(bad(['--now', '2025/01/01'])).toBe("--now must be YYYY-MM-DD, got '2025/01/01'");
    expect(bad(['--browser', 'sometimes'])).toBe("--browser must be auto, always or never, got 'sometimes'");
    expect(bad(['--db'])).toBe('--db needs a value <file|url>');
    expect(bad(['--json=yes'])).toBe('--json takes no value');
    expect(bad(['--concurency', '3'])).toBe('unknown option --concurency — did you mean --concurrency?');
    const exp = COMMANDS.find((c) => c.name === 'export')!;
    const formats = (exp.options.format as StringOption).choices!;
    expect(formats).toEqual(expect.arrayContaining(['json', 'csv', 'xlsx']));
    expect(() => parseOptions(exp.options, [], false)).toThrow(`missing --format <${formats.join('|')}>`);
    expect(() => parseOptions(exp.options, ['--format', 'json', 'extra'], false)).toThrow("unexpected argument 'extra'");
  });
});

describe('did you mean', () => {
  it('edit distance', () => {
    expect(editDistance('parse', 'parse')).toBe(0);
    expect(editDistance('parze', 'parse')).toBe(1);
    expect(editDistance('colums', 'columns')).toBe(1);
    expect(editDistance('', 'demo')).toBe(4);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests a near name or a unique prefix, nothing for a far one', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(didYouMean('parze', names)).toBe('parse');
    expect(didYouMean('Crawl', names)).toBe('crawl');
    expect(didYouMean('sumary', names)).toBe('summary');
    expect(didYouMean('rep', names)).toBe('reparse');
    expect(didYouMean('download', names)).toBeUndefined();
    expect(didYouMean('x', names)).toBeUndefined();
  });

  it('for an unknown command and an unknown flag, on stderr with exit 2', async () => {
    const cmd = await runCli('parze', 'report.html');
    expect(cmd).toMatchObject({ code: 2, out: '' });
    expect(cmd.err).toBe("gongkai: unknown command 'parze' — did you mean 'parse'? (gongkai --help lists the commands)\n");
    const flag = await runCli('columns', 'http://www.example.gov.cn/', '--ocr');
    expect(flag.code).toBe(2);
    expect(flag.err).toBe('gongkai columns: unknown option --ocr (see gongkai columns --help)\n');
    const typo = await runCli('parse', 'x.html', '--verbos');
    expect(typo).toMatchObject({ code: 2, err: 'gongkai parse: unknown option --verbos — did you mean --verbose? (see gongkai parse --help)\n' });
  });
});

describe('help output', () => {
  it('gongkai --help lists every command; <command> --help prints the generated text', async () => {
    const top = await runCli('--help');
    expect(top.code).toBe(0);
    expect(top.out).toBe(toolHelp(COMMANDS));
    const lines = top.out.split('\n');
    for (const c of COMMANDS) expect(lines.some((l) => l.startsWith(`  ${c.name} `) && l.endsWith(`  ${c.summary}`)), c.name).toBe(true);
    const demo = await runCli('demo', '--help');
    expect(demo).toMatchObject({ code: 0, out: commandHelp(COMMANDS.find((c) => c.name === 'demo')!) });
  });

  it('no line of any help is wider than 100 columns', () => {
    for (const c of COMMANDS) for (const l of commandHelp(c).split('\n')) expect(displayWidth(l), `${c.name}: ${l}`).toBeLessThanOrEqual(100);
  });

  it('the README (parse) and docs/crawler.md or docs/<command>.md name every option of their commands', () => {
    const read = (...p: string[]) => (existsSync(join(REPO, ...p)) ? readFileSync(join(REPO, ...p), 'utf8') : '');
    const readme = read('README.md');
    const docs = read('docs', 'crawler.md');
    for (const c of COMMANDS) {
      const text = c.name === 'parse' ? readme : docs + read('docs', `${c.name}.md`);
      for (const name of Object.keys(c.options)) expect(text, `${c.name} --${name}`).toContain(`--${name}`);
    }
  });
});

describe('terminal width of Chinese text', () => {
  it('counts CJK and full-width characters as two columns, colour codes as none', () => {
    expect(displayWidth('政府信息公开年报')).toBe(16);
    expect(displayWidth('ab（注）')).toBe(8);
    expect(displayWidth('\x1b[31m错误\x1b[0m')).toBe(4);
  });

  it('aligns a table that mixes Chinese and Latin names', () => {
    const lines = terminalTable(['column', 'items', 'newest'], [['工作动态', '12', '2025-05-31'], ['政府信息公开年报', '6', '2025-01-20'], ['x', '0', '-']], ['left', 'right']);
    const at = (l: string, s: string) => displayWidth(l.slice(0, l.indexOf(s)));
    expect(lines.map((l) => at(l, l.includes('2025') ? '2025' : l.includes('newest') ? 'newest' : '-'))).toEqual([25, 25, 25, 25]);
    expect(lines[2]).toBe('政府信息公开年报      6  2025-01-20');
  });
});
