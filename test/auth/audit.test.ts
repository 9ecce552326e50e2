import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { withStatementTally } from '../../src/db/statement-counter.ts';
import { encodeId } from '../../src/graphql/ids.ts';
import { cursorKeyFrom, withCursorKey } from '../../src/graphql/pagination.ts';
import type { Viewer } from '../../src/graphql/viewer.ts';
import { auditStore, AUDIT_ORDER, type AuditListFilter } from '../../src/modules/audit/audit-store.ts';
import { createContext } from '../../src/server/context.ts';
import { buildSchema } from '../../src/server/schema.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

// The schema is built by @graphql-tools, which Node hands graphql's CommonJS copy; vitest would give this file
// the ESM copy, and graphql refuses a schema made by another copy. Execute with the schema's own.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/**
 * The audit trail of personal data: the store (append, filters, keyset pages), the append-only table,
 * `Query.auditLog` executed over the schema with an `audit:read` viewer, and `lienthong audit`.
 */

const PROVINCE = '17';
const dossierId = (n: number) => encodeId('Dossier', PROVINCE, n);
const dossierCode = (n: number) => `000.00.17.H43-240305-${String(n).padStart(4, '0')}`;

interface Fixture {
  /** UTC, to the microsecond. */
  at: string;
  actor: string;
  operation: string | null;
  dossiers: number[];
  fields: string[];
}

const NAME = ['Applicant.name'];
const ALL = ['Applicant.name', 'Applicant.idNumber', 'Applicant.phone'];
const TIE = '2024-03-05T01:02:03.456789Z'; // 08:02:03.456789 in UTC+7
/** Inserted in this order, which is not the order of their times (ids and times disagree on purpose). */
const FIXTURES: Fixture[] = [
  { at: TIE, actor: 'key:901', operation: 'Tie0', dossiers: [4], fields: NAME },
  { at: '2024-03-03T10:00:00.000001Z', actor: 'key:901', operation: 'Early', dossiers: [1, 2], fields: NAME },
  {
    at: '2024-03-06T05:00:00.500001Z',
    actor: 'oidc:nguyen.van.a',
    operation: null,
    dossiers: [1],
    fields: ALL,
  },
  // the last microsecond of 4 March in UTC+7, then the first of 5 March
  { at: '2024-03-04T16:59:59.999999Z', actor: 'key:901', operation: null, dossiers: [2], fields: ALL },
  { at: '2024-03-04T17:00:00.000000Z', actor: 'key:902', operation: 'Midnight', dossiers: [3], fields: NAME },
  { at: TIE, actor: 'oidc:nguyen.van.a', operation: 'Tie1', dossiers: [1, 4], fields: NAME },
  { at: TIE, actor: 'key:902', operation: 'Tie2', dossiers: [5, 6, 7, 8, 9], fields: ALL },
  { at: TIE, actor: 'key:901', operation: 'Tie3', dossiers: [4], fields: NAME },
  { at: '2024-03-06T05:00:00.500000Z', actor: 'key:902', operation: 'SameMs', dossiers: [10], fields: NAME },
  { at: TIE, actor: 'key:902', operation: 'Tie4', dossiers: [1], fields: NAME },
  { at: TIE, actor: 'oidc:nguyen.van.a', operation: 'Tie5', dossiers: [11], fields: ALL },
  { at: '2024-03-05T16:59:59.000000Z', actor: 'key:901', operation: 'Late', dossiers: [12, 1], fields: NAME },
];

interface Inserted extends Fixture {
  id: number;
  requestId: string;
}
let rows: Inserted[] = [];
/** The record the append test writes (stamped now, so newer than every fixture). */
let appendedId: number | undefined;
const fixture = (id: number) => id !== appendedId;

/** The day of an instant in UTC+7. */
const vnDay = (at: string) =>
  new Date(Date.parse(at.slice(0, 23) + 'Z') + 7 * 3_600_000).toISOString().slice(0, 10);
/** Newest first, ties by id: the order of every audit list. */
const newestFirst = (list: Inserted[]) =>
  [...list].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
const expected = (keep: (r: Inserted) => boolean) => newestFirst(rows.filter(keep)).map((r) => r.id);

let hub: TestHub;
let schema: GraphQLSchema;
const cursorKey = cursorKeyFrom('audit test secret');

beforeAll(async () => {
  hub = await startTestHub({ provinces: [PROVINCE] });
  schema = buildSchema();
  rows = [];
  for (const [i, f] of FIXTURES.entries()) {
    const requestId = `req-${String(i).padStart(2, '0')}`;
    const result = (await hub.rt.hub.raw(
      `INSERT INTO audit_log (at, actor, action, request_id, operation, dossiers, dossier_codes, fields)
       VALUES (?::timestamptz, ?, 'pii:read', ?, ?, ?::text[], ?::text[], ?::text[]) RETURNING id`,
      [
        f.at,
        f.actor,
        requestId,
        f.operation,
        f.dossiers.map(dossierId),
        f.dossiers.map(dossierCode),
        f.fields,
      ],
    )) as { rows: { id: number }[] };
    rows.push({ ...f, id: result.rows[0]!.id, requestId });
  }
});
afterAll(() => hub?.close());

const viewer = (scopes: string[]): Viewer => ({
  id: 'key:1',
  kind: 'api-key',
  scopes: new Set(scopes),
  provinces: null,
});
const AUDITOR = viewer(['read', 'audit:read']);

/** Executes an operation over the schema as the route would (context, cursor key), counting its SQL. */
async function run<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  as: Viewer = AUDITOR,
): Promise<ExecutionResult<T> & { statements: number }> {
  const contextValue = createContext(hub.rt, 'audit-test', as, '127.0.0.1');
  const { tally, result } = withStatementTally(() =>
    withCursorKey(cursorKey, () =>
      execute({ schema, document: parse(query), variableValues: variables, contextValue }),
    ),
  );
  const res = (await result) as ExecutionResult<T>;
  return { ...res, statements: tally.total };
}

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  nodes: {
    id: string;
    at: string;
    actor: string;
    action: string;
    requestId: string | null;
    operation: string | null;
    dossiers: string[];
    dossierCodes: string[];
    fields: string[];
  }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const PAGE = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    nodes { id at actor action requestId operation dossiers dossierCodes fields }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

/** Every page of auditLog under a filter: the ids in order, checking each page's cursors and flags. */
async function walk(filter: Record<string, unknown> | null, first: number) {
  const seen: number[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 100; i++) {
    const res: ExecutionResult<{ auditLog: Page }> = await run<{ auditLog: Page }>(PAGE, {
      filter,
      first,
      after,
    });
    expect(res.errors).toBeUndefined();
    const page: Page = res.data!.auditLog;
    total = page.totalCount;
    expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...page.nodes.map((n) => Number(n.id)));
    if (!page.pageInfo.hasNextPage) break;
    expect(page.nodes).toHaveLength(first);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    after = page.pageInfo.endCursor;
  }
  return { seen, total };
}

describe('audit store', () => {
  it('append writes one record: who, request, operation, dossiers and fields, stamped by the database', async () => {
    const store = auditStore(hub.rt.hub);
    const before = Date.now();
    const { tally, result } = withStatementTally(() =>
      store.append({
        actor: 'key:append',
        action: 'pii:read',
        requestId: 'req-append',
        operation: 'DossierDetail',
        dossiers: [dossierId(77), dossierId(78)],
        dossierCodes: [dossierCode(77), dossierCode(78)],
        fields: ['Applicant.name', 'Applicant.phone'],
        provinces: ['40'],
      }),
    );
    await result;
    expect(tally.total).toBe(1);
    const written = await hub.rt.hub('audit_log').where({ actor: 'key:append' });
    expect(written).toHaveLength(1);
    appendedId = written[0]!.id;
    expect(written[0]).toMatchObject({
      action: 'pii:read',
      request_id: 'req-append',
      operation: 'DossierDetail',
      dossiers: [dossierId(77), dossierId(78)],
      dossier_codes: [dossierCode(77), dossierCode(78)],
      fields: ['Applicant.name', 'Applicant.phone'],
      detail: {},
    });
    expect(written[0]!.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(written[0]!.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    const listed = await store.list(
      { actor: 'key:append' },
      { spec: AUDIT_ORDER, from: undefined, limit: 10 },
    );
    expect(listed.map((r) => r.entity)).toEqual([
      {
        id: written[0]!.id,
        at: written[0]!.at,
        actor: 'key:append',
        action: 'pii:read',
        requestId: 'req-append',
        operation: 'DossierDetail',
        dossiers: [dossierId(77), dossierId(78)],
        dossierCodes: [dossierCode(77), dossierCode(78)],
        fields: ['Applicant.name', 'Applicant.phone'],
      },
    ]);
    expect(await store.count({ actor: 'key:append' })).toBe(1);
  });

  it.each<[string, AuditListFilter, (r: Inserted) => boolean]>([
    ['no filter', {}, () => true],
    ['actor', { actor: 'key:901' }, (r) => r.actor === 'key:901'],
    ['actor, exactly', { actor: 'key:90' }, () => false],
    ['dossier id', { dossier: dossierId(1) }, (r) => r.dossiers.includes(1)],
    ['dossier code', { dossierCode: dossierCode(4) }, (r) => r.dossiers.includes(4)],
    ['from day (UTC+7)', { fromDate: '2024-03-05' }, (r) => vnDay(r.at) >= '2024-03-05'],
    ['to day (UTC+7)', { toDate: '2024-03-04' }, (r) => vnDay(r.at) <= '2024-03-04'],
    ['one day', { fromDate: '2024-03-05', toDate: '2024-03-05' }, (r) => vnDay(r.at) === '2024-03-05'],
    ['since an instant', { since: new Date('2024-03-05T01:02:03.456Z') }, (r) => r.at >= TIE],
    ['before an instant', { before: new Date('2024-03-05T01:02:03.456Z') }, (r) => r.at < TIE],
    [
      'actor, dossier and period',
      { actor: 'key:901', dossier: dossierId(4), fromDate: '2024-03-05', toDate: '2024-03-05' },
      (r) => r.actor === 'key:901' && r.dossiers.includes(4) && vnDay(r.at) === '2024-03-05',
    ],
  ])('list and count by %s', async (_, filter, keep) => {
    const store = auditStore(hub.rt.hub);
    const listed = await store.list(filter, { spec: AUDIT_ORDER, from: undefined, limit: 100 });
    expect(listed.map((r) => r.id).filter(fixture)).toEqual(expected(keep));
    expect(await store.count(filter)).toBe(listed.length);
  });

  it('the hub connects as a superuser, and PostgreSQL still refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = hub.rt.hub;
    const role = (await db.raw('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')) as {
      rows: { rolsuper: boolean }[];
    };
    expect(role.rows[0]!.rolsuper).toBe(true);
    const count = async () => Number(((await db('audit_log').count({ n: '*' }).first()) as { n: number }).n);
    const n = await count();
    const target = rows[0]!.id;
    const refused = (op: string) => ({
      code: '42501',
      message: expect.stringContaining(`audit_log is append-only (${op} refused)`) as unknown,
    });
    await expect(
      db('audit_log').where({ id: target }).update({ actor: 'someone else' }),
    ).rejects.toMatchObject(refused('UPDATE'));
    await expect(db.raw(`UPDATE audit_log SET fields = '{}'`)).rejects.toMatchObject(refused('UPDATE'));
    await expect(db('audit_log').where({ id: target }).del()).rejects.toMatchObject(refused('DELETE'));
    await expect(db.raw('DELETE FROM audit_log')).rejects.toMatchObject(refused('DELETE'));
    await expect(db.raw('TRUNCATE audit_log')).rejects.toMatchObject(refused('TRUNCATE'));
    await expect(db.raw('TRUNCATE audit_log RESTART IDENTITY CASCADE')).rejects.toMatchObject(
      refused('TRUNCATE'),
    );
    expect(await count()).toBe(n);
    expect(await db('audit_log').where({ id: target }).first('actor')).toEqual({ actor: rows[0]!.actor });
  });
});

describe('Query.auditLog', () => {
  it('pages newest first: each cursor continues where the page ended, no record twice', async () => {
    for (const first of [1, 2, 5]) {
      const { seen, total } = await walk({ actor: 'key:901' }, first);
      expect(seen).toEqual(expected((r) => r.actor === 'key:901'));
      expect(total).toBe(seen.length);
    }
    // one record a page, the two of one millisecond (500000 and 500001 µs) on pages of their own
    const single = await walk(null, 1);
    expect(single.seen.filter(fixture)).toEqual(expected(() => true));
    expect(new Set(single.seen).size).toBe(single.seen.length);
    // the six records of one microsecond, split across pages by id
    const ties = await walk({ from: '2024-03-05', to: '2024-03-05' }, 4);
    expect(ties.seen).toEqual(expected((r) => vnDay(r.at) === '2024-03-05'));
    expect(new Set(ties.seen).size).toBe(ties.seen.length);
  });

  it.each<[string, Record<string, unknown> | null, (r: Inserted) => boolean]>([
    ['no filter', null, () => true],
    ['actor', { actor: 'oidc:nguyen.van.a' }, (r) => r.actor === 'oidc:nguyen.van.a'],
    ['dossier', { dossier: dossierId(1) }, (r) => r.dossiers.includes(1)],
    ['from', { from: '2024-03-05' }, (r) => vnDay(r.at) >= '2024-03-05'],
    ['to (inclusive, UTC+7)', { to: '2024-03-04' }, (r) => vnDay(r.at) <= '2024-03-04'],
    ['from and to', { from: '2024-03-05', to: '2024-03-05' }, (r) => vnDay(r.at) === '2024-03-05'],
    [
      'actor and dossier',
      { actor: 'key:902', dossier: dossierId(1) },
      (r) => r.actor === 'key:902' && r.dossiers.includes(1),
    ],
  ])('filters by %s', async (_, filter, keep) => {
    const { seen, total } = await walk(filter, 3);
    expect(seen.filter(fixture)).toEqual(expected(keep));
    expect(total).toBe(seen.length);
    // the record appended above is the newest of all
    if (filter === null && appendedId !== undefined) expect(seen[0]).toBe(appendedId);
  });

  it('shows each record as stored: ids and codes of the dossiers, fields, never values', async () => {
    const res = await run<{ auditLog: Page }>(PAGE, { filter: { actor: 'key:902', dossier: dossierId(5) } });
    expect(res.errors).toBeUndefined();
    const r = rows.find((x) => x.operation === 'Tie2')!;
    expect(res.data!.auditLog.nodes).toEqual([
      {
        id: String(r.id),
        at: '2024-03-05T01:02:03.456Z',
        actor: 'key:902',
        action: 'pii:read',
        requestId: r.requestId,
        operation: 'Tie2',
        dossiers: [5, 6, 7, 8, 9].map(dossierId),
        dossierCodes: [5, 6, 7, 8, 9].map(dossierCode),
        fields: ALL,
      },
    ]);
    // a non-canonical spelling of the same id finds the same records
    const padded = Buffer.from(`Dossier:${PROVINCE}:005`).toString('base64url');
    const again = await run<{ auditLog: Page }>(PAGE, { filter: { dossier: padded } });
    expect(again.data!.auditLog.nodes.map((n) => n.id)).toEqual([String(r.id)]);
  });

  it.each<[string, string, Record<string, unknown>, string | undefined, RegExp]>([
    [
      'a malformed dossier id',
      PAGE,
      { filter: { dossier: 'not an id' } },
      'filter.dossier',
      /not a valid id/,
    ],
    [
      'another type’s id',
      PAGE,
      { filter: { dossier: encodeId('Unit', PROVINCE, 3) } },
      'filter.dossier',
      /must be a Dossier id, got a Unit id/,
    ],
    [
      'an empty period',
      PAGE,
      { filter: { from: '2024-03-06', to: '2024-03-05' } },
      'filter.from',
      /filter.from 2024-03-06 is after filter.to 2024-03-05/,
    ],
    ['a blank actor', PAGE, { filter: { actor: ' ' } }, 'filter.actor', /must not be empty/],
    ['a huge actor', PAGE, { filter: { actor: 'k'.repeat(301) } }, 'filter.actor', /too long/],
    ['a page over 500', PAGE, { first: 501 }, 'first', /between 0 and 500/],
    ['a negative page', PAGE, { first: -1 }, 'first', /between 0 and 500/],
    ['a forged cursor', PAGE, { after: 'eyJrIjoiYSJ9.' + 'A'.repeat(43) }, 'after', /not a valid cursor/],
    ['a day that does not exist', PAGE, { filter: { from: '2024-02-30' } }, undefined, /does not exist/],
  ])('refuses %s with BAD_USER_INPUT before any SQL', async (_, query, variables, argument, message) => {
    const res = await run(query, variables);
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.message).toMatch(message);
    if (argument) expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(res.statements).toBe(0);
  });

  it('a cursor of another list is refused', async () => {
    const dossiers = await run<{ dossiers: { pageInfo: { endCursor: string } } }>(
      '{ dossiers(first: 1) { pageInfo { endCursor } } }',
    );
    const res = await run(PAGE, { after: dossiers.data!.dossiers.pageInfo.endCursor });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(res.errors![0]!.message).toMatch(/cursor for another ordering/);
  });

  it('first: 0 reads no rows but still counts', async () => {
    const res = await run<{ auditLog: Page }>(PAGE, { first: 0, filter: { actor: 'key:901' } });
    expect(res.data!.auditLog).toMatchObject({
      totalCount: expected((r) => r.actor === 'key:901').length,
      nodes: [],
      pageInfo: { hasNextPage: false },
    });
    expect(res.statements).toBe(1);
  });

  it('without audit:read the log stays closed: FORBIDDEN naming the scope, no SQL', async () => {
    for (const scopes of [['read'], ['read', 'pii:read', 'sync:read']]) {
      const res = await run(PAGE, {}, viewer(scopes));
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'audit:read' });
      expect(res.statements).toBe(0);
    }
  });

  it('over HTTP, an anonymous caller gets FORBIDDEN', async () => {
    const res = await hub.gql('{ auditLog { totalCount nodes { id } } }');
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'audit:read' });
  });

  it('is priced like syncRuns: 1 + page size × what each record selects', async () => {
    const cost = async (query: string) => {
      const res = await hub.gql(query, {}, { debugSql: true });
      return (res.extensions as { cost?: { estimated: number } } | undefined)?.cost?.estimated;
    };
    const audit = await cost('{ auditLog(first: 50) { totalCount nodes { id actor } } }');
    const sync = await cost('{ syncRuns(first: 50) { totalCount nodes { id status } } }');
    // a page, plus COUNT_COST (100) for the count in the one database it reads
    expect(audit).toBe(1 + 50 * (2 + 2) + 100);
    expect(audit).toBe(sync);
    expect(await cost('{ auditLog { nodes { id } } }')).toBe(1 + 20 * 3);
  });

  it('every type, field and argument of the audit API has a description, and the field needs audit:read', async () => {
    const res = await hub.gql<{
      types: { name: string; description: string | null }[];
    }>(`{
      types: __schema { types { name description fields { name description args { name description } } inputFields { name description } } }
      query: __type(name: "Query") { fields { name description args { name description } } }
    }`);
    expect(res.errors).toBeUndefined();
    type Described = { name: string; description: string | null };
    type TypeInfo = Described & {
      fields: (Described & { args: Described[] })[] | null;
      inputFields: Described[] | null;
    };
    const data = res.data as unknown as {
      types: { types: TypeInfo[] };
      query: { fields: (Described & { args: Described[] })[] };
    };
    const names = ['AuditRecord', 'AuditRecordEdge', 'AuditRecordConnection', 'AuditFilter'];
    const undescribed: string[] = [];
    const check = (where: string, d: Described) => {
      if (!d.description?.trim()) undescribed.push(where);
    };
    for (const name of names) {
      const t = data.types.types.find((x) => x.name === name);
      expect(t, name).toBeDefined();
      check(name, t!);
      for (const f of [...(t!.fields ?? []), ...(t!.inputFields ?? [])]) check(`${name}.${f.name}`, f);
    }
    const field = data.query.fields.find((f) => f.name === 'auditLog')!;
    check('Query.auditLog', field);
    for (const a of field.args) check(`Query.auditLog(${a.name})`, a);
    expect(field.args.map((a) => a.name)).toEqual(['filter', 'first', 'after']);
    expect(undescribed).toEqual([]);

    const directives = schema.getQueryType()!.getFields().auditLog!.astNode!.directives ?? [];
    expect(
      directives.map((d) => ({
        name: d.name.value,
        args: d.arguments?.map((a) => [a.name.value, (a.value as { value: string }).value]),
      })),
    ).toEqual([{ name: 'scope', args: [['name', 'audit:read']] }]);
  });
});

describe('lienthong audit (CLI)', () => {
  async function cli(argv: string[], env: Record<string, string> = hubEnv()) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['audit', ...argv], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      env,
    });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  const hubEnv = () => ({
    DATABASE_URL: hub.rt.hubUrl,
    LIENTHONG_SOURCES: hub.rt.config.sourcesFile!,
    LOG_LEVEL: 'warn',
  });
  /** The request ids of the table's rows, in order (each fixture has its own). */
  const requestIds = (stdout: string) =>
    stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => /\breq-[\w-]+/.exec(line)?.[0])
      .filter((id) => id !== 'req-append');
  const idsToRequests = (ids: number[]) => ids.map((id) => rows.find((r) => r.id === id)!.requestId);

  it('prints a table newest first, times in UTC+7, dossiers by code', async () => {
    const r = await cli(['--actor', 'key:902']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^time \(\+07:00\)\s+actor\s+operation\s+request id\s+dossiers\s+fields$/);
    expect(requestIds(r.stdout)).toEqual(idsToRequests(expected((x) => x.actor === 'key:902')));
    const tie2 = rows.find((x) => x.operation === 'Tie2')!;
    expect(lines.find((l) => l.includes(tie2.requestId))).toMatch(
      new RegExp(
        `^2024-03-05T08:02:03\\.456\\+07:00\\s+key:902\\s+Tie2\\s+${tie2.requestId}\\s+` +
          `${dossierCode(5).replace(/\./g, '\\.')}, ${dossierCode(6).replace(/\./g, '\\.')}, ` +
          `${dossierCode(7).replace(/\./g, '\\.')} \\+2 more\\s+Applicant\\.name, Applicant\\.idNumber, Applicant\\.phone$`,
      ),
    );
    const midnight = lines.find((l) => l.includes('Midnight'))!;
    expect(midnight).toMatch(/^2024-03-05T00:00:00\.000\+07:00\s/);
  });

  it.each<[string, string[], (r: Inserted) => boolean]>([
    ['--actor', ['--actor', 'oidc:nguyen.van.a'], (r) => r.actor === 'oidc:nguyen.van.a'],
    ['--dossier CODE', ['--dossier', dossierCode(4)], (r) => r.dossiers.includes(4)],
    ['--dossier ID', ['--dossier', dossierId(1)], (r) => r.dossiers.includes(1)],
    ['--since DAY', ['--since', '2024-03-05'], (r) => vnDay(r.at) >= '2024-03-05'],
    ['--until DAY', ['--until', '2024-03-04'], (r) => vnDay(r.at) <= '2024-03-04'],
    [
      '--since and --until one day',
      ['--since', '2024-03-05', '--until', '2024-03-05'],
      (r) => vnDay(r.at) === '2024-03-05',
    ],
    // a time as the table prints it includes its whole millisecond, from either end
    [
      '--since TIME',
      ['--since', '2024-03-05T08:02:03.456+07:00', '--until', '2024-03-05'],
      (r) => r.at >= TIE && vnDay(r.at) <= '2024-03-05',
    ],
    ['--until TIME', ['--until', '2024-03-05T08:02:03.456+07:00'], (r) => r.at <= TIE],
    [
      '--until TIME in UTC',
      ['--until', '2024-03-04T17:00:00Z'],
      (r) => r.at <= '2024-03-04T17:00:00.000000Z',
    ],
    [
      '--actor and --dossier',
      ['--actor', 'key:901', '--dossier', dossierId(4)],
      (r) => r.actor === 'key:901' && r.dossiers.includes(4),
    ],
  ])('%s', async (_, argv, keep) => {
    const r = await cli(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const want = idsToRequests(expected(keep));
    expect(want.length).toBeGreaterThan(0);
    expect(requestIds(r.stdout)).toEqual(want);
  });

  it('--json prints one record per line, everything the table abbreviates included', async () => {
    const r = await cli(['--json', '--dossier', dossierCode(9)]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(1);
    const tie2 = rows.find((x) => x.operation === 'Tie2')!;
    expect(JSON.parse(lines[0]!)).toEqual({
      id: String(tie2.id),
      at: '2024-03-05T08:02:03.456+07:00',
      actor: 'key:902',
      action: 'pii:read',
      requestId: tie2.requestId,
      operation: 'Tie2',
      dossiers: [5, 6, 7, 8, 9].map(dossierId),
      dossierCodes: [5, 6, 7, 8, 9].map(dossierCode),
      fields: ALL,
    });
    const all = await cli(['--json', '--until', '2024-12-31']);
    expect(all.stdout.split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(
      expected(() => true).map(String),
    );
  });

  it('--limit keeps the newest and says when more match; nothing matching says so', async () => {
    const r = await cli(['--limit', '3', '--actor', 'key:901']);
    expect(r.code).toBe(0);
    expect(requestIds(r.stdout)).toEqual(idsToRequests(expected((x) => x.actor === 'key:901').slice(0, 3)));
    expect(r.stderr).toBe(
      'note: the newest 3 records are shown; more match (raise --limit, or narrow --since/--until)',
    );
    const exact = await cli([
      '--limit',
      String(expected((x) => x.actor === 'key:901').length),
      '--actor',
      'key:901',
    ]);
    expect(exact.stderr).toBe('');
    const none = await cli(['--actor', 'key:nobody']);
    expect(none).toEqual({ code: 0, stdout: 'no audit records match', stderr: '' });
    const noneJson = await cli(['--actor', 'key:nobody', '--json']);
    expect(noneJson).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each<[string[], string]>([
    [
      ['--since', 'yesterday'],
      `--since must be a day YYYY-MM-DD or a time with its offset such as 2026-03-05T08:30:00+07:00, got "yesterday"`,
    ],
    [
      ['--since', '2024-02-30'],
      `--since must be a day YYYY-MM-DD or a time with its offset such as 2026-03-05T08:30:00+07:00, got "2024-02-30"`,
    ],
    [
      ['--since', '0000-01-01'],
      `--since must be a day YYYY-MM-DD or a time with its offset such as 2026-03-05T08:30:00+07:00, got "0000-01-01"`,
    ],
    [
      ['--until', '2024-03-05T10:00:00'],
      `--until must be a day YYYY-MM-DD or a time with its offset such as 2026-03-05T08:30:00+07:00, got "2024-03-05T10:00:00"`,
    ],
    [
      ['--until', '2024-03-05T24:00:00Z'],
      `--until must be a day YYYY-MM-DD or a time with its offset such as 2026-03-05T08:30:00+07:00, got "2024-03-05T24:00:00Z"`,
    ],
    [
      ['--until', '2024-03-05T10:00:00+25:00'],
      `--until must be a day YYYY-MM-DD or a time with its offset such as 2026-03-05T08:30:00+07:00, got "2024-03-05T10:00:00+25:00"`,
    ],
    [['--since', '2024-03-06', '--until', '2024-03-05'], '--since 2024-03-06 is after --until 2024-03-05'],
    [
      ['--since', '2024-03-05T10:00:00+07:00', '--until', '2024-03-05T09:59:59.999+07:00'],
      '--since 2024-03-05T10:00:00+07:00 is after --until 2024-03-05T09:59:59.999+07:00',
    ],
    [
      ['--since', '2024-03-06T00:00:00+07:00', '--until', '2024-03-05'],
      '--since 2024-03-06T00:00:00+07:00 is after --until 2024-03-05',
    ],
    [['--actor', ' '], '--actor must not be empty'],
    [['--actor', 'k'.repeat(301)], '--actor is too long (301 characters, at most 300)'],
    [['--dossier', ''], '--dossier must not be empty'],
    [
      ['--dossier', encodeId('Unit', PROVINCE, 1)],
      '--dossier must be a dossier code or a Dossier id, got a Unit id',
    ],
    [
      ['--dossier', 'two words'],
      '--dossier must be a dossier code (no spaces, at most 100 characters) or a Dossier id, got "two words"',
    ],
    [['--limit', '0'], '--limit must be an integer between 1 and 10000, got "0"'],
    [['--limit', 'many'], '--limit must be an integer between 1 and 10000, got "many"'],
    [['--limit', '10001'], '--limit must be an integer between 1 and 10000, got "10001"'],
    [['--since'], "Option '--since <value>' argument missing"],
    [['--bogus'], "Unknown option '--bogus'"],
    [['today'], "Unexpected argument 'today'"],
  ])('%j: one line and the usage, exit 1, no database opened', async (argv, message) => {
    // no DATABASE_URL: a flag mistake is reported before any database is looked for
    const r = await cli(argv, {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
    expect(r.stderr).toMatch(/\n\nUsage: lienthong audit /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('is listed in the help, with its own --help', async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: () => undefined, env: {} };
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^ {2}audit\s+print the audit trail of personal data/m);
    expect(await main(['audit', '--help'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Usage: lienthong audit \[--since DATE\|TIME\]/);
  });
});
