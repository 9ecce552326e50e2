import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { demoToday } from '../../src/cli/context.ts';

describe('configuration', () => {
  it('has defaults for a fresh clone', () => {
    const c = loadConfig({}, { cwd: '/srv/hub', exists: () => false });
    expect(c).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      sourcesFile: undefined,
      dataDir: '/srv/hub/.lienthong',
      systemDir: '/var/lib/lienthong',
      logLevel: 'info',
      portal: { url: 'http://127.0.0.1:4100', clientId: 'sandbox', clientSecret: 'sandbox' },
    });
  });

  it('reads PORT, LIENTHONG_DATA_DIR and an existing sources.json', () => {
    const c = loadConfig(
      { PORT: '4321', LIENTHONG_DATA_DIR: 'other', DATABASE_URL: 'postgres://u:p@db:5432/hub' },
      { cwd: '/srv/hub', exists: (p) => p === '/srv/hub/sources.json' },
    );
    expect(c.port).toBe(4321);
    expect(c.dataDir).toBe('/srv/hub/other');
    expect(c.sourcesFile).toBe('/srv/hub/sources.json');
  });

  it('has query limits that a client can raise or lower', () => {
    expect(loadConfig({}, { exists: () => false }).limits).toEqual({
      maxCost: 20_000,
      maxDepth: 10,
      maxAliases: 30,
      maxTokens: 2_000,
      requestDeadlineMs: 6_000,
      maxResponseBytes: 10_000_000,
    });
    const c = loadConfig(
      {
        MAX_QUERY_COST: '500',
        MAX_QUERY_DEPTH: '4',
        MAX_ALIASES: '0',
        MAX_TOKENS: '300',
        MAX_RESPONSE_BYTES: '65536',
        SOURCE_STATEMENT_TIMEOUT_MS: '2000',
      },
      { exists: () => false },
    );
    expect(c.limits).toEqual({
      maxCost: 500,
      maxDepth: 4,
      maxAliases: 0,
      maxTokens: 300,
      // unset, the deadline follows the statement timeout: a slow source is reported before the request gives up
      requestDeadlineMs: 3_000,
      maxResponseBytes: 65_536,
    });
    expect(
      loadConfig({ REQUEST_DEADLINE_MS: '1500' }, { exists: () => false }).limits.requestDeadlineMs,
    ).toBe(1500);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid PORT="abc": expected a TCP port number$/],
    [{ PORT: '70000' }, /^Invalid PORT="70000": expected a port between 0 and 65535$/],
    [{ PORT: '1.5' }, /^Invalid PORT="1.5": expected an integer TCP port$/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid LOG_LEVEL="loud": expected one of debug, info, warn, error, silent$/],
    [
      { DATABASE_URL: 'mysql://x' },
      /^Invalid DATABASE_URL="mysql:\/\/x": expected a postgres:\/\/ connection URL$/,
    ],
    [
      { DATABASE_URL: 'postgres://u@h/db' },
      /^Invalid DATABASE_URL: external PostgreSQL needs a sources file/,
    ],
    [{ LIENTHONG_SOURCES: 'x.json' }, /^Invalid LIENTHONG_SOURCES: a sources file needs DATABASE_URL/],
    [
      { SOURCE_STATEMENT_TIMEOUT_MS: '-5' },
      /^Invalid SOURCE_STATEMENT_TIMEOUT_MS="-5": expected a positive number of milliseconds$/,
    ],
    [{ PORTAL_URL: 'not a url' }, /^Invalid PORTAL_URL="not a url": expected an http\(s\) URL$/],
    [{ MAX_QUERY_COST: '0' }, /^Invalid MAX_QUERY_COST="0": expected a positive whole number of cost units$/],
    [{ MAX_QUERY_COST: 'lots' }, /^Invalid MAX_QUERY_COST="lots": expected a whole number of cost units$/],
    [{ MAX_QUERY_DEPTH: '2.5' }, /^Invalid MAX_QUERY_DEPTH="2.5": expected a whole number of levels$/],
    [{ MAX_ALIASES: '-1' }, /^Invalid MAX_ALIASES="-1": expected a number of aliases ≥ 0$/],
    [{ MAX_TOKENS: '-100' }, /^Invalid MAX_TOKENS="-100": expected a positive whole number of tokens$/],
    [
      { REQUEST_DEADLINE_MS: '0' },
      /^Invalid REQUEST_DEADLINE_MS="0": expected a positive number of milliseconds$/,
    ],
    [{ MAX_RESPONSE_BYTES: '1e3x' }, /^Invalid MAX_RESPONSE_BYTES="1e3x": expected a whole number of bytes$/],
  ])('%j is refused with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env, { exists: () => false })).toThrow(ConfigError);
    expect(() => loadConfig(env, { exists: () => false })).toThrow(message);
  });
});

describe("the demo's today", () => {
  // the demo runs to noon (UTC+7) of its today: before noon that is yesterday, so nothing is dated ahead
  it.each([
    ['04:50 in Vietnam on 30 November', '2026-11-29T21:50:00Z', undefined, '2026-11-29'],
    ['11:59 in Vietnam', '2026-11-30T04:59:00Z', undefined, '2026-11-29'],
    ['12:00 in Vietnam', '2026-11-30T05:00:00Z', undefined, '2026-11-30'],
    ['23:30 in Vietnam', '2026-11-30T16:30:00Z', undefined, '2026-11-30'],
    ['LIENTHONG_DEMO_TODAY wins', '2026-11-30T16:30:00Z', '2026-01-15', '2026-01-15'],
  ])('%s (%s, LIENTHONG_DEMO_TODAY=%s) → %s', (_, now, env, expected) => {
    const config = loadConfig(env ? { LIENTHONG_DEMO_TODAY: env } : {}, { exists: () => false });
    expect(demoToday(config, new Date(now))).toBe(expected);
  });
});
