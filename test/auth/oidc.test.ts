import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  base64url,
  CompactSign,
  exportJWK,
  generateKeyPair,
  generateSecret,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidCredentialsError } from '../../src/auth/credentials.ts';
import {
  CLOCK_TOLERANCE_S,
  createOidcVerifier,
  IdentityProviderUnavailableError,
  JWKS_CACHE_MAX_AGE_MS,
  JWKS_COOLDOWN_MS,
} from '../../src/auth/oidc.ts';
import { ConfigError, type OidcConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';

const ISSUER = 'https://sso.example.gov.vn/realms/nghe-an';
const AUDIENCE = 'lienthong-hub';

/**
 * A stand-in for the identity provider's JWKS endpoint. `mode` makes it misbehave the ways a real one
 * does: answer an error, answer garbage, or hold the request (headers or body) until the client gives up.
 */
async function startJwksServer() {
  const state = {
    keys: [] as JWK[],
    fetches: 0,
    mode: 'ok' as 'ok' | 'error' | 'not-json' | 'not-a-jwks' | 'hold' | 'hold-body',
  };
  const server = http.createServer((_req, res) => {
    state.fetches += 1;
    switch (state.mode) {
      case 'hold':
        return; // never answers: only the client's timeout ends the wait
      case 'hold-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.write('{"keys":[');
      case 'error':
        res.writeHead(500, { 'content-type': 'text/plain' });
        return void res.end('internal error');
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<html>maintenance</html>');
      case 'not-a-jwks':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"issuer":"x"}');
      case 'ok':
        res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
        return void res.end(JSON.stringify({ keys: state.keys }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    port,
    url: `http://127.0.0.1:${port}/realms/nghe-an/protocol/openid-connect/certs`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // held requests included
        server.close(() => resolve());
      }),
  };
}

interface Signer {
  alg: string;
  kid: string;
  privateKey: CryptoKey | Uint8Array;
}

async function keyPair(alg: 'RS256' | 'ES256', kid: string) {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { signer: { alg, kid, privateKey } satisfies Signer, jwk };
}

const now = () => Math.floor(Date.now() / 1000);

/** A token as Keycloak issues it; `claims` override (undefined removes a claim). */
function sign(signer: Signer, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  const payload: JWTPayload = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'f3c1a2e4-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    typ: 'Bearer',
    scope: 'openid profile email read',
    iat: now(),
    exp: now() + 300,
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: 'JWT', ...header })
    .sign(signer.privateKey);
}

/** Resolves to the reason of an InvalidCredentialsError; anything else fails the test. */
async function reasonOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => new Error('the token was accepted'),
    (e: unknown) => e,
  );
  if (err instanceof InvalidCredentialsError) return err.reason;
  throw err;
}

const b64json = (v: unknown) => base64url.encode(JSON.stringify(v));

let jwksServer: Awaited<ReturnType<typeof startJwksServer>>;
let rsa: Awaited<ReturnType<typeof keyPair>>;
let ec: Awaited<ReturnType<typeof keyPair>>;
/** Same kid as `rsa`, different key: a forger who read the kid off a real token. */
let impostor: Awaited<ReturnType<typeof keyPair>>;
/** The key the provider rotates to. */
let next: Awaited<ReturnType<typeof keyPair>>;
let cfg: OidcConfig;
let logLines: Array<Record<string, unknown>>;
const log = createLogger('debug', {}, (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));

beforeAll(async () => {
  jwksServer = await startJwksServer();
  [rsa, ec, impostor, next] = await Promise.all([
    keyPair('RS256', 'rsa-1'),
    keyPair('ES256', 'ec-1'),
    keyPair('RS256', 'rsa-1'),
    keyPair('RS256', 'rsa-2'),
  ]);
});
afterAll(() => jwksServer.close());

beforeEach(() => {
  jwksServer.state.keys = [rsa.jwk, ec.jwk];
  jwksServer.state.fetches = 0;
  jwksServer.state.mode = 'ok';
  logLines = [];
  cfg = {
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksUrl: jwksServer.url,
    provincesClaim: 'provinces',
    algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
  };
});
afterEach(() => {
  vi.useRealTimers();
});

describe('OIDC verifier: valid tokens', () => {
  it('turns a valid RS256 token into an oidc viewer with its hub scopes and provinces', async () => {
    const v = createOidcVerifier(cfg, { log });
    const viewer = await v.verify(
      await sign(rsa.signer, { scope: 'openid read pii:read profile', provinces: ['40', '96'] }),
    );
    expect(viewer).toEqual({
      id: 'oidc:f3c1a2e4-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      kind: 'oidc',
      scopes: new Set(['read', 'pii:read']),
      provinces: new Set(['40', '96']),
    });
  });

  it('accepts ES256 tokens from the same key set', async () => {
    const v = createOidcVerifier(cfg);
    const viewer = await v.verify(await sign(ec.signer, { scope: 'read sync:read', provinces: '*' }));
    expect(viewer.scopes).toEqual(new Set(['read', 'sync:read']));
    expect(viewer.provinces).toBeNull();
  });

  it('accepts an audience array that includes the hub', async () => {
    const v = createOidcVerifier(cfg);
    const viewer = await v.verify(await sign(rsa.signer, { aud: ['account', AUDIENCE] }));
    expect(viewer.kind).toBe('oidc');
  });

  it.each([
    ['scope string', { scope: 'read audit:read' }, ['read', 'audit:read']],
    ['scp array', { scope: undefined, scp: ['read', 'metrics:read'] }, ['read', 'metrics:read']],
    ['scp string', { scope: undefined, scp: 'read pii:read' }, ['read', 'pii:read']],
    ['unknown scopes dropped', { scope: 'openid profile email offline_access pii:read' }, ['pii:read']],
    ['extra whitespace', { scope: '  read \t sync:read  ' }, ['read', 'sync:read']],
    ['non-string scp entries dropped', { scope: undefined, scp: ['read', 7, null] }, ['read']],
    ['no scope at all', { scope: undefined }, []],
    ['scope of the wrong type', { scope: 42 }, []],
    ['admin is not a hub scope', { scope: 'admin READ Read' }, []],
  ])('scopes: %s', async (_name, claims, expected) => {
    const v = createOidcVerifier(cfg);
    expect((await v.verify(await sign(rsa.signer, claims))).scopes).toEqual(new Set(expected));
  });

  it.each([
    ['array', 'provinces', { provinces: ['40', '96'] }, ['40', '96']],
    ['comma string', 'provinces', { provinces: '40, 96,' }, ['40', '96']],
    ['single code', 'provinces', { provinces: '40' }, ['40']],
    ['dotted path (Keycloak nests it)', 'lienthong.provinces', { lienthong: { provinces: ['01'] } }, ['01']],
    [
      'namespaced claim whose name has dots',
      'https://lienthong.gov.vn/provinces',
      { 'https://lienthong.gov.vn/provinces': '40' },
      ['40'],
    ],
    ['absent: none (fail closed)', 'provinces', {}, []],
    ['dotted path absent: none', 'lienthong.provinces', { lienthong: { roles: [] } }, []],
    ['prototype names are not claims', 'constructor', {}, []],
    ['"*": every province', 'provinces', { provinces: '*' }, null],
    ['["*"]: every province', 'provinces', { provinces: ['*'] }, null],
    ['empty array: none', 'provinces', { provinces: [] }, []],
    ['empty string: none', 'provinces', { provinces: ' , ' }, []],
    ['number: none', 'provinces', { provinces: 40 }, []],
    ['null: none', 'provinces', { provinces: null }, []],
    ['object: none', 'provinces', { provinces: { '40': true } }, []],
  ])('provinces: %s', async (_name, provincesClaim, claims, expected) => {
    const v = createOidcVerifier({ ...cfg, provincesClaim }, { log });
    const viewer = await v.verify(await sign(rsa.signer, claims));
    expect(viewer.provinces).toEqual(expected === null ? null : new Set(expected));
  });

  it('logs an unreadable province claim once, not on every request', async () => {
    const v = createOidcVerifier(cfg, { log });
    for (let i = 0; i < 3; i++) await v.verify(await sign(rsa.signer, { provinces: 40 }));
    expect(logLines.filter((l) => String(l.msg).includes('province claim'))).toHaveLength(1);
  });

  it.each([
    ['too short', ['40', '4']],
    ['a name', 'Nghệ An'],
    ['a number entry', ['40', 40]],
    ['three digits', '040'],
    ['padded in an array', [' 40']],
  ])('refuses a token naming a malformed province (%s)', async (_name, provinces) => {
    const v = createOidcVerifier(cfg);
    expect(await reasonOf(v.verify(await sign(rsa.signer, { provinces })))).toBe(
      'token names a malformed province',
    );
  });

  it(`tolerates ${CLOCK_TOLERANCE_S} s of clock skew either way`, async () => {
    const v = createOidcVerifier(cfg);
    const skew = CLOCK_TOLERANCE_S - 10;
    await expect(v.verify(await sign(rsa.signer, { exp: now() - skew }))).resolves.toBeTruthy();
    await expect(v.verify(await sign(rsa.signer, { nbf: now() + skew }))).resolves.toBeTruthy();
    await expect(v.verify(await sign(rsa.signer, { iat: now() + skew }))).resolves.toBeTruthy();
  });
});

describe('OIDC verifier: refused tokens', () => {
  it.each([
    ['expired', { exp: now() - CLOCK_TOLERANCE_S - 60 }, 'token expired'],
    ['not yet valid', { nbf: now() + CLOCK_TOLERANCE_S + 60 }, 'token not yet valid'],
    ['wrong audience', { aud: 'another-hub' }, 'token audience is not this hub'],
    ['no audience', { aud: undefined }, 'token audience is not this hub'],
    ['wrong issuer', { iss: 'https://evil.example/realms/nghe-an' }, 'token issuer is not trusted'],
    ['issuer differs by a slash', { iss: `${ISSUER}/` }, 'token issuer is not trusted'],
    ['no subject', { sub: undefined }, 'token is missing the sub claim'],
    ['no expiry', { exp: undefined }, 'token is missing the exp claim'],
    ['expiry not a number', { exp: 'tomorrow' }, 'token is malformed'],
    ['subject not a string', { sub: 42 }, 'token is malformed'],
    ['empty subject', { sub: '' }, 'token is malformed'],
    ['Keycloak ID token', { typ: 'ID' }, 'token is not an access token'],
    ['Keycloak refresh token', { typ: 'Refresh' }, 'token is not an access token'],
  ])('%s', async (_name, claims, reason) => {
    const v = createOidcVerifier(cfg);
    expect(await reasonOf(v.verify(await sign(rsa.signer, claims)))).toBe(reason);
  });

  it('refuses a token whose header says it is not an access token', async () => {
    const v = createOidcVerifier(cfg);
    const t = await sign(rsa.signer, {}, { typ: 'logout+jwt' });
    expect(await reasonOf(v.verify(t))).toBe('token is not an access token');
    // RFC 9068 access tokens are welcome
    await expect(v.verify(await sign(rsa.signer, {}, { typ: 'at+jwt' }))).resolves.toBeTruthy();
  });

  it('refuses a token signed by a key that is not in the JWKS, even under a known kid', async () => {
    const v = createOidcVerifier(cfg);
    expect(await reasonOf(v.verify(await sign(impostor.signer)))).toBe('token signature does not verify');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const v = createOidcVerifier(cfg);
    const [h, , s] = (await sign(rsa.signer, { scope: 'read' })).split('.');
    const forged = `${h}.${b64json({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now() + 300, scope: 'pii:read' })}.${s}`;
    expect(await reasonOf(v.verify(forged))).toBe('token signature does not verify');
  });

  it('refuses a token naming an unknown kid without refetching during the cooldown', async () => {
    const v = createOidcVerifier(cfg);
    await v.verify(await sign(rsa.signer));
    expect(jwksServer.state.fetches).toBe(1);
    for (let i = 0; i < 5; i++)
      expect(await reasonOf(v.verify(await sign({ ...rsa.signer, kid: `made-up-${i}` })))).toBe(
        'token is signed by an unknown key',
      );
    expect(jwksServer.state.fetches).toBe(1);
  });

  it('refuses an unsecured token (alg: none) before fetching any key', async () => {
    const v = createOidcVerifier(cfg);
    const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now() + 300, scope: 'pii:read' };
    for (const alg of ['none', 'None', 'NONE']) {
      const unsecured = `${b64json({ alg, typ: 'JWT' })}.${b64json(claims)}.`;
      expect(await reasonOf(v.verify(unsecured))).toBe('token algorithm not allowed');
    }
    expect(jwksServer.state.fetches).toBe(0);
  });

  it('refuses an HS256 token, whatever secret signed it', async () => {
    const v = createOidcVerifier(cfg);
    const secret = await generateSecret('HS256', { extractable: true });
    expect(await reasonOf(v.verify(await sign({ alg: 'HS256', kid: 'rsa-1', privateKey: secret })))).toBe(
      'token algorithm not allowed',
    );
    // the classic confusion attack: the RSA public key used as the HMAC secret
    const rsaPublicAsSecret = new TextEncoder().encode(JSON.stringify(rsa.jwk));
    const confused = await sign({ alg: 'HS256', kid: 'rsa-1', privateKey: rsaPublicAsSecret });
    expect(await reasonOf(v.verify(confused))).toBe('token algorithm not allowed');
    expect(jwksServer.state.fetches).toBe(0);
  });

  it('refuses an algorithm outside OIDC_ALGORITHMS even when the JWKS has a matching key', async () => {
    const v = createOidcVerifier({ ...cfg, algorithms: ['RS256'] });
    expect(await reasonOf(v.verify(await sign(ec.signer)))).toBe('token algorithm not allowed');
  });

  it.each([
    ['garbage', 'not a token'],
    ['empty', ''],
    ['three dots of nothing', '..'],
    ['header not JSON', `${base64url.encode('{alg')}.${b64json({ sub: 'x' })}.c2ln`],
    ['header an array', `${b64json(['RS256'])}.${b64json({ sub: 'x' })}.c2ln`],
    ['JWE-shaped (five parts)', 'a.b.c.d.e'],
  ])('refuses a malformed token (%s)', async (_name, token) => {
    const v = createOidcVerifier(cfg);
    expect(await reasonOf(v.verify(token))).toBe('token is malformed');
  });

  it('refuses a token whose payload is not JSON, once the signature checks', async () => {
    const v = createOidcVerifier(cfg);
    const t = await new CompactSign(new TextEncoder().encode('not json'))
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .sign(rsa.signer.privateKey);
    expect(await reasonOf(v.verify(t))).toBe('token is malformed');
  });

  it('refuses to start with none or HS* among the allowed algorithms', () => {
    for (const algorithms of [['RS256', 'HS256'], ['none'], ['RS1'], []])
      expect(() => createOidcVerifier({ ...cfg, algorithms })).toThrow(ConfigError);
  });
});

describe('OIDC verifier: the key set', () => {
  it('fetches the JWKS once for 20 verifications, sequential or concurrent', async () => {
    const v = createOidcVerifier(cfg);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sign(i % 2 ? rsa.signer : ec.signer)),
    );
    await Promise.all(tokens.map((t) => v.verify(t)));
    for (const t of tokens) await v.verify(t);
    expect(jwksServer.state.fetches).toBe(1);
  });

  it('follows a key rotation: the new kid verifies after the refetch, the old one no longer does', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // jose's cooldown and the token times read Date; nothing waits
    const v = createOidcVerifier(cfg);
    const oldToken = await sign(rsa.signer);
    await v.verify(oldToken);
    jwksServer.state.keys = [next.jwk];
    // right after the last fetch, an unknown kid is refused without asking again (the cooldown)
    expect(await reasonOf(v.verify(await sign(next.signer)))).toBe('token is signed by an unknown key');
    expect(jwksServer.state.fetches).toBe(1);

    vi.setSystemTime(Date.now() + JWKS_COOLDOWN_MS + 1000);
    const viewer = await v.verify(await sign(next.signer, { scope: 'read pii:read' }));
    expect(viewer.scopes).toEqual(new Set(['read', 'pii:read']));
    expect(jwksServer.state.fetches).toBe(2);
    expect(await reasonOf(v.verify(oldToken))).toBe('token is signed by an unknown key');
    expect(jwksServer.state.fetches).toBe(2);
  });

  it('refetches cached keys once they are older than the cache max age', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const v = createOidcVerifier(cfg);
    await v.verify(await sign(rsa.signer));
    vi.setSystemTime(Date.now() + JWKS_CACHE_MAX_AGE_MS - 1000);
    await v.verify(await sign(rsa.signer));
    expect(jwksServer.state.fetches).toBe(1);
    // the provider withdrew the key: past the max age the hub learns it even for a known kid
    jwksServer.state.keys = [next.jwk];
    vi.setSystemTime(Date.now() + 2000);
    expect(await reasonOf(v.verify(await sign(rsa.signer)))).toBe('token is signed by an unknown key');
    expect(jwksServer.state.fetches).toBe(2);
  });
});

describe('OIDC verifier: identity provider unavailable', () => {
  /** Asserts a 503-kind failure whose client-facing text says nothing about where the provider is. */
  async function expectUnavailable(p: Promise<unknown>, port: number) {
    const err = await p.then(
      () => new Error('the token was accepted'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IdentityProviderUnavailableError);
    expect(err).not.toBeInstanceOf(InvalidCredentialsError);
    const { reason, message } = err as IdentityProviderUnavailableError;
    for (const text of [reason, message]) {
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain(String(port));
      expect(text).not.toMatch(/https?:|certs|realms/);
    }
  }

  it('answers IdentityProviderUnavailableError at once when the JWKS port is closed', async () => {
    const closed = await startJwksServer();
    await closed.close();
    const v = createOidcVerifier({ ...cfg, jwksUrl: closed.url }, { log, fetchTimeoutMs: 2000 });
    const started = performance.now();
    await expectUnavailable(v.verify(await sign(rsa.signer)), closed.port);
    expect(performance.now() - started).toBeLessThan(2000);
    const warning = logLines.find((l) => l.level === 'warn');
    expect(warning).toMatchObject({ jwksUrl: closed.url, errorCode: 'ECONNREFUSED' });
  });

  it.each([
    ['holding the response', 'hold'],
    ['holding the body', 'hold-body'],
  ] as const)('gives up on a JWKS server %s after fetchTimeoutMs', async (_name, mode) => {
    jwksServer.state.mode = mode;
    const v = createOidcVerifier(cfg, { log, fetchTimeoutMs: 300 });
    const started = performance.now();
    await expectUnavailable(v.verify(await sign(rsa.signer)), jwksServer.port);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000); // the bound is the point: without the timeout this never returns
    expect(logLines.find((l) => l.level === 'warn')).toMatchObject({ errorClass: 'JWKSTimeout' });
  });

  it.each([
    ['an HTTP error', 'error'],
    ['HTML instead of JSON', 'not-json'],
    ['JSON that is not a key set', 'not-a-jwks'],
  ] as const)('treats %s from the JWKS endpoint as the provider being unavailable', async (_name, mode) => {
    jwksServer.state.mode = mode;
    const v = createOidcVerifier(cfg, { log });
    await expectUnavailable(v.verify(await sign(rsa.signer)), jwksServer.port);
  });

  it('recovers as soon as the provider answers again, and logs one warning per failed fetch', async () => {
    jwksServer.state.mode = 'error';
    const v = createOidcVerifier(cfg, { log });
    const token = await sign(rsa.signer);
    // concurrent requests share the one failing fetch, and its one warning
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => v.verify(token)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(jwksServer.state.fetches).toBe(1);
    expect(logLines.filter((l) => l.level === 'warn')).toHaveLength(1);
    jwksServer.state.mode = 'ok';
    await expect(v.verify(token)).resolves.toMatchObject({ kind: 'oidc' });
    expect(jwksServer.state.fetches).toBe(2);
  });
});
