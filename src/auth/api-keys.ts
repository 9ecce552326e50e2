import type { Knex } from 'knex';
import type { Viewer } from '../graphql/viewer.ts';
import { apiKeyStore, hashApiKey, isApiKeySecret, type ApiKeySummary } from './api-key-store.ts';
import { InvalidCredentialsError, type CredentialVerifier } from './credentials.ts';

/**
 * Turns an API key sent as `Authorization: Bearer lthub_…` into its viewer.
 *
 * Every hub instance verifies against the one hub database, so revoking a key there (from any machine,
 * with `lienthong keys revoke`) reaches every instance: each asks the database again once its cached
 * answer is `cacheMs` old. Expiry needs no database at all and is checked on every call.
 */

/** Entries kept at most: enough for every key of a hub, bounded so forged tokens cannot grow memory. */
const DEFAULT_MAX_ENTRIES = 10_000;

export interface ApiKeyVerifierOptions {
  /**
   * How long an answer from the hub database (a key, or no such key) is trusted: the longest a
   * revocation waits to take effect on this instance. 0: every verification asks the database.
   */
  cacheMs: number;
  /** Milliseconds since the epoch, for expiry and cache age; tests inject a clock. */
  now?: () => number;
  /** Cached answers kept at most; the least recently used goes first. */
  maxEntries?: number;
}

export interface ApiKeyVerifier extends CredentialVerifier {
  /** Whether a bearer token has the shape of an API key, so this verifier (not OIDC) should judge it. */
  isApiKey(token: string): boolean;
}

interface Cached {
  /** The key, or null: no key has this hash. */
  key: ApiKeySummary | null;
  /** When the lookup that produced it started: the answer is at least this fresh. */
  at: number;
}

export function createApiKeyVerifier(hub: Knex, opts: ApiKeyVerifierOptions): ApiKeyVerifier {
  const store = apiKeyStore(hub);
  const now = opts.now ?? Date.now;
  const maxEntries = Math.max(1, opts.maxEntries ?? DEFAULT_MAX_ENTRIES);
  // keyed by hash, never by secret: the cache holds nothing a memory dump could replay
  const cache = new Map<string, Cached>();
  /** Lookups under way, by hash: a burst of requests with one new key sends one query, not one each. */
  const inflight = new Map<string, Promise<Cached>>();

  const remember = (hash: string, entry: Cached) => {
    if (opts.cacheMs <= 0) return;
    cache.delete(hash);
    cache.set(hash, entry);
    // a Map iterates in insertion order and every use re-inserts: the first entry is the least recently used
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  };

  const fresh = (hash: string): Cached | undefined => {
    const entry = cache.get(hash);
    if (!entry) return undefined;
    if (now() - entry.at >= opts.cacheMs) {
      cache.delete(hash);
      return undefined;
    }
    remember(hash, entry);
    return entry;
  };

  const lookup = (hash: string): Promise<Cached> => {
    const pending = inflight.get(hash);
    if (pending) return pending;
    const at = now();
    const query = store
      .findByHash(hash)
      .then((key) => {
        const entry = { key, at };
        remember(hash, entry);
        return entry;
      })
      // a failed lookup is not cached: the next request asks again (and the error reaches the route)
      .finally(() => inflight.delete(hash));
    inflight.set(hash, query);
    return query;
  };

  return {
    isApiKey: isApiKeySecret,

    async verify(token) {
      // a token of another shape cannot be in the table: no query, and nothing cached for it
      if (!isApiKeySecret(token)) throw new InvalidCredentialsError('unknown API key');
      const hash = hashApiKey(token);
      const { key } = fresh(hash) ?? (await lookup(hash));
      if (!key) throw new InvalidCredentialsError('unknown API key');
      if (key.revoked_at) throw new InvalidCredentialsError('API key revoked');
      // on every call, cached or not: an expiry needs no database to take effect on time
      if (key.expires_at && key.expires_at.getTime() <= now())
        throw new InvalidCredentialsError('API key expired');
      return viewerOf(key);
    },

    close() {
      cache.clear();
    },
  };
}

/** The viewer a valid key stands for; `key:<id>` names it in the audit log and the rate limits. */
const viewerOf = (key: ApiKeySummary): Viewer => ({
  id: `key:${key.id}`,
  kind: 'api-key',
  scopes: new Set(key.scopes),
  provinces: key.provinces ? new Set(key.provinces) : null,
});
