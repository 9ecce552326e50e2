import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore } from '../../src/auth/api-key-store.ts';
import { createApiKeyVerifier } from '../../src/auth/api-keys.ts';
import { InvalidCredentialsError } from '../../src/auth/credentials.ts';
import { main } from '../../src/cli/main.ts';
import { createKnex, dropDatabase } from '../../src/db/knex.ts';
import type { ApiKeyRow } from '../../src/db/tables.ts';
import { createLogger } from '../../src/logger.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import { adminUrl, cloneDatabase, dbUrl } from '../helpers/hub.ts';
import { templateName } from '../helpers/templates.ts';

/**
 * API keys against a real hub database (a copy of the migrated hub template): `lienthong keys` through
 * main(), and the verifier with an injected clock, so nothing here waits on the wall clock.
 */

const HUB_DB = 't_auth_keys_hub';
/** Never created: the keys command must not open the provincial sources, nor any database on bad input. */
const ABSENT_DB = 't_auth_keys_absent';
const KNOWN_SCOPES = 'read, pii:read, sync:read, audit:read, metrics:read';
const SECRET_RE = /^lthub_[A-Za-z0-9_-]{43}$/;

let hub: Knex;
let tmp: string;
let env: Record<string, string>;

beforeAll(async () => {
  await cloneDatabase(templateName('hub'), HUB_DB);
  hub = createKnex(dbUrl(HUB_DB));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-keys-'));
  const sourcesFile = path.join(tmp, 'sources.json');
  const sources = DEMO_PROVINCES.filter((p) => ['40', '96'].includes(p.code)).map((p) => ({
    ...p,
    url: dbUrl(`${ABSENT_DB}_${p.code}`),
  }));
  fs.writeFileSync(sourcesFile, JSON.stringify(sources));
  env = { DATABASE_URL: dbUrl(HUB_DB), LIENTHONG_SOURCES: sourcesFile, LOG_LEVEL: 'silent' };
});

afterAll(async () => {
  await hub?.destroy();
  await dropDatabase(adminUrl(), HUB_DB);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function cli(argv: string[], extraEnv: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env: { ...env, ...extraEnv },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const rowOf = async (id: number): Promise<ApiKeyRow> => (await hub('api_keys').where({ id }).first())!;
const keyCount = async () => Number((await hub('api_keys').count({ n: '*' }).first())!.n);

/** `keys create` through main(); the secret and the key's row. */
async function createKey(args: string[]) {
  const r = await cli(['keys', 'create', ...args]);
  expect(r.stderr).not.toMatch(/^error/);
  expect(r.code).toBe(0);
  const id = Number(/^created key (\d+) /.exec(r.stderr)![1]);
  return { ...r, secret: r.stdout, id, row: await rowOf(id) };
}

/** SQL statements the hub's knex sends while counting. */
function countStatements(db: Knex) {
  let n = 0;
  const listener = () => void n++;
  db.on('query', listener);
  return {
    get n() {
      return n;
    },
    stop: () => void db.off('query', listener),
  };
}

/** The reason a verification was refused for; fails the test when it was not refused as a credential. */
async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidCredentialsError);
  return (err as InvalidCredentialsError).reason;
}

describe('lienthong keys create', () => {
  it('prints the secret alone on stdout and stores only its sha256', async () => {
    const r = await createKey(['--name', 'chatbot', '--scopes', 'read', '--provinces', '96']);
    expect(r.secret).toMatch(SECRET_RE);
    expect(r.stderr).toBe(
      `created key ${r.id} "chatbot" (${r.secret.slice(0, 12)}…) scopes read; provinces 96; never expires` +
        ' — store the secret now, it is not shown again',
    );
    expect(r.row.key_hash).toBe(sha256(r.secret));
    expect(r.row.prefix).toBe(r.secret.slice(0, 12));
    // neither the secret nor its random part beyond the display prefix is anywhere in the row
    const stored = JSON.stringify(r.row);
    expect(stored).not.toContain(r.secret);
    expect(stored).not.toContain(r.secret.slice(12));
    expect(r.row).toMatchObject({ name: 'chatbot', scopes: ['read'], provinces: ['96'], expires_at: null });
  });

  it('takes provinces by code, slug or name, and a date as the end of that day in Vietnam', async () => {
    const r = await createKey([
      '--name',
      'Sở Tư pháp',
      '--scopes',
      'read,pii:read,read',
      '--provinces',
      'nghe-an,Cà Mau,40',
      '--expires',
      '2099-12-31',
    ]);
    expect(r.row).toMatchObject({ scopes: ['read', 'pii:read'], provinces: ['40', '96'] });
    expect(r.row.expires_at!.toISOString()).toBe('2099-12-31T17:00:00.000Z');
    expect(r.stderr).toContain(
      'scopes read, pii:read; provinces 40, 96; expires 2100-01-01T00:00:00+07:00 — store the secret now',
    );
    // two keys never share a secret, and a datetime keeps its own offset
    const other = await createKey(['--name', 'x', '--scopes', 'read', '--expires', '2099-06-30T08:30:00Z']);
    expect(other.secret).not.toBe(r.secret);
    expect(other.row.expires_at!.toISOString()).toBe('2099-06-30T08:30:00.000Z');
    expect(other.stderr).toContain('expires 2099-06-30T15:30:00+07:00');
  });

  // every mistake is reported before any database is opened: DATABASE_URL names one that does not exist
  it.each([
    [['--name', 'bot', '--scopes', 'read,write'], `unknown scope "write" (known: ${KNOWN_SCOPES})`],
    [['--name', 'bot'], `missing --scopes (known: ${KNOWN_SCOPES})`],
    [['--name', 'bot', '--scopes', ' , '], `--scopes needs at least one scope (known: ${KNOWN_SCOPES})`],
    [
      ['--name', 'bot', '--scopes', 'read', '--provinces', '40,01'],
      'unknown province "01" (known: 40 Nghệ An, 96 Cà Mau)',
    ],
    [
      ['--name', 'bot', '--scopes', 'read', '--provinces', 'Hòa Bình'],
      'unknown province "Hòa Bình" (known: 40 Nghệ An, 96 Cà Mau)',
    ],
    [
      ['--name', 'bot', '--scopes', 'read', '--provinces', ','],
      '--provinces needs a province code, slug or name',
    ],
    [
      ['--name', 'bot', '--scopes', 'read', '--expires', '2020-01-01'],
      '--expires must be in the future, got "2020-01-01" (expires 2020-01-02T00:00:00+07:00)',
    ],
    [
      ['--name', 'bot', '--scopes', 'read', '--expires', '2020-01-01T10:00:00+07:00'],
      '--expires must be in the future, got "2020-01-01T10:00:00+07:00" (expires 2020-01-01T10:00:00+07:00)',
    ],
    ...[
      'tomorrow',
      '2099-02-30',
      '2099-13-01',
      '2099-01-31T10:00:00',
      '2099-01-31T25:00:00Z',
      '31/01/2099',
    ].map((when) => [
      ['--name', 'bot', '--scopes', 'read', '--expires', when],
      '--expires must be a date (2027-01-31) or an ISO datetime with offset (2027-01-31T17:00:00+07:00), ' +
        `got ${JSON.stringify(when)}`,
    ]),
    [['--name', '', '--scopes', 'read'], '--name must not be empty'],
    [['--name', '   ', '--scopes', 'read'], '--name must not be empty'],
    [['--scopes', 'read'], 'missing --name NAME'],
    [['--name', 'x'.repeat(101), '--scopes', 'read'], '--name must be at most 100 characters, got 101'],
    [['--name', 'two\nlines', '--scopes', 'read'], '--name must not contain control characters'],
    [['--name', 'bot', '--scopes', 'read', '--secret', 'mine'], "Unknown option '--secret'"],
  ] as [string[], string][])('%j: "%s", nothing created', async (args, message) => {
    const before = await keyCount();
    const r = await cli(['keys', 'create', ...args], { DATABASE_URL: dbUrl(ABSENT_DB) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
    expect(r.stderr).toContain('\n\nUsage: lienthong keys create');
    expect(await keyCount()).toBe(before);
  });

  it('a name of exactly 100 characters is fine', async () => {
    const r = await createKey(['--name', 'ư'.repeat(100), '--scopes', 'sync:read']);
    expect(r.row.name).toBe('ư'.repeat(100));
  });
});

describe('lienthong keys list', () => {
  it('shows every key with its status, never a secret or a hash', async () => {
    const a = await createKey(['--name', 'list-a', '--scopes', 'read,audit:read', '--provinces', '40']);
    const b = await createKey(['--name', 'list-b', '--scopes', 'read', '--expires', '2099-01-31']);
    const expired = await apiKeyStore(hub).create({
      name: 'list-expired',
      scopes: ['read'],
      provinces: null,
      expiresAt: new Date('2001-01-01T00:00:00Z'),
    });
    expect((await cli(['keys', 'revoke', String(b.id)])).code).toBe(0);

    const r = await cli(['keys', 'list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^id +name +prefix +scopes +provinces +created \(\+07\) +expires \(\+07\) +status$/,
    );
    const line = (id: number) => lines.find((l) => l.trimStart().startsWith(`${id} `))!;
    expect(line(a.id)).toMatch(
      new RegExp(
        `^ *${a.id}  list-a +${a.secret.slice(0, 12)}… +read,audit:read +40 +\\S+ \\S+ +never +active$`,
      ),
    );
    expect(line(b.id)).toMatch(/ read +all +\S+ \S+ +2099-02-01 00:00 +revoked$/);
    expect(line(expired.id)).toMatch(/ all +\S+ \S+ +2001-01-01 07:00 +expired$/);

    const json = await cli(['keys', 'list', '--json']);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(listed.find((k) => k.id === b.id)).toMatchObject({
      name: 'list-b',
      prefix: b.secret.slice(0, 12),
      scopes: ['read'],
      provinces: null,
      expiresAt: '2099-01-31T17:00:00.000Z',
      revokedBy: expect.any(String),
      status: 'revoked',
    });
    expect(listed.find((k) => k.id === expired.id)).toMatchObject({ status: 'expired', revokedAt: null });
    for (const k of listed) expect(Object.keys(k)).not.toContain('key_hash');

    const hashes = (await hub('api_keys').select('key_hash')).map((k) => k.key_hash);
    for (const out of [r.stdout, json.stdout, r.stderr, json.stderr]) {
      for (const secret of [a.secret, b.secret, expired.secret]) expect(out).not.toContain(secret);
      for (const hash of hashes) expect(out).not.toContain(hash);
    }
  });
});

describe('lienthong keys revoke', () => {
  it('by id: records when and who; revoking again keeps the first revocation', async () => {
    const k = await createKey(['--name', 'by-id', '--scopes', 'read']);
    const r = await cli(['keys', 'revoke', String(k.id)]);
    expect(r.code).toBe(0);
    const row = await rowOf(k.id);
    expect(row.revoked_at).toBeInstanceOf(Date);
    expect(row.revoked_by).toBe(os.userInfo().username);
    expect(r.stdout).toMatch(
      new RegExp(
        `^revoked key ${k.id} "by-id" \\(${k.secret.slice(0, 12)}…\\) at \\S+\\+07:00 by ${row.revoked_by}; ` +
          'hub instances refuse it within 2000 ms$',
      ),
    );

    const again = await cli(['keys', 'revoke', String(k.id)]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^key ${k.id} "by-id" .* was already revoked at `));
    const after = await rowOf(k.id);
    expect(after.revoked_at).toEqual(row.revoked_at);
    expect(after.revoked_by).toBe(row.revoked_by);
  });

  it('by prefix (as typed or as listed), or by the whole secret of a leaked key', async () => {
    for (const ref of [
      (s: string) => s.slice(0, 12),
      (s: string) => `${s.slice(0, 12)}…`,
      (s: string) => s,
    ]) {
      const k = await createKey(['--name', 'by-ref', '--scopes', 'read']);
      const r = await cli(['keys', 'revoke', ref(k.secret)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^revoked key ${k.id} `));
      expect(r.stdout).not.toContain(k.secret);
      expect((await rowOf(k.id)).revoked_at).not.toBeNull();
    }
  });

  it('store: revoke returns the row, null for no match; by is recorded', async () => {
    const store = apiKeyStore(hub);
    const k = await store.create({ name: 'store', scopes: ['read'], provinces: ['40'], expiresAt: null });
    const first = await store.revoke(k.id, 'alice');
    expect(first).toMatchObject({ id: k.id, revoked_by: 'alice', alreadyRevoked: false });
    expect(first).not.toHaveProperty('key_hash');
    const second = await store.revoke(k.prefix, 'bob');
    expect(second).toMatchObject({ id: k.id, revoked_by: 'alice', alreadyRevoked: true });
    expect(second!.revoked_at).toEqual(first!.revoked_at);
    expect(await store.revoke(99_999_999, 'alice')).toBeNull();
    expect(await store.findByHash(sha256(k.secret))).toMatchObject({ id: k.id, name: 'store' });
    expect(await store.findByHash(sha256('lthub_nope'))).toBeNull();
    expect((await store.list()).every((row) => !('key_hash' in row))).toBe(true);
  });

  it.each([
    [['99999999'], 'no API key with id 99999999', false],
    [['lthub_zzzzzz'], 'no API key with prefix lthub_zzzzzz', false],
    [['lthub_' + 'z'.repeat(43)], 'no API key with that secret', false],
    [[], 'missing the key to revoke: its id or prefix', true],
    [['1', '2'], 'revoke one key at a time', true],
    [['chatbot'], 'expected a key id (7) or prefix (lthub_AbCdEf), got "chatbot"', true],
  ])('%j: one line, exit 1', async (args, message, usage) => {
    const r = await cli(['keys', 'revoke', ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
    expect(r.stderr.includes('Usage:')).toBe(usage);
    if (!usage) expect(r.stderr).not.toContain('\n');
  });

  it('a prefix shared by two keys revokes neither and asks for an id', async () => {
    const ids: number[] = [];
    for (const hash of [sha256('dup-1'), sha256('dup-2')]) {
      const [row] = await hub('api_keys')
        .insert({ name: 'dup', key_hash: hash, prefix: 'lthub_dupdup', scopes: ['read'] })
        .returning('id');
      ids.push(row!.id);
    }
    const r = await cli(['keys', 'revoke', 'lthub_dupdup']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: prefix lthub_dupdup names 2 keys (ids ${ids.join(', ')}); revoke one by its id`,
    );
    for (const id of ids) expect((await rowOf(id)).revoked_at).toBeNull();
  });
});

describe('lienthong keys: usage', () => {
  it('--help and missing or unknown subcommands', async () => {
    const help = await cli(['keys', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lienthong keys create --name NAME --scopes/);
    for (const scope of KNOWN_SCOPES.split(', ')) expect(help.stdout).toContain(scope);
    expect((await cli(['--help'])).stdout).toMatch(/\n {2}keys +create, list and revoke API keys/);
    const none = await cli(['keys']);
    expect(none.code).toBe(1);
    expect(none.stderr.split('\n')[0]).toBe('error: missing subcommand: create, list or revoke');
    const bad = await cli(['keys', 'rotate']);
    expect(bad.stderr.split('\n')[0]).toBe(
      'error: unknown subcommand "rotate" (expected create, list or revoke)',
    );
  });
});

describe('API key verifier', () => {
  const T0 = Date.UTC(2030, 0, 1);
  /** A clock the test moves by hand. */
  const clock = () => {
    const c = { t: T0, now: () => c.t };
    return c;
  };
  const newKey = (over: Partial<{ provinces: string[] | null; expiresAt: Date | null }> = {}) =>
    apiKeyStore(hub).create({
      name: 'verifier',
      scopes: ['read', 'pii:read'],
      provinces: over.provinces === undefined ? ['40'] : over.provinces,
      expiresAt: over.expiresAt ?? null,
    });

  it('a valid key is its viewer; only lthub_ tokens of the right shape are API keys', async () => {
    const k = await newKey();
    const v = createApiKeyVerifier(hub, { cacheMs: 0 });
    const viewer = await v.verify(k.secret);
    expect(viewer).toEqual({
      id: `key:${k.id}`,
      kind: 'api-key',
      scopes: new Set(['read', 'pii:read']),
      provinces: new Set(['40']),
    });
    const all = await newKey({ provinces: null });
    expect((await v.verify(all.secret)).provinces).toBeNull();
    expect(v.isApiKey(k.secret)).toBe(true);
    for (const token of ['eyJhbGciOiJSUzI1NiJ9.e30.sig', k.secret.slice(0, -1), `${k.secret}x`, 'lthub_'])
      expect(v.isApiKey(token)).toBe(false);
  });

  it('unknown and malformed keys are refused; a malformed one without a query', async () => {
    const v = createApiKeyVerifier(hub, { cacheMs: 2000, now: clock().now });
    const sql = countStatements(hub);
    expect(await refusal(v.verify('lthub_' + 'A'.repeat(43)))).toBe('unknown API key');
    expect(await refusal(v.verify('lthub_' + 'A'.repeat(43)))).toBe('unknown API key');
    expect(sql.n).toBe(1); // the negative answer is cached too
    expect(await refusal(v.verify('lthub_short'))).toBe('unknown API key');
    expect(await refusal(v.verify('Basic dXNlcjpwYXNz'))).toBe('unknown API key');
    expect(sql.n).toBe(1);
    sql.stop();
  });

  it('revoked: at once without a cache; with cacheMs 2000, valid until 2000 ms have passed', async () => {
    const store = apiKeyStore(hub);
    const now = createApiKeyVerifier(hub, { cacheMs: 0 });
    const k1 = await newKey();
    await now.verify(k1.secret);
    await store.revoke(k1.id, 'test');
    expect(await refusal(now.verify(k1.secret))).toBe('API key revoked');

    const c = clock();
    const cached = createApiKeyVerifier(hub, { cacheMs: 2000, now: c.now });
    const k2 = await newKey();
    await cached.verify(k2.secret);
    await store.revoke(k2.id, 'test');
    const sql = countStatements(hub);
    c.t = T0 + 1999;
    expect((await cached.verify(k2.secret)).id).toBe(`key:${k2.id}`);
    expect(sql.n).toBe(0);
    c.t = T0 + 2000;
    expect(await refusal(cached.verify(k2.secret))).toBe('API key revoked');
    expect(sql.n).toBe(1);
    sql.stop();
  });

  it('expired: checked on every call, cached or not', async () => {
    const c = clock();
    const v = createApiKeyVerifier(hub, { cacheMs: 60_000, now: c.now });
    const k = await newKey({ expiresAt: new Date(T0 + 5000) });
    expect((await v.verify(k.secret)).id).toBe(`key:${k.id}`);
    const sql = countStatements(hub);
    c.t = T0 + 4999;
    expect((await v.verify(k.secret)).id).toBe(`key:${k.id}`);
    c.t = T0 + 5000;
    expect(await refusal(v.verify(k.secret))).toBe('API key expired');
    expect(sql.n).toBe(0); // from the cache: expiry needs no database
    sql.stop();
    const fresh = createApiKeyVerifier(hub, { cacheMs: 0, now: c.now });
    expect(await refusal(fresh.verify(k.secret))).toBe('API key expired');
  });

  it('single flight: 10 concurrent verifications of an uncached key send one SELECT', async () => {
    const k = await newKey();
    for (const cacheMs of [0, 2000]) {
      const v = createApiKeyVerifier(hub, { cacheMs, now: clock().now });
      const sql = countStatements(hub);
      const viewers = await Promise.all(Array.from({ length: 10 }, () => v.verify(k.secret)));
      expect(sql.n).toBe(1);
      expect(new Set(viewers.map((x) => x.id))).toEqual(new Set([`key:${k.id}`]));
      await Promise.all(Array.from({ length: 10 }, () => v.verify(k.secret)));
      expect(sql.n).toBe(cacheMs === 0 ? 2 : 1); // without a cache each burst asks once more
      sql.stop();
    }
  });

  it('the cache is bounded: the least recently used answer goes first', async () => {
    const [a, b, c] = [await newKey(), await newKey(), await newKey()];
    const v = createApiKeyVerifier(hub, { cacheMs: 60_000, now: clock().now, maxEntries: 2 });
    const sql = countStatements(hub);
    await v.verify(a.secret);
    await v.verify(b.secret);
    await v.verify(a.secret); // a is now the most recently used
    expect(sql.n).toBe(2);
    await v.verify(c.secret); // evicts b
    await v.verify(a.secret);
    expect(sql.n).toBe(3);
    await v.verify(b.secret);
    expect(sql.n).toBe(4);
    v.close!();
    await v.verify(a.secret);
    expect(sql.n).toBe(5);
    sql.stop();
  });

  it('a hub database that fails is an error, not an unknown key, and is asked again next time', async () => {
    const down = createKnex(dbUrl(ABSENT_DB), { log: createLogger('silent') });
    try {
      const v = createApiKeyVerifier(down, { cacheMs: 2000, now: clock().now });
      const token = 'lthub_' + 'B'.repeat(43);
      for (let i = 0; i < 2; i++) {
        const err = await v.verify(token).catch((e: unknown) => e);
        expect(err).not.toBeInstanceOf(InvalidCredentialsError);
        expect((err as Error).message).toMatch(/does not exist/);
      }
    } finally {
      await down.destroy();
    }
  });

  it('end to end: a key made and revoked with the CLI', async () => {
    const k = await createKey([
      '--name',
      'e2e',
      '--scopes',
      'read',
      '--provinces',
      'ca-mau',
      '--expires',
      '2099-12-31',
    ]);
    const v = createApiKeyVerifier(hub, { cacheMs: 0 });
    expect(await v.verify(k.secret)).toMatchObject({ id: `key:${k.id}`, provinces: new Set(['96']) });
    expect((await cli(['keys', 'revoke', k.secret.slice(0, 12)])).code).toBe(0);
    expect(await refusal(v.verify(k.secret))).toBe('API key revoked');
  });
});
