import type { AccessConfig } from '../config.ts';
import { anonymousViewer, type Viewer } from '../graphql/viewer.ts';
import { InvalidCredentialsError, type CredentialVerifier } from './credentials.ts';

/** A compact JWS: three base64url parts. */
const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export interface Authenticator {
  /**
   * The viewer behind an `Authorization` header: anonymous without one, else the key's or token's. Rejects
   * with InvalidCredentialsError (answer 401) or, when the identity provider cannot be reached to check a
   * token, with the OIDC verifier's IdentityProviderUnavailableError (answer 503).
   */
  authenticate(authorization: string | undefined, caller: { local: boolean }): Promise<Viewer>;
  close(): void;
}

/**
 * One entry point for every kind of credential, told apart by shape: API keys carry their `lthub_`
 * prefix, OIDC access tokens are JWTs. Anything else is refused rather than treated as anonymous, so a
 * caller who meant to authenticate learns that it did not work.
 */
export function createAuthenticator(
  access: Pick<AccessConfig, 'anonymousRead'>,
  verifiers: {
    apiKeys: CredentialVerifier & { isApiKey(token: string): boolean };
    oidc?: CredentialVerifier;
  },
): Authenticator {
  const reader = anonymousViewer(true);
  const outsider = anonymousViewer(false);
  return {
    async authenticate(authorization, caller) {
      if (authorization === undefined || authorization.trim() === '') {
        const mayRead = access.anonymousRead === 'all' || (access.anonymousRead === 'local' && caller.local);
        return mayRead ? reader : outsider;
      }
      const m = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
      if (!m)
        throw new InvalidCredentialsError('the Authorization header must be "Bearer <API key or token>"');
      const token = m[1]!;
      if (verifiers.apiKeys.isApiKey(token)) return verifiers.apiKeys.verify(token);
      if (JWT_RE.test(token)) {
        if (!verifiers.oidc) {
          throw new InvalidCredentialsError(
            'this hub accepts no identity-provider tokens, only its API keys',
          );
        }
        return verifiers.oidc.verify(token);
      }
      throw new InvalidCredentialsError(
        'the bearer credential is neither an API key of this hub nor a token',
      );
    },
    close() {
      verifiers.apiKeys.close?.();
      verifiers.oidc?.close?.();
    },
  };
}
