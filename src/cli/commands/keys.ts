import { dayEnd, parseDayOrInstant, vietnamTime } from '../vn-time.ts';
import os from 'node:os';
import {
  apiKeyStore,
  isApiKeySecret,
  isDisplayPrefix,
  type ApiKeySummary,
} from '../../auth/api-key-store.ts';
import { migrateLatest } from '../../db/migrate.ts';
import { UsageError } from '../../errors.ts';
import { isScope, SCOPES } from '../../graphql/viewer.ts';
import type { Runtime } from '../../runtime.ts';
import type { CliIO, Command } from '../command.ts';
import { cliConfig, table, withRuntime } from '../context.ts';
import { parseFlags, textFlag } from '../flags.ts';
import { knownProvinces, resolveProvince } from '../provinces.ts';

const KNOWN_SCOPES = Object.keys(SCOPES).join(', ');
const NAME_MAX = 100;

/** One line per scope, its description wrapped under it to keep the usage within 100 columns. */
function scopeList(): string {
  const indent = ' '.repeat(23);
  return Object.entries(SCOPES)
    .flatMap(([scope, what]) => {
      const lines: string[] = [];
      let line = `${indent}${scope.padEnd(13)}`;
      for (const word of what.split(' ')) {
        if (line.length + word.length > 100 && line.trim() !== scope) {
          lines.push(line.trimEnd());
          line = `${indent}${' '.repeat(13)}`;
        }
        line += word + ' ';
      }
      return [...lines, line.trimEnd()];
    })
    .join('\n');
}

const USAGE = `Usage: lienthong keys create --name NAME --scopes SCOPE[,SCOPE…] [--provinces CODE,…] [--expires WHEN]
       lienthong keys list [--json]
       lienthong keys revoke ID|PREFIX

API keys for callers of the hub, sent as \`Authorization: Bearer lthub_…\`.

create   store a new key and print its secret on stdout, alone (KEY=$(lienthong keys create …));
         only its sha256 is kept, so the secret is shown this once
  --name NAME          who or what uses the key (at most ${NAME_MAX} characters)
  --scopes LIST        comma-separated: ${KNOWN_SCOPES}
${scopeList()}
  --provinces LIST     the provinces the key may read, by code, slug or name (40,96 or nghe-an);
                       default: every province
  --expires WHEN       a date (2027-01-31: valid through the end of that day, Vietnam time) or an
                       ISO datetime with offset (2027-01-31T17:00:00+07:00); default: never
list     every key: id, name, prefix, scopes, provinces, times, status (never a secret or hash)
  --json               one JSON document instead of the table
revoke   refuse a key from now on, on every hub instance within API_KEY_CACHE_MS (default 2 s);
         name it by id (7), prefix (lthub_AbCdEf) or, for a leaked key, its whole secret`;

/** The same, to the minute, for tables: 2027-02-01 00:00. */
const vietnamMinute = (d: Date) => vietnamTime(d).slice(0, 16).replace('T', ' ');

/**
 * `--expires`: a bare date means the key works through that whole day in Vietnam, so it expires at the
 * next midnight, +07:00; a datetime must carry its offset, so no one's local clock decides. Must be later
 * than `now`.
 */
export function parseExpires(raw: string, now: number): Date {
  const when = parseDayOrInstant(raw);
  if (!when) {
    throw new UsageError(
      `--expires must be a date (2027-01-31) or an ISO datetime with offset (2027-01-31T17:00:00+07:00), got ${JSON.stringify(raw)}`,
    );
  }
  const expires = 'day' in when ? new Date(dayEnd(when.day)) : when.instant;
  if (expires.getTime() <= now)
    throw new UsageError(
      `--expires must be in the future, got ${JSON.stringify(raw)} (expires ${vietnamTime(expires)})`,
    );
  return expires;
}

/** The scopes of `--scopes`, each known, each once, in the order given. */
function parseScopes(raw: string | undefined): string[] {
  if (raw === undefined) throw new UsageError(`missing --scopes (known: ${KNOWN_SCOPES})`);
  const scopes = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (scopes.length === 0) throw new UsageError(`--scopes needs at least one scope (known: ${KNOWN_SCOPES})`);
  const unknown = scopes.find((s) => !isScope(s));
  if (unknown !== undefined)
    throw new UsageError(`unknown scope ${JSON.stringify(unknown)} (known: ${KNOWN_SCOPES})`);
  return [...new Set(scopes)];
}

function parseName(raw: string | undefined): string {
  const name = textFlag('name', raw)?.trim();
  if (name === undefined) throw new UsageError('missing --name NAME');
  if ([...name].length > NAME_MAX)
    throw new UsageError(`--name must be at most ${NAME_MAX} characters, got ${[...name].length}`);
  // one line in tables and logs
  if (/\p{Cc}/u.test(name)) throw new UsageError('--name must not contain control characters');
  return name;
}

/**
 * Keys live in the hub database: bring its schema up to date (as `serve` would) so a key can be made or
 * revoked before the first start of a new version. The provincial sources are never opened.
 */
async function keysOf(rt: Runtime) {
  await migrateLatest(rt.hub, 'hub');
  return apiKeyStore(rt.hub);
}

type Status = 'active' | 'revoked' | 'expired';
const statusOf = (k: ApiKeySummary, now: number): Status =>
  k.revoked_at ? 'revoked' : k.expires_at && k.expires_at.getTime() <= now ? 'expired' : 'active';

const describeKey = (k: ApiKeySummary) => `key ${k.id} ${JSON.stringify(k.name)} (${k.prefix}…)`;

/** Who revokes: the OS account running the CLI, for the record in revoked_by. */
function osUser(): string {
  try {
    return os.userInfo().username || 'cli';
  } catch {
    return 'cli'; // no passwd entry for this uid (some containers)
  }
}

async function create(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, {
    name: { type: 'string' },
    scopes: { type: 'string' },
    provinces: { type: 'string' },
    expires: { type: 'string' },
  });
  // every check before the database is opened: a mistake costs nothing and creates nothing
  const name = parseName(values.name);
  const scopes = parseScopes(values.scopes);
  const config = cliConfig(io);
  let provinces: string[] | null = null;
  if (values.provinces !== undefined) {
    const known = knownProvinces(config);
    const parts = values.provinces.split(',').filter((p) => p.trim() !== '');
    if (parts.length === 0) throw new UsageError('--provinces needs a province code, slug or name');
    provinces = [...new Set(parts.map((p) => resolveProvince(p, known).code))];
  }
  const expiresAt = values.expires === undefined ? null : parseExpires(values.expires, Date.now());
  return withRuntime(io, config, {}, async (rt) => {
    const key = await (await keysOf(rt)).create({ name, scopes, provinces, expiresAt });
    io.stdout(key.secret);
    io.stderr(
      `created ${describeKey(key)} scopes ${key.scopes.join(', ')}; ` +
        `provinces ${key.provinces ? key.provinces.join(', ') : 'all'}; ` +
        `${key.expires_at ? `expires ${vietnamTime(key.expires_at)}` : 'never expires'} — ` +
        'store the secret now, it is not shown again',
    );
    return 0;
  });
}

async function list(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, { json: { type: 'boolean' } });
  const config = cliConfig(io);
  return withRuntime(io, config, {}, async (rt) => {
    const keys = await (await keysOf(rt)).list();
    const now = Date.now();
    if (values.json) {
      io.stdout(
        JSON.stringify(
          keys.map((k) => ({
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            scopes: k.scopes,
            provinces: k.provinces,
            createdAt: k.created_at.toISOString(),
            expiresAt: k.expires_at?.toISOString() ?? null,
            revokedAt: k.revoked_at?.toISOString() ?? null,
            revokedBy: k.revoked_by,
            status: statusOf(k, now),
          })),
        ),
      );
    } else if (keys.length === 0) {
      io.stdout('no API keys (create one with `lienthong keys create`)');
    } else {
      io.stdout(
        table([
          ['id', 'name', 'prefix', 'scopes', 'provinces', 'created (+07)', 'expires (+07)', 'status'],
          ...keys.map((k) => [
            k.id,
            k.name,
            `${k.prefix}…`,
            k.scopes.join(','),
            k.provinces ? k.provinces.join(',') : 'all',
            vietnamMinute(k.created_at),
            k.expires_at ? vietnamMinute(k.expires_at) : 'never',
            statusOf(k, now),
          ]),
        ]),
      );
    }
    return 0;
  });
}

/** An id (7), a display prefix (lthub_AbCdEf, as typed or copied from the list) or a whole secret. */
function parseRef(raw: string): number | string {
  if (/^\d+$/.test(raw)) {
    const id = Number(raw);
    if (Number.isSafeInteger(id)) return id;
  }
  if (isDisplayPrefix(raw) || isApiKeySecret(raw)) return raw;
  throw new UsageError(`expected a key id (7) or prefix (lthub_AbCdEf), got ${JSON.stringify(raw)}`);
}

async function revoke(argv: string[], io: CliIO): Promise<number> {
  const { positionals } = parseFlags(argv, {}, true);
  if (positionals.length === 0) throw new UsageError('missing the key to revoke: its id or prefix');
  if (positionals.length > 1) throw new UsageError('revoke one key at a time');
  const ref = parseRef(positionals[0]!);
  const config = cliConfig(io);
  return withRuntime(io, config, {}, async (rt) => {
    const key = await (await keysOf(rt)).revoke(ref, osUser());
    if (!key) {
      // a secret is never echoed back, even an unknown one
      const named =
        typeof ref === 'number'
          ? `id ${ref}`
          : isApiKeySecret(ref)
            ? 'that secret'
            : `prefix ${ref.replace(/…$/, '')}`;
      throw new Error(`no API key with ${named}`);
    }
    const when = `${vietnamTime(key.revoked_at!)} by ${key.revoked_by ?? 'unknown'}`;
    io.stdout(
      key.alreadyRevoked
        ? `${describeKey(key)} was already revoked at ${when}`
        : `revoked ${describeKey(key)} at ${when}; hub instances refuse it within ${config.access.apiKeyCacheMs} ms`,
    );
    return 0;
  });
}

export const keysCommand: Command = {
  name: 'keys',
  summary: 'create, list and revoke API keys (Authorization: Bearer lthub_…)',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(rest, io);
    if (sub === 'list') return list(rest, io);
    if (sub === 'revoke') return revoke(rest, io);
    if (sub === undefined || sub.startsWith('-'))
      throw new UsageError('missing subcommand: create, list or revoke');
    throw new UsageError(`unknown subcommand "${sub}" (expected create, list or revoke)`);
  },
};
