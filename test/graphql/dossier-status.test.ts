import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/**
 * `dossierStatus`, the public lookup for chatbots: the six public fields for a code and the right last four
 * digits, and one answer (same bytes, same SQL) for an unknown code and for wrong digits.
 */
const LOOKUP = `query($code: String!, $last4: String!) {
  dossierStatus(code: $code, idNumberLast4: $last4) { code status procedureName receivingUnitName dueAt timeliness }
}`;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** POST /graphql with node:http, so a test can pick the client's source address (any 127.x is loopback). */
function post(
  hub: TestHub,
  variables: Record<string, unknown>,
  opts: { localAddress?: string; debugSql?: boolean; query?: string } = {},
): Promise<Raw> {
  const body = JSON.stringify({ query: opts.query ?? LOOKUP, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${hub.url}/graphql`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(opts.debugSql ? { 'x-lienthong-debug': 'sql' } : {}),
        },
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Body {
  data?: { dossierStatus: Record<string, unknown> | null } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: { sqlStatements?: { total: number; bySource: Record<string, number> } };
}
const parse = (r: Raw) => JSON.parse(r.text) as Body;

interface Applicant {
  id: number;
  code: string;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
}

/** A citizen's dossier of the province, read from its database: what the answer must never contain. */
async function citizenDossier(hub: TestHub, province: string, offset = 0): Promise<Applicant> {
  return (await hub.rt.sources
    .byCode(province)!
    .db('dossiers')
    .select(
      'id',
      'code',
      'applicant_name',
      'applicant_id_number',
      'applicant_phone',
      'applicant_email',
      'applicant_address',
    )
    .where('applicant_type', 'CITIZEN')
    .whereNotNull('applicant_id_number')
    .whereNotNull('applicant_phone')
    .whereNotNull('due_at')
    .orderBy('id')
    .offset(offset)
    .first()) as Applicant;
}

const last4 = (id: string) => id.slice(-4);
const otherDigits = (digits: string) => String((Number(digits) + 1) % 10_000).padStart(4, '0');
const UNKNOWN_CODE = '000.00.00.H12-990101-9999';

describe('dossierStatus on a hub that enables it', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({
      provinces: ['40', '96'],
      env: { PUBLIC_STATUS_LOOKUP: 'true', PUBLIC_STATUS_PER_MINUTE: '1000' },
    });
  });
  afterAll(() => hub?.close());

  it('the type holds the six public fields and nothing else', async () => {
    const res = await hub.gql<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "DossierStatusLookup") { fields { name } } }`,
    );
    expect(res.data!.__type.fields.map((f) => f.name).sort()).toEqual(
      ['code', 'dueAt', 'procedureName', 'receivingUnitName', 'status', 'timeliness'].sort(),
    );
  });

  it('the right code and digits answer the six fields, and nothing of the applicant', async () => {
    const d = await citizenDossier(hub, '96');
    const expected = (await hub.rt.sources
      .byCode('96')!
      .db('dossiers as d')
      .join('procedures as p', 'p.id', 'd.procedure_id')
      .join('units as u', 'u.id', 'd.receiving_unit_id')
      .select({ procedureName: 'p.name', unitName: 'u.name', dueAt: 'd.due_at', status: 'd.status' })
      .where('d.id', d.id)
      .first()) as { procedureName: string; unitName: string; dueAt: Date; status: number };

    // surrounding spaces are trimmed
    const raw = await post(hub, { code: ` ${d.code} `, last4: last4(d.applicant_id_number) });
    expect(raw.status).toBe(200);
    const body = parse(raw);
    expect(body.errors).toBeUndefined();
    const found = body.data!.dossierStatus!;
    expect(Object.keys(found).sort()).toEqual(
      ['code', 'dueAt', 'procedureName', 'receivingUnitName', 'status', 'timeliness'].sort(),
    );
    expect(found).toMatchObject({
      code: d.code,
      procedureName: expected.procedureName,
      receivingUnitName: expected.unitName,
      dueAt: expected.dueAt.toISOString(),
    });
    expect(found.status).toMatch(/^[A-Z_]+$/);
    expect(['EARLY', 'ON_TIME', 'LATE', 'PENDING', 'OVERDUE', 'NOT_COUNTED']).toContain(found.timeliness);

    // the same dossier through the full API agrees on status and timeliness
    const full = await hub.gql<{ dossier: { status: string; timeliness: string } }>(
      `query($c: String!) { dossier(code: $c) { status timeliness } }`,
      { c: d.code },
    );
    expect(full.data!.dossier).toEqual({ status: found.status, timeliness: found.timeliness });

    for (const secret of [
      d.applicant_name,
      d.applicant_id_number,
      d.applicant_phone,
      d.applicant_email,
      d.applicant_address,
    ]) {
      if (secret) expect(raw.text).not.toContain(secret);
    }
    // not even part of the name (each word of three letters or more)
    for (const word of d.applicant_name.split(' ').filter((w) => w.length >= 3))
      expect(raw.text).not.toContain(word);
  });

  it('an earlier code of a dossier (its alias) finds it, answered with its current code', async () => {
    const db = hub.rt.sources.byCode('40')!.db;
    const alias = (await db('dossier_code_aliases as a')
      .join('dossiers as d', 'd.id', 'a.dossier_id')
      .select('a.alias', 'd.code', 'd.applicant_id_number')
      .whereNotNull('d.applicant_id_number')
      .orderBy('a.alias')
      .first()) as { alias: string; code: string; applicant_id_number: string };
    expect(alias).toBeDefined();
    const body = parse(await post(hub, { code: alias.alias, last4: last4(alias.applicant_id_number) }));
    expect(body.errors).toBeUndefined();
    expect(body.data!.dossierStatus!.code).toBe(alias.code);
  });

  it('wrong digits and an unknown code give the same bytes, and the same SQL as a match', async () => {
    const d = await citizenDossier(hub, '96', 1);
    const right = last4(d.applicant_id_number);
    const wrong = otherDigits(right);

    const wrongDigits = await post(hub, { code: d.code, last4: wrong });
    const unknownCode = await post(hub, { code: UNKNOWN_CODE, last4: right });
    expect(wrongDigits.status).toBe(200);
    expect(unknownCode.status).toBe(200);
    expect(wrongDigits.text).toBe('{"data":{"dossierStatus":null}}');
    expect(Buffer.from(unknownCode.text)).toEqual(Buffer.from(wrongDigits.text));

    // with the statement count: still byte-identical, and a match costs the same statements
    const [a, b, match] = await Promise.all([
      post(hub, { code: d.code, last4: wrong }, { debugSql: true }),
      post(hub, { code: UNKNOWN_CODE, last4: right }, { debugSql: true }),
      post(hub, { code: d.code, last4: right }, { debugSql: true }),
    ]);
    expect(a.text).toBe(b.text);
    const sql = parse(a).extensions!.sqlStatements!;
    // one statement per province the caller may read, whatever the outcome
    expect(sql).toEqual({ total: 2, bySource: { '40': 1, '96': 1 } });
    expect(parse(match).data!.dossierStatus).not.toBeNull();
    expect(parse(match).extensions!.sqlStatements).toEqual(sql);
  });

  it('after five misses in an hour a code answers null even to the right digits, from any address', async () => {
    const d = await citizenDossier(hub, '96', 3);
    const right = last4(d.applicant_id_number);
    const found = await post(hub, { code: d.code, last4: right });
    expect(parse(found).data!.dossierStatus).not.toBeNull();
    // the digits a masked view does not show, tried one by one (the mask shows the last three)
    for (let i = 0; i < 5; i++) {
      const guess = `${(Number(right[0]) + 1 + i) % 10}${right.slice(1)}`;
      expect((await post(hub, { code: d.code, last4: guess })).text).toBe('{"data":{"dossierStatus":null}}');
    }
    expect((await post(hub, { code: d.code, last4: right })).text).toBe('{"data":{"dossierStatus":null}}');
  });

  it('a dossier without an identity number never matches', async () => {
    const db = hub.rt.sources.byCode('96')!.db;
    const d = await citizenDossier(hub, '96', 2);
    await db('dossiers').where('id', d.id).update({ applicant_id_number: null });
    const miss = await post(hub, { code: UNKNOWN_CODE, last4: '0000' });
    for (const digits of ['0000', last4(d.applicant_id_number), '9999']) {
      const res = await post(hub, { code: d.code, last4: digits });
      expect(res.text).toBe(miss.text);
    }
  });

  it.each([
    ['empty code', '', '1234', 'code'],
    ['blank code', '   ', '1234', 'code'],
    ['65-character code', 'A'.repeat(65), '1234', 'code'],
    ['code with a space', '000.17.22.H41 250531-0001', '1234', 'code'],
    ['code with a quote', "000.17.22.H41-250531-0001'", '1234', 'code'],
    ['code with a double quote', '"000.17.22.H41-250531-0001"', '1234', 'code'],
    ['code with %', '000.17.22.H41-2505%', '1234', 'code'],
    ['code with a Vietnamese letter', 'Hồ-sơ-0001', '1234', 'code'],
    ['last4 with a letter', '000.17.22.H41-250531-0001', '12a4', 'idNumberLast4'],
    ['last4 too short', '000.17.22.H41-250531-0001', '123', 'idNumberLast4'],
    ['last4 too long', '000.17.22.H41-250531-0001', '12345', 'idNumberLast4'],
    ['last4 empty', '000.17.22.H41-250531-0001', '', 'idNumberLast4'],
    ['last4 with spaces', '000.17.22.H41-250531-0001', ' 123', 'idNumberLast4'],
    ['last4 in full-width digits', '000.17.22.H41-250531-0001', '１２３４', 'idNumberLast4'],
    ['last4 in Arabic-Indic digits', '000.17.22.H41-250531-0001', '١٢٣٤', 'idNumberLast4'],
  ])('%s: BAD_USER_INPUT naming the argument, before any SQL', async (_, code, digits, argument) => {
    const body = parse(await post(hub, { code, last4: digits }, { debugSql: true }));
    expect(body.data!.dossierStatus).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors![0]!.message).toContain(`"${argument}"`);
    expect(body.extensions!.sqlStatements!.total).toBe(0);
  });
});

describe('dossierStatus on a hub that does not enable it', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ provinces: ['96'] });
  });
  afterAll(() => hub?.close());

  it('is FORBIDDEN by default, before input checks and SQL', async () => {
    const d = await citizenDossier(hub, '96');
    for (const vars of [
      { code: d.code, last4: last4(d.applicant_id_number) },
      { code: '', last4: 'x' },
    ]) {
      const body = parse(await post(hub, vars, { debugSql: true }));
      expect(body.data!.dossierStatus).toBeNull();
      expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(body.errors![0]!.message).toBe(
        'the public status lookup is disabled on this hub (PUBLIC_STATUS_LOOKUP)',
      );
      expect(body.extensions!.sqlStatements!.total).toBe(0);
    }
  });
});

describe('dossierStatus rate limit per client address', () => {
  let hub: TestHub;
  beforeAll(async () => {
    // callers without credentials may not read anything else here, yet the public lookup answers them
    hub = await startTestHub({
      provinces: ['96'],
      env: { PUBLIC_STATUS_LOOKUP: 'true', PUBLIC_STATUS_PER_MINUTE: '3', ANONYMOUS_READ: 'false' },
    });
  });
  afterAll(() => hub?.close());

  it('the 4th lookup from one address in a minute is RATE_LIMITED (429, Retry-After); other addresses go on', async () => {
    const d = await citizenDossier(hub, '96');
    const vars = { code: d.code, last4: last4(d.applicant_id_number) };
    // input refused before the limiter takes a lookup
    const bad = parse(await post(hub, { code: d.code, last4: 'abcd' }, { localAddress: '127.0.0.1' }));
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

    for (let n = 1; n <= 3; n++) {
      const ok = await post(hub, n === 2 ? { ...vars, last4: otherDigits(vars.last4) } : vars, {
        localAddress: '127.0.0.1',
      });
      expect(ok.status, ok.text).toBe(200);
      expect(parse(ok).errors).toBeUndefined();
    }
    const limited = await post(hub, vars, { localAddress: '127.0.0.1', debugSql: true });
    expect(limited.status).toBe(429);
    const body = parse(limited);
    expect(body.data!.dossierStatus).toBeNull();
    const ext = body.errors![0]!.extensions!;
    expect(ext.code).toBe('RATE_LIMITED');
    expect(typeof ext.retryAfterSeconds).toBe('number');
    expect(ext.retryAfterSeconds as number).toBeGreaterThan(0);
    expect(ext.retryAfterSeconds as number).toBeLessThanOrEqual(60);
    expect(limited.headers['retry-after']).toBe(String(ext.retryAfterSeconds));
    // refused before any SQL
    expect(body.extensions!.sqlStatements!.total).toBe(0);
    // nothing of the dossier in a refusal
    expect(limited.text).not.toContain(d.code);

    // another address has its own budget
    const other = await post(hub, vars, { localAddress: '127.0.0.2' });
    expect(other.status).toBe(200);
    expect(parse(other).data!.dossierStatus!.code).toBe(d.code);
  });

  it('every lookup of a request counts, aliased fields included', async () => {
    const d = await citizenDossier(hub, '96');
    const res = await post(
      hub,
      { code: d.code, last4: last4(d.applicant_id_number) },
      {
        localAddress: '127.0.0.3',
        query: `query($code: String!, $last4: String!) {
          a: dossierStatus(code: $code, idNumberLast4: $last4) { status }
          b: dossierStatus(code: $code, idNumberLast4: $last4) { status }
          c: dossierStatus(code: $code, idNumberLast4: $last4) { status }
          d: dossierStatus(code: $code, idNumberLast4: $last4) { status }
        }`,
      },
    );
    const body = JSON.parse(res.text) as {
      data: Record<string, unknown>;
      errors?: { extensions: { code: string } }[];
    };
    expect(Object.values(body.data).filter((v) => v !== null)).toHaveLength(3);
    expect(body.errors!.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(res.status).toBe(429);
  });
});
