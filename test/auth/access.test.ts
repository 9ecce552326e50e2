import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore } from '../../src/auth/api-key-store.ts';
import { addressKey } from '../../src/auth/rate-limits.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/** What the "Done when" asks, through HTTP against real PostgreSQL: keys, scopes, provinces, masks, audit. */

type A = { type: string; name: string; idNumber: string | null; phone: string | null };
const applicant = 'applicant { type name idNumber phone }';

async function key(hub: TestHub, scopes: string[], provinces: string[] | null = null, expiresAt?: Date) {
  if (!expiresAt) return hub.key(scopes, provinces);
  const k = await apiKeyStore(hub.rt.hub).create({ name: 'expiring', scopes, provinces, expiresAt });
  return { id: k.id, secret: k.secret, headers: { authorization: `Bearer ${k.secret}` } };
}

const auditCount = async (hub: TestHub) =>
  Number(((await hub.rt.hub('audit_log').count({ n: '*' }).first()) as { n: string }).n);

/** The masks of the issue: initials only, last three digits. */
function expectNewMasks(a: A) {
  for (const word of a.name.split(' ')) expect(word).toMatch(/^\S\.$/u);
  if (a.idNumber) expect(a.idNumber).toMatch(/^\*+\d{3}$/);
  if (a.phone) expect(a.phone).toMatch(/^\*+\d{3}$/);
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '67'] });
});
afterAll(() => hub?.close());

/** A citizen applicant of province 40 with an identity number, straight from its database. */
async function someCitizen() {
  return (await hub.rt.sources
    .byCode('40')!
    .db('dossiers')
    .select('id', 'code', 'applicant_name', 'applicant_id_number', 'applicant_phone')
    .where('applicant_type', 'CITIZEN')
    .whereNotNull('applicant_id_number')
    .orderBy('id')
    .first()) as {
    id: number;
    code: string;
    applicant_name: string;
    applicant_id_number: string;
    applicant_phone: string | null;
  };
}

describe('personal data', () => {
  it('a pii:read key sees the real values, and each such answer leaves exactly one audit record', async () => {
    const k = await key(hub, ['read', 'pii:read']);
    const row = await someCitizen();
    const before = await auditCount(hub);
    const res = await hub.gql<{ dossier: { id: string; applicant: A } }>(
      `query ApplicantOfOne($code: String!) { dossier(code: $code) { id ${applicant} } }`,
      { code: row.code },
      { headers: k.headers },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.dossier.applicant).toMatchObject({
      name: row.applicant_name,
      idNumber: row.applicant_id_number,
      phone: row.applicant_phone,
    });
    expect(await auditCount(hub)).toBe(before + 1);
    const rec = (await hub.rt.hub('audit_log').orderBy('id', 'desc').first())!;
    expect(rec).toMatchObject({
      actor: `key:${k.id}`,
      action: 'pii:read',
      operation: 'ApplicantOfOne',
      dossiers: [res.data!.dossier.id],
      dossier_codes: [row.code],
      fields: row.applicant_phone
        ? ['Applicant.idNumber', 'Applicant.name', 'Applicant.phone']
        : ['Applicant.idNumber', 'Applicant.name'],
    });
    expect(rec.request_id).toEqual(expect.any(String));
    // never the values
    expect(JSON.stringify(rec)).not.toContain(row.applicant_id_number);
    expect(JSON.stringify(rec)).not.toContain(row.applicant_name);

    // a page of twenty: still one record, naming the twenty dossiers
    const page = await hub.gql<{ dossiers: { nodes: { id: string }[] } }>(
      `{ dossiers(first: 20) { nodes { id applicant { name } } } }`,
      {},
      { headers: k.headers },
    );
    expect(await auditCount(hub)).toBe(before + 2);
    const last = (await hub.rt.hub('audit_log').orderBy('id', 'desc').first()) as {
      dossiers: string[];
      fields: string[];
    };
    expect(last.dossiers.sort()).toEqual(page.data!.dossiers.nodes.map((n) => n.id).sort());
    expect(last.fields).toEqual(['Applicant.name']);

    // an auditor reads it back through the API, by dossier
    const auditor = await key(hub, ['audit:read']);
    const log = await hub.gql<{
      auditLog: { totalCount: number; nodes: { actor: string; operation: string; fields: string[] }[] };
    }>(
      `query($d: ID!) { auditLog(filter: { dossier: $d }) { totalCount nodes { actor operation fields } } }`,
      { d: res.data!.dossier.id },
      auditor,
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.auditLog.nodes).toContainEqual(
      expect.objectContaining({ actor: `key:${k.id}`, operation: 'ApplicantOfOne' }),
    );

    // an auditor limited to another province does not see it; one limited to this province does
    const recordsFor = async (provinces: string[]) =>
      (
        await hub.gql<{ auditLog: { totalCount: number } }>(
          `query($d: ID!) { auditLog(filter: { dossier: $d }) { totalCount } }`,
          { d: res.data!.dossier.id },
          await key(hub, ['audit:read'], provinces),
        )
      ).data!.auditLog.totalCount;
    expect(await recordsFor(['67'])).toBe(0);
    expect(await recordsFor(['40'])).toBe(log.data!.auditLog.totalCount);

    // a request reading two provinces shows up for each province's auditor, with that province's dossiers only
    const other = await hub.gql<{ dossiers: { nodes: { id: string }[] } }>(
      `{ dossiers(first: 1, filter: { provinces: ["67"] }) { nodes { id } } }`,
    );
    const d67 = other.data!.dossiers.nodes[0]!.id;
    await hub.gql(
      `query Mixed($a: ID!, $b: ID!) { a: dossier(id: $a) { applicant { name } } b: dossier(id: $b) { applicant { name } } }`,
      { a: res.data!.dossier.id, b: d67 },
      k,
    );
    const seenBy = async (province: string) =>
      (
        await hub.gql<{ auditLog: { nodes: { operation: string; dossiers: string[] }[] } }>(
          `{ auditLog(first: 1) { nodes { operation dossiers } } }`,
          {},
          await key(hub, ['audit:read'], [province]),
        )
      ).data!.auditLog.nodes[0];
    expect(await seenBy('40')).toEqual({ operation: 'Mixed', dossiers: [res.data!.dossier.id] });
    expect(await seenBy('67')).toEqual({ operation: 'Mixed', dossiers: [d67] });

    // (the Mixed request above wrote the third record) no applicant asked, or its type only: nothing recorded
    await hub.gql(
      `{ dossiers(first: 20) { nodes { code applicant { type } } } }`,
      {},
      { headers: k.headers },
    );
    expect(await auditCount(hub)).toBe(before + 3);
  });

  it.each([
    ['an anonymous caller', undefined],
    ['a read key', ['read']],
  ])('%s sees the new masks on every path and cannot find a dossier by applicant', async (_, scopes) => {
    const headers = scopes ? (await key(hub, scopes)).headers : {};
    const before = await auditCount(hub);
    const res = await hub.gql<Record<string, unknown>>(
      `{
        dossiers(first: 20) { nodes { ${applicant} } }
        units(first: 5, filter: { level: COMMUNE }) { nodes { dossiers(first: 5) { nodes { ${applicant} } } } }
        procedures(first: 5) { nodes { dossiers(first: 5) { nodes { ${applicant} } } } }
      }`,
      {},
      { headers },
    );
    expect(res.errors).toBeUndefined();
    const found: A[] = [];
    JSON.stringify(res.data, (k, v: unknown) => (k === 'applicant' && found.push(v as A), v));
    expect(found.length).toBeGreaterThan(20);
    found.forEach(expectNewMasks);
    expect(await auditCount(hub)).toBe(before);

    const row = await someCitizen();
    const count = (search: string) =>
      hub
        .gql<{ dossiers: { totalCount: number } }>(
          `query($s: String!) { dossiers(filter: { search: $s }) { totalCount } }`,
          { s: search },
          { headers },
        )
        .then((r) => r.data!.dossiers.totalCount);
    // the two oracles of the issue: the full name, and "<code> <name prefix>"
    expect(await count(row.applicant_name)).toBe(0);
    expect(await count(`${row.code} ${row.applicant_name.slice(0, 3)}`)).toBe(0);
    expect(await count(row.applicant_id_number)).toBe(0);
    // codes still work
    expect(await count(row.code)).toBe(1);
  });

  it('with pii:read, search finds a person by name or by whole identity number', async () => {
    const k = await key(hub, ['read', 'pii:read']);
    const row = await someCitizen();
    const codes = async (search: string) =>
      (
        await hub.gql<{ dossiers: { nodes: { code: string }[] } }>(
          `query($s: String!) { dossiers(first: 100, filter: { search: $s, provinces: ["40"] }) { nodes { code } } }`,
          { s: search },
          { headers: k.headers },
        )
      ).data!.dossiers.nodes.map((n) => n.code);
    const before = await auditCount(hub);
    expect(await codes(row.applicant_name)).toContain(row.code);
    expect(await codes(row.applicant_id_number)).toContain(row.code);
    // a search over applicants is itself audited: what it matched, even without applicant fields
    expect(await auditCount(hub)).toBe(before + 2);
    const rec = (await hub.rt.hub('audit_log').orderBy('id', 'desc').first())!;
    expect(rec.fields).toEqual(['DossierFilter.search']);
    expect(rec.dossier_codes).toContain(row.code);
    expect(JSON.stringify(rec)).not.toContain(row.applicant_id_number);
    // a bare count over applicants too, naming the provinces searched
    await hub.gql(
      `query($s: String!) { dossiers(first: 0, filter: { search: $s }) { totalCount } }`,
      { s: row.applicant_name },
      k,
    );
    expect(await auditCount(hub)).toBe(before + 3);
    const count = (await hub.rt.hub('audit_log').orderBy('id', 'desc').first())!;
    expect(count).toMatchObject({ fields: ['DossierFilter.search'], dossiers: [], provinces: ['40', '67'] });
    // part of a number is not a search for a number
    expect(await codes(row.applicant_id_number.slice(0, 8))).not.toContain(row.code);
  });

  it('fails closed: when the audit record cannot be written, no personal data leaves', async () => {
    const k = await key(hub, ['read', 'pii:read']);
    const row = await someCitizen();
    await hub.rt.hub.raw(`
      CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit store is down'; END $$;
      CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();`);
    try {
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...k.headers },
        body: JSON.stringify({ query: `{ dossier(code: "${row.code}") { code ${applicant} } }` }),
      });
      const text = await res.text();
      expect(res.status).toBe(503);
      expect(JSON.parse(text)).toEqual({
        data: null,
        errors: [{ message: expect.any(String), extensions: { code: 'AUDIT_UNAVAILABLE' } }],
      });
      expect(text).not.toContain(row.applicant_name);
      expect(text).not.toContain(row.applicant_id_number);
      expect(text).not.toContain('audit store is down');
      // masked reads do not need the audit log
      const masked = await hub.gql(`{ dossier(code: "${row.code}") { ${applicant} } }`);
      expect(masked.errors).toBeUndefined();
    } finally {
      await hub.rt.hub.raw(`DROP TRIGGER test_refuse_audit ON audit_log; DROP FUNCTION test_refuse_audit();`);
    }
  });
});

describe('scopes', () => {
  it.each([
    ['syncRuns', ['read'], `{ syncRuns(first: 1) { totalCount } }`, 'sync:read'],
    [
      'Procedure.portalStatus',
      ['read'],
      `{ procedures(first: 1) { nodes { portalStatus { status } } } }`,
      'sync:read',
    ],
    ['auditLog', ['read', 'pii:read'], `{ auditLog(first: 1) { totalCount } }`, 'audit:read'],
    ['dossiers', ['sync:read'], `{ dossiers(first: 1) { totalCount } }`, 'read'],
    ['provinces', ['audit:read'], `{ provinces { code } }`, 'read'],
  ])('%s without its scope is FORBIDDEN naming it', async (_, scopes, query, scope) => {
    const k = await key(hub, scopes);
    const res = await hub.gql(query, {}, { headers: k.headers });
    expect(res.status).toBe(200);
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`"${scope}"`),
        extensions: { code: 'FORBIDDEN', scope },
      }),
    ]);
  });

  it('a SyncRun id through node needs sync:read too', async () => {
    const reader = await key(hub, ['read']);
    const syncer = await key(hub, ['read', 'sync:read']);
    const id = Buffer.from('SyncRun:hub:1').toString('base64url');
    const res = await hub.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id },
      { headers: reader.headers },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'sync:read' });
    const ok = await hub.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { headers: syncer.headers });
    expect(ok.errors).toBeUndefined();
  });
});

describe('a key limited to some provinces', () => {
  it('never sees another province through any field', async () => {
    const k = await key(hub, ['read', 'sync:read'], ['40']);
    const res = await hub.gql<
      Record<string, { nodes?: { province: { code: string } }[]; totalCount?: number }>
    >(
      `{
        dossiers(first: 50) { totalCount nodes { province { code } } }
        units(first: 50) { totalCount nodes { province { code } } }
        procedures(first: 50) { totalCount nodes { province { code } } }
        documents(first: 50) { totalCount nodes { province { code } } }
        syncRuns(first: 50) { totalCount nodes { province { code } } }
      }`,
      {},
      { headers: k.headers },
    );
    expect(res.errors).toBeUndefined();
    const provincesSeen = new Set<string>();
    JSON.stringify(res.data, (key, v: unknown) => {
      if (key === 'province') provincesSeen.add((v as { code: string }).code);
      return v;
    });
    expect([...provincesSeen]).toEqual(['40']);
    const all = await hub.gql<{ dossiers: { totalCount: number } }>(`{ dossiers { totalCount } }`);
    const only40 = await hub.gql<{ dossiers: { totalCount: number } }>(
      `{ dossiers(filter: { provinces: ["40"] }) { totalCount } }`,
    );
    expect(res.data!.dossiers!.totalCount).toBe(only40.data!.dossiers.totalCount);
    expect(all.data!.dossiers.totalCount).toBeGreaterThan(only40.data!.dossiers.totalCount);

    const provinces = await hub.gql<{ provinces: { code: string }[] }>(`{ provinces { code } }`, {}, k);
    expect(provinces.data!.provinces.map((p) => p.code)).toEqual(['40']);
  });

  it('asking for another province is FORBIDDEN; ids and codes of another province resolve to null', async () => {
    const k = await key(hub, ['read', 'sync:read'], ['40']);
    for (const q of [
      `{ dossiers(filter: { provinces: ["67"] }) { totalCount } }`,
      `{ units(filter: { provinces: ["40", "67"] }) { totalCount } }`,
      `{ procedure(province: "67", nationalCode: "1.000001") { name } }`,
      `{ syncRuns(filter: { provinces: ["67"] }) { totalCount } }`,
    ]) {
      const res = await hub.gql(q, {}, k);
      expect(res.errors?.[0]?.extensions, q).toMatchObject({ code: 'FORBIDDEN', province: '67' });
    }
    // ids and codes taken from an unrestricted caller
    const other = await hub.gql<{
      dossiers: { nodes: { id: string; code: string }[] };
      units: { nodes: { id: string }[] };
    }>(
      `{ dossiers(first: 1, filter: { provinces: ["67"] }) { nodes { id code } }
         units(first: 1, filter: { provinces: ["67"] }) { nodes { id } } }`,
    );
    const d = other.data!.dossiers.nodes[0]!;
    const u = other.data!.units.nodes[0]!;
    const res = await hub.gql<Record<string, unknown>>(
      `query($d: ID!, $u: ID!, $code: String!) {
        a: node(id: $d) { id } b: nodes(ids: [$d, $u]) { id } c: dossier(id: $d) { id } e: dossier(code: $code) { id }
        f: unit(id: $u) { id } p: node(id: "${Buffer.from('Province:67:0').toString('base64url')}") { id }
      }`,
      { d: d.id, u: u.id, code: d.code },
      k,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: [null, null], c: null, e: null, f: null, p: null });
  });
});

describe('credentials', () => {
  const refused = async (authorization: string) => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    return {
      status: res.status,
      www: res.headers.get('www-authenticate'),
      body: (await res.json()) as { errors: { message: string; extensions: { code: string } }[] },
    };
  };

  it('revoked, expired, forged and malformed credentials are refused with 401', async () => {
    const revoked = await key(hub, ['read']);
    await apiKeyStore(hub.rt.hub).revoke(revoked.id, 'test');
    const expired = await key(hub, ['read'], null, new Date(Date.now() + 3_600_000));
    await hub.rt
      .hub('api_keys')
      .where('id', expired.id)
      .update({ expires_at: new Date(Date.now() - 1000) });
    const good = await key(hub, ['read']);
    const forged = good.secret.slice(0, -4) + (good.secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const cases: [string, string, RegExp][] = [
      ['revoked', `Bearer ${revoked.secret}`, /revoked/],
      ['expired', `Bearer ${expired.secret}`, /expired/],
      ['forged', `Bearer ${forged}`, /unknown API key/],
      [
        'an OIDC token on a hub without OIDC',
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
        /no identity-provider/,
      ],
      ['not Bearer', `Basic ${Buffer.from('a:b').toString('base64')}`, /Bearer/],
      ['garbage', 'Bearer %%%', /neither an API key/],
    ];
    for (const [name, header, reason] of cases) {
      const r = await refused(header);
      expect(r.status, name).toBe(401);
      expect(r.www, name).toMatch(/^Bearer realm="lienthong", error="invalid_token"/);
      expect(r.body.errors[0]!.extensions.code, name).toBe('UNAUTHENTICATED');
      expect(r.body.errors[0]!.message, name).toMatch(reason);
    }
    expect((await hub.gql(`{ provinces { code } }`, {}, good)).errors).toBeUndefined();
  });
});

describe('callers that are not on this machine', () => {
  // a reverse proxy on the same machine connects from loopback too, but says whom it forwards
  const PROXIED = { 'x-forwarded-for': '203.0.113.7' };
  const post = (query: string, headers: Record<string, string>) =>
    fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it.each([
    ['x-forwarded-for', PROXIED],
    ['forwarded', { forwarded: 'for=203.0.113.7;proto=https' }],
    ['x-real-ip', { 'x-real-ip': '203.0.113.7' }],
    ['via', { via: '1.1 nginx' }],
  ])(
    'anonymous through a proxy (%s) is 401 with WWW-Authenticate, introspection included',
    async (_, headers) => {
      for (const query of [
        '{ provinces { code } }',
        '{ __schema { queryType { name } } }',
        '{ __typename }',
      ]) {
        const res = await post(query, headers);
        expect(res.status, query).toBe(query === '{ __typename }' ? 200 : 401);
        if (res.status === 401) {
          expect(res.headers.get('www-authenticate')).toBe('Bearer realm="lienthong"');
          const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
          expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
        }
      }
      // the same query from this machine, and through the proxy with a key, are answered
      expect((await post('{ provinces { code } }', {})).status).toBe(200);
      const k = await key(hub, ['read']);
      expect((await post('{ provinces { code } }', { ...headers, ...k.headers })).status).toBe(200);
    },
  );

  it('/metrics needs metrics:read unless the caller is on this machine', async () => {
    const get = (headers: Record<string, string> = {}) =>
      fetch(`${hub.url}/metrics`, { headers }).then((r) => r.status);
    expect(await get()).toBe(200);
    expect(await get(PROXIED)).toBe(401);
    expect(await get({ ...PROXIED, ...(await key(hub, ['read'])).headers })).toBe(403);
    expect(await get({ ...PROXIED, ...(await key(hub, ['metrics:read'])).headers })).toBe(200);
  });

  it('a refused anonymous caller gets no schema spelled out in validation errors', async () => {
    const res = await post('{ dossierz auditLo }', PROXIED);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('Cannot query field');
    expect(text).not.toMatch(/Did you mean|"dossiers"|auditLog/);
  });

  it('ANONYMOUS_READ=true lets anonymous callers read from anywhere, false from nowhere', async () => {
    const open = await startTestHub({ provinces: ['96'], env: { ANONYMOUS_READ: 'true' } });
    const closed = await startTestHub({ provinces: ['96'], env: { ANONYMOUS_READ: 'false' } });
    try {
      const status = (h: TestHub, headers: Record<string, string>) =>
        fetch(`${h.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ provinces { code } }' }),
        }).then((r) => r.status);
      expect([await status(open, PROXIED), await status(open, {})]).toEqual([200, 200]);
      expect([await status(closed, PROXIED), await status(closed, {})]).toEqual([401, 401]);
    } finally {
      await open.close();
      await closed.close();
    }
  });
});

describe('addresses', () => {
  it.each([
    ['127.0.0.1', 'addr:127.0.0.1'],
    ['::ffff:203.0.113.7', 'addr:203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', 'addr6:2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', 'addr6:2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::9', 'addr6:2001:db8:1:2::/64'],
    ['2001:db8::1', 'addr6:2001:db8:0:0::/64'],
    ['::1', 'addr6:0:0:0:0::/64'],
  ])('%s draws on the budget of %s (IPv6 by /64)', (address, expected) => {
    expect(addressKey(address)).toBe(expected);
  });
});

describe('rate limits per caller', () => {
  let limited: TestHub;
  beforeAll(async () => {
    limited = await startTestHub({
      provinces: ['96'],
      env: { RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_COST: '300' },
    });
  });
  afterAll(() => limited?.close());

  it('the fourth request in a minute is 429 with Retry-After; another key has its own budget', async () => {
    const a = await key(limited, ['read']);
    const b = await key(limited, ['read']);
    const send = (headers: Record<string, string>) =>
      fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ provinces { code } }' }),
      });
    for (let i = 0; i < 3; i++) expect((await send(a.headers)).status).toBe(200);
    const over = await send(a.headers);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      ((await over.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('RATE_LIMITED');
    expect((await send(b.headers)).status).toBe(200);
  });

  it('cost per minute: operations are counted at their estimated cost, and past the budget it is 429', async () => {
    const k = await key(limited, ['read']);
    const query = `{ dossiers(first: 20) { nodes { code } } }`;
    const first = await limited.gql(query, {}, { ...k, debugSql: true });
    const cost = (first.extensions as { cost: { estimated: number } }).cost.estimated;
    // RATE_LIMIT_COST is 300: two of these fit in the minute, the third does not
    expect(Math.floor(300 / cost)).toBe(2);
    expect(first.status).toBe(200);
    expect((await limited.gql(query, {}, k)).status).toBe(200);
    const over = await limited.gql(query, {}, k);
    expect(over.status).toBe(429);
    expect(over.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(over.errors?.[0]?.message).toMatch(/cost units/);
  });

  it('failed authentications have their own budget; once spent, even a right key from that address waits', async () => {
    const good = await key(limited, ['read']);
    const status = (authorization: string) =>
      fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ provinces { code } }' }),
      }).then((r) => r.status);
    const wrong = () => `Bearer lthub_${'x'.repeat(43)}`;
    expect([await status(wrong()), await status(wrong()), await status(wrong())]).toEqual([401, 401, 401]);
    expect(await status(wrong())).toBe(429);
    // the address is refused before its credential is looked at: a right guess looks like a wrong one
    expect(await status(`Bearer ${good.secret}`)).toBe(429);
  });
});
