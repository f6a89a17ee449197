/**
 * The alerts file (`gongkai watch --alerts alerts.json`), validated with zod. Secrets — robot sign
 * secrets, SMTP passwords, webhook URLs that carry a token — are named by environment variable
 * (`"secretEnv": "DINGTALK_SECRET"`, `"urlEnv"`, `"passEnv"`) and read when the file is loaded; their
 * values are never printed or recorded.
 *
 *   { "channels": [
 *       { "type": "dingtalk", "name": "县政务公开群", "urlEnv": "DINGTALK_URL", "secretEnv": "DINGTALK_SECRET" },
 *       { "type": "email", "name": "办公室", "host": "smtp.example.gov.cn", "port": 465, "secure": true,
 *         "user": "watch@example.gov.cn", "passEnv": "SMTP_PASS", "from": "watch@example.gov.cn", "to": ["gk@example.gov.cn"],
 *         "digest": "daily", "digestAt": "08:30" } ] }
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ALERT_KINDS, DEFAULT_KINDS, type AlertKind } from '../types.js';

const retry = z.object({
  /** Attempts per delivery, the first included. */
  attempts: z.number().int().min(1).max(10).default(4),
  /** Wait before the second attempt; doubled for each further one. */
  backoffMs: z.number().int().min(0).max(600_000).default(2000),
}).strict();

const common = {
  name: z.string().min(1),
  kinds: z.array(z.enum(ALERT_KINDS)).min(1).optional(),
  digest: z.enum(['off', 'daily']).default('off'),
  /** Local time (HH:MM) from which the day's digest goes out, at the first cycle after it. */
  digestAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM').default('08:00'),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  retry: retry.optional(),
};
const url = z.string().url().refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL');
const endpoint = { url: url.optional(), urlEnv: z.string().min(1).optional() };
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

const channel = z.discriminatedUnion('type', [
  z.object({ type: z.literal('webhook'), ...common, ...endpoint, headers: z.record(z.string(), z.string()).optional(),
    /** Sent as `Authorization: Bearer <value>`. */ tokenEnv: envName.optional() }).strict(),
  z.object({ type: z.literal('dingtalk'), ...common, ...endpoint, secretEnv: envName.optional() }).strict(),
  z.object({ type: z.literal('wecom'), ...common, ...endpoint }).strict(),
  z.object({ type: z.literal('feishu'), ...common, ...endpoint, secretEnv: envName.optional(), format: z.enum(['post', 'text']).default('post') }).strict(),
  z.object({ type: z.literal('email'), ...common, host: z.string().min(1), port: z.number().int().min(1).max(65535).default(587),
    /** true: TLS from the start (465); false: STARTTLS when the server offers it. */ secure: z.boolean().default(false),
    user: z.string().optional(), passEnv: envName.optional(), from: z.string().min(3), to: z.array(z.string().min(3)).min(1) }).strict(),
]).refine((c) => c.type === 'email' || !!c.url !== !!c.urlEnv, { message: 'give exactly one of url and urlEnv' });

export const ALERTS_SCHEMA = z.object({
  channels: z.array(channel).min(1),
  /** Kinds every channel gets unless it lists its own (default: all but new-items). */
  kinds: z.array(z.enum(ALERT_KINDS)).min(1).optional(),
  retry: retry.optional(),
  /** Base URL of a running `gongkai serve`, linked from each alert's portal. */
  dashboardUrl: url.optional(),
}).strict().superRefine((c, ctx) => {
  const names = c.channels.map((ch) => ch.name);
  names.forEach((n, i) => { if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['channels', i, 'name'], message: `duplicate channel name "${n}"` }); });
});

type RawChannel = z.infer<typeof channel>;

/** What a loaded channel has beyond its file entry: defaults applied, secrets read from the environment (never printed). */
interface Loaded {
  kinds: readonly AlertKind[];
  retry: { attempts: number; backoffMs: number };
  /** The endpoint (robots, webhook). */
  endpoint: string | null;
  secret: string | null;
  /** Every secret value of the channel, for redaction of error messages. */
  secrets: string[];
}
type Distribute<C> = C extends unknown ? Omit<C, 'kinds' | 'retry'> & Loaded : never;

/** A channel ready to send. */
export type Channel = Distribute<RawChannel>;

export interface AlertsConfig { channels: Channel[]; dashboardUrl: string | null }

/** A config file that cannot be used: its path and each problem with where it is. */
export class AlertsConfigError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`alerts file ${file}: ${problems.join('; ')}`);
    this.name = 'AlertsConfigError';
  }
}

/** Validates a parsed config and reads its secrets from `env`. */
export function alertsConfig(raw: unknown, file: string, env: NodeJS.ProcessEnv = process.env): AlertsConfig {
  const parsed = ALERTS_SCHEMA.safeParse(raw);
  if (!parsed.success) throw new AlertsConfigError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`));
  const c = parsed.data;
  const problems: string[] = [];
  const fromEnv = (name: string | undefined, what: string, where: string): string | null => {
    if (!name) return null;
    const v = env[name];
    if (!v) problems.push(`${where}: ${what} is read from $${name}, which is not set`);
    return v ?? null;
  };
  const channels = c.channels.map((ch, i): Channel => {
    const where = `channels.${i} (${ch.name})`;
    const endpoint = ch.type === 'email' ? null : ch.url ?? fromEnv(ch.urlEnv, 'the URL', where);
    const secret = ch.type === 'dingtalk' || ch.type === 'feishu' ? fromEnv(ch.secretEnv, 'the sign secret', where)
      : ch.type === 'webhook' ? fromEnv(ch.tokenEnv, 'the token', where)
        : ch.type === 'email' ? fromEnv(ch.passEnv, 'the SMTP password', where) : null;
    const secrets = [secret, ch.type !== 'email' && ch.urlEnv ? endpoint : null].filter((s): s is string => !!s);
    if (endpoint) try { secrets.push(...new URL(endpoint).searchParams.values()); } catch { /* checked by the schema or below */ }
    return { ...ch, kinds: ch.kinds ?? c.kinds ?? DEFAULT_KINDS, retry: ch.retry ?? c.retry ?? { attempts: 4, backoffMs: 2000 }, endpoint, secret, secrets } as Channel;
  });
  if (problems.length) throw new AlertsConfigError(file, problems);
  return { channels, dashboardUrl: c.dashboardUrl ?? null };
}

/** Reads and validates an alerts file. */
export function loadAlerts(file: string, env: NodeJS.ProcessEnv = process.env): AlertsConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AlertsConfigError(file, [err instanceof SyntaxError ? `not JSON (${err.message})` : `cannot read it (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`]);
  }
  return alertsConfig(raw, file, env);
}
