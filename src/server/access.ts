import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiKeyVerifier } from '../auth/api-keys.ts';
import { createAuthenticator, type Authenticator } from '../auth/authenticate.ts';
import { InvalidCredentialsError } from '../auth/credentials.ts';
import { createOidcVerifier, IdentityProviderUnavailableError } from '../auth/oidc.ts';
import {
  addressKey,
  callerOf,
  createCallerLimits,
  type CallerLimits,
  type OverLimit,
} from '../auth/rate-limits.ts';
import { ErrorCode, RateLimitedError } from '../errors.ts';
import type { Viewer } from '../graphql/viewer.ts';
import { sendJson } from '../http.ts';
import type { Runtime } from '../runtime.ts';
import { wwwAuthenticate } from './scopes.ts';

/** The hub's gate, built once per app: who is calling, and whether they are over their limits. */
export interface Access {
  /**
   * The viewer of a request, or undefined when the request was already answered: 401 for bad credentials,
   * 503 when the identity provider cannot be reached, 429 over the per-minute request limit.
   */
  admit(req: IncomingMessage, res: ServerResponse): Promise<Viewer | undefined>;
  limits: CallerLimits;
  /**
   * A caller on this machine: a loopback connection without a proxy's forwarding headers (a reverse proxy
   * on the same machine connects from loopback too, but says whom it forwards).
   */
  isLocal(req: IncomingMessage): boolean;
  close(): void;
}

export const clientAddressOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

/** A loopback address: the connection comes from this machine. */
const isLoopback = (address: string) => address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];
const isLocalRequest = (req: IncomingMessage) =>
  isLoopback(clientAddressOf(req).replace(/^::ffff:/, '')) &&
  FORWARDING_HEADERS.every((h) => req.headers[h] === undefined);

const overLimitMessage = (over: OverLimit) =>
  `Too many ${over.limit === 'cost' ? 'cost units' : 'requests'}: at most ${over.perMinute} per minute for this caller; retry in ${over.retryAfterSeconds} s`;

/** The same refusal raised inside GraphQL execution (the cost is known only once the operation is parsed). */
export const rateLimited = (over: OverLimit) =>
  new RateLimitedError(overLimitMessage(over), over.retryAfterSeconds);

/** 429 with Retry-After (RFC 6585), the same body shape as every other refusal. */
export function sendOverLimit(res: ServerResponse, over: OverLimit): void {
  sendJson(
    res,
    429,
    {
      errors: [
        {
          message: overLimitMessage(over),
          extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: over.retryAfterSeconds },
        },
      ],
    },
    { 'retry-after': String(over.retryAfterSeconds) },
  );
}

export function createAccess(rt: Runtime): Access {
  const access = rt.config.access;
  const auth: Authenticator = createAuthenticator(access, {
    apiKeys: createApiKeyVerifier(rt.hub, { cacheMs: access.apiKeyCacheMs }),
    oidc: access.oidc ? createOidcVerifier(access.oidc, { log: rt.log }) : undefined,
  });
  const limits = createCallerLimits(access.rateLimit);
  // failed authentications per address, in a budget of their own: an address that spent it is refused
  // before its credential is even looked at, so a right guess is no different from a wrong one
  const failures = createCallerLimits({
    requestsPerMinute: access.rateLimit.requestsPerMinute,
    costPerMinute: 0,
  });
  return {
    limits,
    isLocal: isLocalRequest,
    async admit(req, res) {
      const address = clientAddressOf(req);
      const failKey = `fail:${addressKey(address)}`;
      const blocked = await failures.remaining(failKey);
      if (blocked) return void sendOverLimit(res, blocked);
      let viewer: Viewer;
      try {
        viewer = await auth.authenticate(req.headers.authorization, { local: isLocalRequest(req) });
      } catch (err) {
        const over = await failures.takeRequest(failKey);
        if (over) return void sendOverLimit(res, over);
        if (err instanceof InvalidCredentialsError) {
          rt.log.info('credentials refused', { reason: err.reason, address });
          return void sendJson(
            res,
            401,
            {
              errors: [
                {
                  message: `Credentials refused: ${err.reason}`,
                  extensions: { code: ErrorCode.UNAUTHENTICATED },
                },
              ],
            },
            { 'www-authenticate': wwwAuthenticate('invalid_token', err.reason) },
          );
        }
        if (err instanceof IdentityProviderUnavailableError) {
          return void sendJson(
            res,
            503,
            {
              errors: [
                {
                  message:
                    'The identity provider could not be reached to check this token; try again shortly',
                  extensions: { code: ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE },
                },
              ],
            },
            { 'retry-after': '5' },
          );
        }
        throw err;
      }
      const over = await limits.takeRequest(callerOf(viewer, address));
      if (over) return void sendOverLimit(res, over);
      return viewer;
    },
    close: () => auth.close(),
  };
}
