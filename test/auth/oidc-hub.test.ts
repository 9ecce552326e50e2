import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/** A hub trusting a local identity provider (a JWKS served by the test), called with its tokens. */

const ISSUER = 'https://sso.camau.gov.vn/realms/lienthong';
const AUDIENCE = 'lienthong-hub';

let jwks: { keys: JWK[] } = { keys: [] };
let idp: http.Server;
let hub: TestHub;
let signingKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  idp = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
  const port = (idp.address() as AddressInfo).port;
  hub = await startTestHub({
    provinces: ['40', '96'],
    env: {
      OIDC_ISSUER: ISSUER,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: `http://127.0.0.1:${port}/realms/lienthong/protocol/openid-connect/certs`,
      OIDC_PROVINCES_CLAIM: 'lienthong.provinces',
    },
  });
});
afterAll(async () => {
  await hub?.close();
  await new Promise((r) => idp?.close(r));
});

const token = (claims: Record<string, unknown>, opts: { key?: CryptoKey; exp?: number } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('alice')
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 300)
    .sign(opts.key ?? signingKey);

describe('OIDC bearer tokens through the hub', () => {
  it('scopes and provinces come from the token; personal data read with it is audited under its subject', async () => {
    const t = await token({ scope: 'openid profile read pii:read', lienthong: { provinces: ['96'] } });
    const res = await hub.gql<{
      dossiers: { nodes: { code: string; province: { code: string }; applicant: { name: string } }[] };
    }>(
      `query CaMauApplicants { dossiers(first: 5) { nodes { code province { code } applicant { name } } } }`,
      {},
      { headers: { authorization: `Bearer ${t}` } },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.dossiers.nodes;
    expect(new Set(nodes.map((n) => n.province.code))).toEqual(new Set(['96']));
    // unmasked: a real name, not initials
    expect(nodes.some((n) => !/^(\S\. ?)+$/u.test(n.applicant.name))).toBe(true);
    const rec = (await hub.rt.hub('audit_log').orderBy('id', 'desc').first())!;
    expect(rec).toMatchObject({ actor: 'oidc:alice', operation: 'CaMauApplicants' });
    expect((rec.dossier_codes as string[]).sort()).toEqual(nodes.map((n) => n.code).sort());
  });

  it.each([
    ['expired', () => token({ scope: 'read' }, { exp: Math.floor(Date.now() / 1000) - 3600 }), /expired/],
    ['signed by another key', () => token({ scope: 'read' }, { key: otherKey }), /signature/],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
          JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'mallory', scope: 'read pii:read', exp: 4e9 }),
        ).toString('base64url')}.`,
      /./,
    ],
  ])('a token %s is refused with 401', async (_, make, reason) => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await make()}` },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.message).toMatch(reason);
    expect(body.errors[0]!.message).not.toContain('127.0.0.1');
  });

  it('a token without a provinces claim reads no province (fail closed)', async () => {
    const t = await token({ scope: 'read' });
    const res = await hub.gql<{ provinces: unknown[]; dossiers: { totalCount: number } }>(
      `{ provinces { code } dossiers { totalCount } }`,
      {},
      { headers: { authorization: `Bearer ${t}` } },
    );
    expect(res.data).toEqual({ provinces: [], dossiers: { totalCount: 0 } });
  });

  it('a token without the read scope reads nothing, and says which scope is missing', async () => {
    const t = await token({ scope: 'openid sync:read', lienthong: { provinces: '*' } });
    const res = await hub.gql(
      `{ dossiers(first: 1) { totalCount } }`,
      {},
      { headers: { authorization: `Bearer ${t}` } },
    );
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', scope: 'read' });
  });
});
