import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { ApiKeyRow } from '../db/tables.ts';

/**
 * API keys of the hub: the secret format and the hub SQL behind `lienthong keys` and the key verifier.
 *
 * A secret is `lthub_` and 43 base64url characters (32 random bytes). The fixed prefix lets secret
 * scanners, log filters and people recognise a leaked hub key; the first 12 characters (`lthub_AbCdEf`)
 * are kept as the key's display prefix so lists and logs can name a key without holding its secret.
 * Only the sha256 of the secret is stored: the secret itself exists once, in what create() returns.
 */

export const API_KEY_PREFIX = 'lthub_';
/** The whole shape of a secret; a bearer token of any other shape is not an API key (an OIDC token, say). */
export const API_KEY_PATTERN = /^lthub_[A-Za-z0-9_-]{43}$/;
/** Characters of the secret kept (and shown) to recognise a key: `lthub_` and 6 random characters. */
export const DISPLAY_PREFIX_LENGTH = 12;
/** A display prefix as `lienthong keys` prints it (`lthub_AbCdEf…`) or as a person types it (no ellipsis). */
const DISPLAY_PREFIX_PATTERN = /^lthub_[A-Za-z0-9_-]{6}…?$/;

/** Whether a bearer token has the shape of a hub API key (says nothing about whether the key exists). */
export const isApiKeySecret = (token: string): boolean => API_KEY_PATTERN.test(token);

/** A new secret: 32 bytes from the OS CSPRNG, base64url without padding (43 characters). */
export const generateApiKeySecret = (): string => API_KEY_PREFIX + randomBytes(32).toString('base64url');

/**
 * What the hub stores and looks keys up by. Plain sha256, no slow KDF (bcrypt, scrypt, argon2): those
 * protect low-entropy passwords from guessing after a database leak, but a 256-bit random secret cannot
 * be guessed at any hashing speed, and a fast hash keeps verification to one indexed lookup per request.
 * Looking the hash up by index leaks nothing through timing: a caller cannot choose what its token hashes to.
 */
export const hashApiKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The display prefix of a secret: `lthub_AbCdEf`. */
export const displayPrefix = (secret: string): string => secret.slice(0, DISPLAY_PREFIX_LENGTH);

/** Whether `ref` names a key by its display prefix (with or without the ellipsis lists print). */
export const isDisplayPrefix = (ref: string): boolean => DISPLAY_PREFIX_PATTERN.test(ref);

/** A key as lists, the verifier and revocation see it: everything but the hash. */
export type ApiKeySummary = Omit<ApiKeyRow, 'key_hash'>;

/** What create() returns: the stored key and, this once, its secret. */
export interface CreatedApiKey extends ApiKeySummary {
  secret: string;
}

/** A revoked key; `alreadyRevoked` when an earlier revocation stands (its time and author are kept). */
export interface RevokedApiKey extends ApiKeySummary {
  alreadyRevoked: boolean;
}

export interface NewApiKey {
  name: string;
  /** Scope names, checked by the caller against SCOPES. */
  scopes: readonly string[];
  /** Province codes the key may read; null: every province. */
  provinces: readonly string[] | null;
  /** When the key stops working; null: never. */
  expiresAt: Date | null;
}

/** A display prefix shared by several keys (6 random characters can collide): the key must be named by id. */
export class AmbiguousApiKeyError extends Error {
  override name = 'AmbiguousApiKeyError';
  constructor(
    readonly prefix: string,
    readonly ids: number[],
  ) {
    super(`prefix ${prefix} names ${ids.length} keys (ids ${ids.join(', ')}); revoke one by its id`);
  }
}

/** Every column but key_hash: the hash never leaves the store, not even towards lists. */
const SUMMARY_COLUMNS: (keyof ApiKeySummary)[] = [
  'id',
  'name',
  'prefix',
  'scopes',
  'provinces',
  'created_at',
  'expires_at',
  'revoked_at',
  'revoked_by',
];

export interface ApiKeyStore {
  /** Stores a new key; the returned secret is the only copy there will ever be. */
  create(key: NewApiKey): Promise<CreatedApiKey>;
  /** Every key, oldest first; never the hash, and the secret is not stored at all. */
  list(): Promise<ApiKeySummary[]>;
  /**
   * Revokes a key named by id, display prefix (`lthub_AbCdEf`, optionally with `…`) or its whole secret
   * (a leaked key is revoked by what leaked). Idempotent: revoking again keeps the first revoked_at and
   * revoked_by. Null when nothing matches; AmbiguousApiKeyError when a prefix names several keys.
   */
  revoke(ref: number | string, by: string): Promise<RevokedApiKey | null>;
  /** The key whose secret hashes to `hash`, revoked or expired ones included; null for none. */
  findByHash(hash: string): Promise<ApiKeySummary | null>;
}

export function apiKeyStore(hub: Knex): ApiKeyStore {
  const keys = () => hub('api_keys');
  const matching = (ref: number | string) => {
    const qb = keys().select(SUMMARY_COLUMNS);
    if (typeof ref === 'number') return qb.where('id', ref);
    if (isApiKeySecret(ref)) return qb.where('key_hash', hashApiKey(ref));
    return qb.where('prefix', ref.replace(/…$/, ''));
  };
  return {
    async create({ name, scopes, provinces, expiresAt }) {
      const secret = generateApiKeySecret();
      const [row] = await keys()
        .insert({
          name,
          key_hash: hashApiKey(secret),
          prefix: displayPrefix(secret),
          scopes: [...scopes],
          provinces: provinces ? [...provinces] : null,
          expires_at: expiresAt,
        })
        .returning(SUMMARY_COLUMNS);
      return { ...row!, secret };
    },

    async list() {
      return await keys().select(SUMMARY_COLUMNS).orderBy('id');
    },

    async revoke(ref, by) {
      const found = await matching(ref).orderBy('id');
      if (found.length === 0) return null;
      if (found.length > 1)
        throw new AmbiguousApiKeyError(
          String(ref).replace(/…$/, ''),
          found.map((k) => k.id),
        );
      const key = found[0]!;
      // only a key not yet revoked changes: the first revocation's time and author stand
      const [revoked] = await keys()
        .update({ revoked_at: hub.fn.now(), revoked_by: by })
        .where('id', key.id)
        .whereNull('revoked_at')
        .returning(SUMMARY_COLUMNS);
      if (revoked) return { ...revoked, alreadyRevoked: false };
      // revoked before, perhaps a moment ago by someone else: report the revocation that stands
      const [current] = await matching(key.id);
      return current ? { ...current, alreadyRevoked: true } : null;
    },

    async findByHash(hash) {
      const [row] = await keys().select(SUMMARY_COLUMNS).where('key_hash', hash);
      return row ?? null;
    },
  };
}
