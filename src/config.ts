import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CalendarOverrides } from './calendar/index.ts';

/** The only reader of process.env: everything else receives a parsed Config. */
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
/** Where `lienthong portal-sandbox` listens by default. */
export const DEFAULT_PORTAL_URL = 'http://127.0.0.1:4100';

const port = (def: number) =>
  z.coerce
    .number({ invalid_type_error: 'a TCP port number' })
    .int('an integer TCP port')
    .min(0, 'a port between 0 and 65535')
    .max(65535, 'a port between 0 and 65535')
    .default(def);

const positiveMs = (def: number) =>
  z.coerce
    .number()
    .int('an integer number of milliseconds')
    .positive('a positive number of milliseconds')
    .default(def);

/** An origin as browsers send it: scheme, host and optional port, no path. */
const ORIGIN_RE = /^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?\/?$/;
const positiveInt = (def: number, what: string) =>
  z.coerce
    .number({ invalid_type_error: `a whole number of ${what}` })
    .int(`a whole number of ${what}`)
    .positive(`a positive whole number of ${what}`)
    .default(def);

const postgresUrl = z
  .string()
  .url('a postgres:// connection URL')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'a postgres:// connection URL');

const EnvSchema = z.object({
  PORT: port(4000),
  // loopback unless told otherwise: exposing the hub is a deliberate choice (README: Exposing the hub)
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl.optional(),
  LIENTHONG_SOURCES: z.string().min(1).optional(),
  LIENTHONG_DATA_DIR: z.string().min(1).default('.lienthong'),
  LIENTHONG_SYSTEM_DIR: z.string().min(1).default('/var/lib/lienthong'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { errorMap: () => ({ message: `one of ${LOG_LEVELS.join(', ')}` }) })
    .default('info'),
  SOURCE_STATEMENT_TIMEOUT_MS: positiveMs(5000),
  SOURCE_CONNECT_TIMEOUT_MS: positiveMs(2000),
  SOURCE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  SOURCE_MAX_CONCURRENT: z.coerce
    .number()
    .int('a whole number of queries')
    .min(1, 'a number ≥ 1')
    .max(100, 'a number ≤ 100')
    .optional(),
  SOURCE_QUEUE: z.coerce.number().int('a whole number of queries').min(0, 'a number ≥ 0').optional(),
  PORTAL_URL: z.string().url('an http(s) URL').default(DEFAULT_PORTAL_URL),
  PORTAL_CLIENT_ID: z.string().min(1).default('sandbox'),
  PORTAL_CLIENT_SECRET: z.string().min(1).default('sandbox'),
  PORTAL_TIMEOUT_MS: positiveMs(10000),
  SYNC_CRON: z.string().min(1).optional(),
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  CURSOR_SECRET: z.string().min(32, 'a secret of at least 32 characters').optional(),
  CORS_ORIGINS: z
    .string()
    .refine(
      (v) => v.split(',').every((o) => o.trim() === '*' || ORIGIN_RE.test(o.trim())),
      'a comma-separated list of origins such as https://app.example.gov.vn (scheme, host, optional port), or *',
    )
    .optional(),
  // query limits (README "Limits"): checked before any SQL runs
  MAX_QUERY_COST: positiveInt(20_000, 'cost units'),
  MAX_QUERY_DEPTH: positiveInt(10, 'levels'),
  MAX_ALIASES: z.coerce
    .number({ invalid_type_error: 'a whole number of aliases' })
    .int('a whole number of aliases')
    .min(0, 'a number of aliases ≥ 0')
    .default(30),
  MAX_TOKENS: positiveInt(2_000, 'tokens'),
  // unset: SOURCE_STATEMENT_TIMEOUT_MS + 1000, so a slow source is reported before the request gives up
  REQUEST_DEADLINE_MS: z.coerce
    .number()
    .int('an integer number of milliseconds')
    .positive('a positive number of milliseconds')
    .optional(),
  MAX_RESPONSE_BYTES: positiveInt(10_000_000, 'bytes'),
  // CSV exports (README "Exports"): the most rows one export writes
  EXPORT_MAX_ROWS: positiveInt(200_000, 'rows'),
  // who may see what (README "Access"): anonymous callers, API keys, OIDC tokens, per-caller rate limits
  ANONYMOUS_READ: z
    .enum(['auto', 'true', 'false'], {
      errorMap: () => ({
        message: 'auto (allowed only for callers on this machine, not through a proxy), true or false',
      }),
    })
    .default('auto'),
  API_KEY_CACHE_MS: z.coerce
    .number()
    .int('an integer number of milliseconds')
    .min(0, 'a number of milliseconds ≥ 0')
    .max(60_000, 'at most 60000 ms (revocation must take effect within seconds)')
    .default(2000),
  OIDC_ISSUER: z.string().url('the issuer URL of the identity provider').optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URL: z.string().url('the JWKS URL of the identity provider').optional(),
  OIDC_PROVINCES_CLAIM: z.string().min(1).default('provinces'),
  OIDC_ALGORITHMS: z
    .string()
    .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, 'a comma-separated list of JWS algorithms, e.g. RS256,ES256')
    .default('RS256,PS256,ES256,EdDSA'),
  RATE_LIMIT_REQUESTS: z.coerce
    .number()
    .int('a whole number of requests per minute')
    .min(0, 'a number ≥ 0 (0: no limit)')
    .default(600),
  RATE_LIMIT_COST: z.coerce
    .number()
    .int('a whole number of cost units per minute')
    .min(0, 'a number ≥ 0 (0: no limit)')
    .default(1_000_000),
  PUBLIC_STATUS_LOOKUP: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'true or false' }) })
    .default('false'),
  EMBED_RELATIONS: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'true or false' }) })
    .default('true'),
  RENDER_JSON: z.enum(['true', 'false'], { errorMap: () => ({ message: 'true or false' }) }).default('true'),
  PUBLIC_STATUS_PER_MINUTE: z.coerce
    .number()
    .int('a whole number of lookups per minute')
    .min(1, 'a number ≥ 1')
    .default(10),
  LIENTHONG_DEMO_DOSSIERS: z.coerce
    .number()
    .int('a whole number of dossiers')
    .min(0, 'a number ≥ 0')
    .default(20_000),
  // the demo's "today" (YYYY-MM-DD, local): dossiers run up to it; unset: the real date
  LIENTHONG_DEMO_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      'a real calendar date YYYY-MM-DD',
    )
    .optional(),
  LIENTHONG_CALENDAR_FILE: z.string().min(1).optional(),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v));
/** `{ "2026": { "off": ["2026-09-03"], "worked": ["2026-09-12"] } }`: each date in its year. */
const CalendarFileSchema = z.record(
  z.string().regex(/^\d{4}$/),
  z.object({ off: z.array(isoDate).optional(), worked: z.array(isoDate).optional() }).strict(),
);

/** Reads the calendar overrides file; a one-line ConfigError names what is wrong. */
function readCalendarFile(file: string): CalendarOverrides {
  const fail = (why: string) =>
    new ConfigError(`Invalid LIENTHONG_CALENDAR_FILE=${JSON.stringify(file)}: expected ${why}`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw fail(`a readable JSON file (${(err as Error).message.split('\n')[0]})`);
  }
  const parsed = CalendarFileSchema.safeParse(json);
  const shape = 'an object of years, each { "off": ["YYYY-MM-DD", …], "worked": [...] }';
  if (!parsed.success) throw fail(`${shape} (at ${parsed.error.issues[0]!.path.join('.') || 'top level'})`);
  for (const [year, days] of Object.entries(parsed.data)) {
    const stray = [...(days.off ?? []), ...(days.worked ?? [])].find((d) => !d.startsWith(`${year}-`));
    if (stray) throw fail(`${shape}; ${stray} is listed under ${year}`);
  }
  return parsed.data;
}

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Hub database; when absent an embedded PostgreSQL is started under dataDir. */
  databaseUrl: string | undefined;
  /** Path of the sources JSON file, when one is configured or `sources.json` exists. */
  sourcesFile: string | undefined;
  dataDir: string;
  /**
   * As root only: where the PostgreSQL binaries are copied and clusters are kept when the
   * unprivileged `postgres` user cannot reach the clone or the data directory.
   */
  systemDir: string;
  logLevel: LogLevel;
  sourceStatementTimeoutMs: number;
  sourceConnectTimeoutMs: number;
  /**
   * Whether a list's statement reads the relations its rows are asked for (src/graphql/embed.ts); off,
   * every relation is read by its own batched statement, as before.
   */
  embedRelations: boolean;
  /**
   * Whether an operation PostgreSQL can write whole as JSON is answered with that JSON
   * (src/graphql/render.ts); off, every operation runs through the resolvers.
   */
  renderJson: boolean;
  sourcePoolMax: number;
  /** Queries one source runs at once for requests (a bulkhead); never more than its pool. */
  sourceMaxConcurrent: number;
  /** Queries that may wait for one of those slots; beyond that a source answers SOURCE_BUSY at once. */
  sourceQueue: number;
  portal: { url: string; clientId: string; clientSecret: string; timeoutMs: number };
  sync: { cron: string | undefined; concurrency: number };
  /** Dossiers per province seeded on first start of the embedded demo set. */
  demoDossiers: number;
  /** The demo's "today" (LIENTHONG_DEMO_TODAY); undefined: the commands take the real local date. */
  demoToday: string | undefined;
  /** Extra days off and worked days per year for the working-day calendar (LIENTHONG_CALENDAR_FILE). */
  calendar: CalendarOverrides;
  /**
   * Key material for cursor HMACs; when unset the hub generates one per installation and keeps it in
   * the hub database (shared by every hub instance on that database).
   */
  cursorSecret: string | undefined;
  /** Browser origins allowed to call the API cross-origin (`*`: any); empty: none. */
  corsOrigins: string[];
  limits: Limits;
  access: AccessConfig;
  /** The most rows one CSV export writes (EXPORT_MAX_ROWS); past it the export ends with an error row. */
  exportMaxRows: number;
}

/** Who may call the hub and how much (README "Access"). */
export interface AccessConfig {
  /**
   * Whether callers without credentials may read (masked): `local` only those connecting from this machine
   * without a proxy's forwarding headers, `all` everyone, `none` nobody (401, the public lookup aside).
   */
  anonymousRead: 'local' | 'all' | 'none';
  /** How long a verified API key is trusted before the hub database is asked again (revocation delay). */
  apiKeyCacheMs: number;
  /** OIDC bearer tokens, when an identity provider is configured. */
  oidc: OidcConfig | undefined;
  /** Per caller (key, token subject or anonymous client address), per minute; 0: no limit. */
  rateLimit: { requestsPerMinute: number; costPerMinute: number };
  /** `dossierStatus` for chatbots: open to anonymous callers, limited per client address. */
  publicStatus: { enabled: boolean; perMinute: number };
}

export interface OidcConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Claim holding the province codes a token may read (a dotted path; absent claim: every province). */
  provincesClaim: string;
  algorithms: string[];
}

/** What one GraphQL request may ask and take (README "Limits"). */
export interface Limits {
  /** Largest estimated cost of an operation (src/server/limits.ts says how fields cost). */
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  /** Largest number of GraphQL tokens in a document (graphql-js parse `maxTokens`). */
  maxTokens: number;
  /** Time budget of a request; source statements still running at its end are cancelled. */
  requestDeadlineMs: number;
  /** Largest JSON answer; a bigger one is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
}

/** Values given on the command line (e.g. `serve --port`); they win over the environment. */
export interface ConfigOverrides {
  port?: number | undefined;
  host?: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  opts: { cwd?: string; exists?: (p: string) => boolean; overrides?: ConfigOverrides } = {},
): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    // a secret is never echoed, not even a wrong one
    const shown = /SECRET/.test(name) ? '' : `=${JSON.stringify(cleaned[name] ?? '')}`;
    throw new ConfigError(`Invalid ${name}${shown}: expected ${issue.message}`);
  }
  const e = parsed.data;
  const cwd = opts.cwd ?? process.cwd();
  let sourcesFile = e.LIENTHONG_SOURCES ? path.resolve(cwd, e.LIENTHONG_SOURCES) : undefined;
  if (!sourcesFile && opts.exists?.(path.resolve(cwd, 'sources.json')))
    sourcesFile = path.resolve(cwd, 'sources.json');
  if (sourcesFile && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid LIENTHONG_SOURCES: a sources file needs DATABASE_URL for the hub database',
    );
  }
  if (e.DATABASE_URL && !sourcesFile) {
    throw new ConfigError(
      'Invalid DATABASE_URL: external PostgreSQL needs a sources file (LIENTHONG_SOURCES)',
    );
  }
  const sourceMaxConcurrent = e.SOURCE_MAX_CONCURRENT ?? e.SOURCE_POOL_MAX;
  if (sourceMaxConcurrent > e.SOURCE_POOL_MAX) {
    // more slots than connections would queue inside the pool, where waiting looks like the source being down
    throw new ConfigError(
      `Invalid SOURCE_MAX_CONCURRENT=${JSON.stringify(cleaned.SOURCE_MAX_CONCURRENT)}: expected at most SOURCE_POOL_MAX (${e.SOURCE_POOL_MAX})`,
    );
  }
  const oidcVars = [e.OIDC_ISSUER, e.OIDC_AUDIENCE, e.OIDC_JWKS_URL];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    const missing = ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL'].filter((_, i) => !oidcVars[i]);
    throw new ConfigError(
      `Invalid ${missing[0]}: expected it set too (OIDC needs issuer, audience and JWKS URL)`,
    );
  }
  const host = opts.overrides?.host ?? e.HOST;
  return {
    port: opts.overrides?.port ?? e.PORT,
    host,
    databaseUrl: e.DATABASE_URL,
    sourcesFile,
    dataDir: path.resolve(cwd, e.LIENTHONG_DATA_DIR),
    systemDir: path.resolve(cwd, e.LIENTHONG_SYSTEM_DIR),
    logLevel: e.LOG_LEVEL,
    sourceStatementTimeoutMs: e.SOURCE_STATEMENT_TIMEOUT_MS,
    sourceConnectTimeoutMs: e.SOURCE_CONNECT_TIMEOUT_MS,
    embedRelations: e.EMBED_RELATIONS === 'true',
    renderJson: e.RENDER_JSON === 'true',
    sourcePoolMax: e.SOURCE_POOL_MAX,
    sourceMaxConcurrent,
    // a page of nested data asks a source for several statements at once (the list, then a loader per
    // nested field): 32 clients of the bench's dossier page keep ~100 waiting on 10 connections
    sourceQueue: e.SOURCE_QUEUE ?? 10 * e.SOURCE_POOL_MAX,
    portal: {
      url: e.PORTAL_URL.replace(/\/+$/, ''),
      clientId: e.PORTAL_CLIENT_ID,
      clientSecret: e.PORTAL_CLIENT_SECRET,
      timeoutMs: e.PORTAL_TIMEOUT_MS,
    },
    sync: { cron: e.SYNC_CRON, concurrency: e.SYNC_CONCURRENCY },
    demoDossiers: e.LIENTHONG_DEMO_DOSSIERS,
    demoToday: e.LIENTHONG_DEMO_TODAY,
    calendar: e.LIENTHONG_CALENDAR_FILE ? readCalendarFile(path.resolve(cwd, e.LIENTHONG_CALENDAR_FILE)) : {},
    cursorSecret: e.CURSOR_SECRET,
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, '').toLowerCase())
      .filter(Boolean),
    limits: {
      maxCost: e.MAX_QUERY_COST,
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      requestDeadlineMs: e.REQUEST_DEADLINE_MS ?? e.SOURCE_STATEMENT_TIMEOUT_MS + 1000,
      maxResponseBytes: e.MAX_RESPONSE_BYTES,
    },
    exportMaxRows: e.EXPORT_MAX_ROWS,
    access: {
      anonymousRead: e.ANONYMOUS_READ === 'auto' ? 'local' : e.ANONYMOUS_READ === 'true' ? 'all' : 'none',
      apiKeyCacheMs: e.API_KEY_CACHE_MS,
      oidc:
        e.OIDC_ISSUER && e.OIDC_AUDIENCE && e.OIDC_JWKS_URL
          ? {
              issuer: e.OIDC_ISSUER,
              audience: e.OIDC_AUDIENCE,
              jwksUrl: e.OIDC_JWKS_URL,
              provincesClaim: e.OIDC_PROVINCES_CLAIM,
              algorithms: e.OIDC_ALGORITHMS.split(','),
            }
          : undefined,
      rateLimit: { requestsPerMinute: e.RATE_LIMIT_REQUESTS, costPerMinute: e.RATE_LIMIT_COST },
      publicStatus: {
        enabled: e.PUBLIC_STATUS_LOOKUP === 'true',
        perMinute: e.PUBLIC_STATUS_PER_MINUTE,
      },
    },
  };
}
