/**
 * Bearer tokens from a province's identity provider (Keycloak, or any OpenID Connect provider that
 * publishes a JWKS): the hub checks them locally against the provider's public keys, so a request costs
 * no call to the provider once its keys are cached.
 */

import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyResult,
} from 'jose';
import { ConfigError, type OidcConfig } from '../config.ts';
import { isScope, type Viewer } from '../graphql/viewer.ts';
import type { Logger } from '../logger.ts';
import { InvalidCredentialsError, type CredentialVerifier } from './credentials.ts';

/**
 * Clocks of the hub and the identity provider disagree by a few seconds in practice; 30 s absorbs that
 * without meaningfully stretching a token's life (Keycloak access tokens live 5 minutes by default).
 */
export const CLOCK_TOLERANCE_S = 30;

/**
 * How long after a successful JWKS fetch a token naming an unknown `kid` must wait before it may cause
 * another fetch. Keycloak signs with a new key as soon as it is created, so this is how long fresh
 * tokens can be refused after a rotation; it is also the most often a caller sending made-up `kid`s can
 * make the hub call the provider (6 times a minute per hub instance, which the provider never notices).
 */
export const JWKS_COOLDOWN_MS = 10_000;

/**
 * How long cached keys are trusted without asking the provider again: a key the provider withdraws
 * (compromised, retired) stops being accepted within this time. Longer would ride out longer provider
 * outages; jose's default of 10 minutes balances the two.
 */
export const JWKS_CACHE_MAX_AGE_MS = 600_000;

/**
 * A JWKS is a few kilobytes from a server on the provincial network: if it has not come in 3 s the
 * provider is in trouble, and the request (REQUEST_DEADLINE_MS, 6 s by default) is better answered 503
 * than left hanging.
 */
export const DEFAULT_JWKS_TIMEOUT_MS = 3_000;

/**
 * Public-key signature algorithms only. `none` would accept unsigned tokens and HS* would need a secret
 * shared with the provider (which a JWKS never publishes): either in OIDC_ALGORITHMS is a configuration
 * mistake, refused at start-up rather than at the first token.
 */
const ASYMMETRIC_ALGORITHMS = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);

/** Province codes as the hub knows them ("01" … "96"). */
const PROVINCE_CODE = /^\d{2}$/;

/**
 * A token the hub could not check because the identity provider's keys could not be fetched (provider
 * down, slow, answering errors or garbage). Nothing is known about the token, so the route answers 503
 * (retry later) rather than 401 (get a new token). `reason` is safe to show; the details (URL, network
 * error) are only in the log and in `cause`, which must not be sent to the caller.
 */
export class IdentityProviderUnavailableError extends Error {
  override name = 'IdentityProviderUnavailableError';
  readonly reason = 'the identity provider cannot be reached to check the token; retry shortly';
  constructor(options?: { cause?: unknown }) {
    super('the identity provider cannot be reached to check the token; retry shortly', options);
  }
}

/**
 * Verifies OIDC access tokens against the provider's JWKS (fetched, cached and refreshed by jose: a token
 * signed by a key the hub has not seen triggers a refetch at most every JWKS_COOLDOWN_MS).
 *
 * The viewer's scopes are the hub scopes named in `scope` (or `scp`); the provider's own (`openid`,
 * `profile`, `email`…) are ignored. Its provinces come from the claim at `cfg.provincesClaim`:
 * - absent: no province (fail closed: a user whose attribute was never mapped must not read everything);
 * - `*` (or `["*"]`): every province, said explicitly;
 * - an array of codes or a comma-separated string of codes: those provinces;
 * - empty, or of any other JSON type (a number, an object, null): no province at all. A provider that
 *   emits the claim means to restrict the caller, so a claim the hub cannot read fails closed; the token
 *   stays valid for what needs no province (the mapper mistake is logged once);
 * - any entry that is not a two-digit code: the token is refused. A typo such as "4" or "Nghệ An" would
 *   otherwise silently narrow or widen what the caller sees; refusing makes the mistake visible at once.
 */
export function createOidcVerifier(
  cfg: OidcConfig,
  opts: { log?: Logger; fetchTimeoutMs?: number } = {},
): CredentialVerifier {
  const refused = cfg.algorithms.filter((a) => !ASYMMETRIC_ALGORITHMS.has(a));
  if (refused.length > 0 || cfg.algorithms.length === 0) {
    throw new ConfigError(
      `Invalid OIDC_ALGORITHMS=${JSON.stringify(cfg.algorithms.join(','))}: expected public-key JWS algorithms ` +
        `among ${[...ASYMMETRIC_ALGORITHMS].join(', ')} (none and HS* are never accepted)`,
    );
  }
  const log = opts.log;
  const jwks = createRemoteJWKSet(new URL(cfg.jwksUrl), {
    timeoutDuration: opts.fetchTimeoutMs ?? DEFAULT_JWKS_TIMEOUT_MS,
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
  });

  // callers waiting on the same fetch share its error: one warning per failed fetch, not per request
  const reported = new WeakSet<object>();
  const warnUnavailable = (err: unknown) => {
    if (typeof err === 'object' && err !== null) {
      if (reported.has(err)) return;
      reported.add(err);
    }
    log?.warn('OIDC: cannot fetch the identity provider keys', { jwksUrl: cfg.jwksUrl, ...describe(err) });
  };

  /**
   * Tells the provider's failures (503) from the token's (401) where both surface: in key lookup. Only
   * "no key has that kid" and "several keys fit and the token names none" are the token's doing; every
   * other failure is the fetch or the key set itself (refused connection, timeout, non-200, not JSON, a
   * malformed or private key in the set).
   */
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey)
        throw new InvalidCredentialsError('token is signed by an unknown key');
      if (err instanceof errors.JWKSMultipleMatchingKeys)
        throw new InvalidCredentialsError('token does not name its signing key (kid)');
      warnUnavailable(err);
      throw new IdentityProviderUnavailableError({ cause: err });
    }
  };

  let warnedProvincesShape = false;

  return {
    async verify(token: string): Promise<Viewer> {
      let verified: JWTVerifyResult;
      try {
        verified = await jwtVerify(token, getKey, {
          issuer: cfg.issuer,
          audience: cfg.audience,
          algorithms: cfg.algorithms,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['sub', 'exp'],
        });
      } catch (err) {
        throw rejection(err, log);
      }
      const { payload, protectedHeader } = verified;
      if (!isAccessToken(protectedHeader.typ, payload))
        throw new InvalidCredentialsError('token is not an access token');
      const sub = payload.sub;
      // jose checks that `sub` is present, not that it is a usable actor id for audit and rate limits
      if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255)
        throw new InvalidCredentialsError('token is malformed');
      const claim = claimAt(payload, cfg.provincesClaim);
      let provinces = provincesOf(claim);
      if (provinces === 'unreadable') {
        provinces = new Set();
        if (!warnedProvincesShape) {
          warnedProvincesShape = true;
          log?.warn('OIDC: province claim is neither an array nor a string; such tokens see no province', {
            claim: cfg.provincesClaim,
            type: claim === null ? 'null' : typeof claim,
          });
        }
      }
      return {
        id: `oidc:${sub}`,
        kind: 'oidc',
        scopes: scopesOf(payload),
        provinces,
      };
    },
  };
}

/** The client-safe reason for a jose failure; the route turns it into 401 `invalid_token`. */
function rejection(err: unknown, log: Logger | undefined): Error {
  if (err instanceof InvalidCredentialsError || err instanceof IdentityProviderUnavailableError) return err;
  if (err instanceof errors.JWTExpired) return new InvalidCredentialsError('token expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return new InvalidCredentialsError('token audience is not this hub');
    if (err.claim === 'iss') return new InvalidCredentialsError('token issuer is not trusted');
    if (err.claim === 'nbf' && err.reason === 'check_failed')
      return new InvalidCredentialsError('token not yet valid');
    if (err.reason === 'missing')
      return new InvalidCredentialsError(`token is missing the ${err.claim} claim`);
    return new InvalidCredentialsError('token is malformed'); // e.g. `exp` that is not a number
  }
  if (err instanceof errors.JOSEAlgNotAllowed)
    return new InvalidCredentialsError('token algorithm not allowed');
  if (err instanceof errors.JWSSignatureVerificationFailed)
    return new InvalidCredentialsError('token signature does not verify');
  if (
    err instanceof errors.JWSInvalid ||
    err instanceof errors.JWTInvalid ||
    err instanceof errors.JOSENotSupported // e.g. a `crit` header naming an extension jose does not know
  )
    return new InvalidCredentialsError('token is malformed');
  // not the caller's fault as far as we can tell (e.g. an RSA key under 2048 bits in the provider's set):
  // refuse the token, and tell the operator
  log?.warn('OIDC: token could not be verified', describe(err));
  return new InvalidCredentialsError('token could not be verified');
}

/**
 * Refuses ID, refresh and logout tokens presented as bearer tokens: they may carry the hub as audience
 * (an ID token's audience is the client, which can share the hub's id) but grant nothing. Keycloak marks
 * its tokens with a `typ` claim (`Bearer` for access tokens); RFC 9068 providers use the header `typ`
 * `at+jwt`. Providers that mark neither are let through: the audience check is then what protects.
 */
function isAccessToken(headerTyp: unknown, payload: JWTPayload): boolean {
  if (headerTyp !== undefined) {
    if (typeof headerTyp !== 'string') return false;
    const t = headerTyp.toLowerCase().replace(/^application\//, '');
    if (t !== 'jwt' && t !== 'at+jwt') return false;
  }
  const kcTyp = payload.typ;
  return kcTyp === undefined || (typeof kcTyp === 'string' && kcTyp.toLowerCase() === 'bearer');
}

/** Scopes are granted by name; anything the hub does not define (OIDC's `openid profile email`) is dropped. */
function scopesOf(payload: JWTPayload): ReadonlySet<string> {
  // `scope` (RFC 8693, RFC 9068, Keycloak) is a space-separated string; `scp` (Okta, Entra ID) may be an array
  const raw = payload.scope ?? payload.scp;
  const names =
    typeof raw === 'string'
      ? raw.split(/\s+/)
      : Array.isArray(raw)
        ? raw.filter((s): s is string => typeof s === 'string')
        : [];
  return new Set(names.filter(isScope));
}

const ABSENT = Symbol('absent');

/**
 * The claim at `path`: the top-level claim of that exact name first (namespaced claims such as
 * `https://hub.example/provinces` contain dots), else the dotted path into nested objects (how Keycloak's
 * mappers nest a claim named `lienthong.provinces`). Own properties only, so `constructor` or `__proto__`
 * never resolve to something the token did not contain.
 */
function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let node: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, part))
      return ABSENT;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** See createOidcVerifier for the rules; 'unreadable' is a claim of the wrong JSON type. */
function provincesOf(claim: unknown): ReadonlySet<string> | null | 'unreadable' {
  if (claim === ABSENT) return new Set();
  if (claim === '*' || (Array.isArray(claim) && claim.length === 1 && claim[0] === '*')) return null;
  let entries: unknown[];
  if (typeof claim === 'string')
    entries = claim
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  else if (Array.isArray(claim)) entries = claim;
  else return 'unreadable';
  const codes = new Set<string>();
  for (const e of entries) {
    if (typeof e !== 'string' || !PROVINCE_CODE.test(e))
      throw new InvalidCredentialsError('token names a malformed province');
    codes.add(e);
  }
  return codes;
}

/** Log fields for a failure: message, class and network error code; never the token. */
function describe(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  return {
    error: err.message,
    errorClass: err.name,
    ...(typeof cause?.code === 'string' ? { errorCode: cause.code } : {}),
    ...(typeof cause?.message === 'string' ? { cause: cause.message } : {}),
  };
}
