import type { Viewer } from '../graphql/viewer.ts';

/**
 * A bearer credential that cannot be trusted: unknown, forged, expired, revoked, or signed for someone
 * else. The route answers 401 with `WWW-Authenticate: Bearer error="invalid_token"`; `reason` is safe to
 * show the caller (it names what is wrong with their credential, never hub internals).
 */
export class InvalidCredentialsError extends Error {
  override name = 'InvalidCredentialsError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Turns one kind of bearer credential (API key, OIDC token) into the viewer it stands for. */
export interface CredentialVerifier {
  /** The viewer of a valid credential; rejects with InvalidCredentialsError otherwise. */
  verify(token: string): Promise<Viewer>;
  /** Releases timers and caches (the JWKS fetcher, the key cache). */
  close?(): void;
}
