import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloads } from '../../src/bench/workloads.ts';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/hub.ts';

/**
 * Embedded relations (src/graphql/embed.ts): a list's statement reads the relations its rows are asked
 * for. The same queries against a hub with EMBED_RELATIONS=false (every relation through its own batched
 * statement) must give the same answers, errors included, in fewer statements.
 */
let on: TestHub;
let off: TestHub;
beforeAll(async () => {
  // through the resolvers on both: a rendered read (test/graphql/rendered-reads.test.ts) embeds nothing
  const env = { MAX_QUERY_COST: '1000000000', MAX_RESPONSE_BYTES: '200000000', RENDER_JSON: 'false' };
  [on, off] = await Promise.all([
    startTestHub({ provinces: ['40', '96'], env }),
    startTestHub({ provinces: ['40', '96'], env: { ...env, EMBED_RELATIONS: 'false' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([on?.close(), off?.close()]);
});

/** The query on both hubs; `variables` may depend on the hub (a cursor is signed by the hub that made it). */
async function both(
  query: string,
  variables: Record<string, unknown> | ((hub: TestHub) => Promise<Record<string, unknown>>) = {},
) {
  const vars = async (hub: TestHub): Promise<Record<string, unknown>> =>
    typeof variables === 'function' ? variables(hub) : variables;
  const [a, b] = await Promise.all([
    vars(on).then((v) => on.gql(query, v, { debugSql: true })),
    vars(off).then((v) => off.gql(query, v, { debugSql: true })),
  ]);
  const strip = (r: GraphQLResponse) => ({ data: r.data, errors: r.errors });
  expect(strip(a)).toEqual(strip(b));
  return { embedded: a, separate: b };
}

const statements = (r: GraphQLResponse) => r.extensions!.sqlStatements!.total;

/** The end cursor of the first page (2 units) of the first child that has children, signed by `hub`. */
async function firstCursor(hub: TestHub, code: string): Promise<string> {
  const res = await hub.gql<{
    unit: { children: { nodes: { children: { pageInfo: { endCursor: string | null } } }[] } };
  }>(
    `query($code: String!) { unit(code: $code) { children(first: 50) { nodes { children(first: 2) {
      pageInfo { endCursor } } } } } }`,
    { code },
  );
  const cursor = res.data!.unit.children.nodes.find((n) => n.children.pageInfo.endCursor)?.children.pageInfo
    .endCursor;
  expect(cursor).toBeTruthy();
  return cursor!;
}

async function rootUnitCode(): Promise<string> {
  const res = await on.gql<{ units: { nodes: { code: string }[] } }>(
    `{ units(first: 1, filter: { provinces: ["40"], kind: PEOPLES_COMMITTEE, level: PROVINCE }) { nodes { code } } }`,
  );
  return res.data!.units.nodes[0]!.code;
}

describe('embedded relations answer as the separate statements do', () => {
  it('the bench workloads: a dossier page in one statement, a unit subtree in two', async () => {
    const code = await rootUnitCode();
    for (const w of workloads(code)) {
      const { embedded, separate } = await both(w.query, w.variables);
      expect(embedded.errors).toBeUndefined();
      expect(statements(embedded)).toBeLessThanOrEqual(statements(separate));
      if (w.name.startsWith('dossier page')) {
        // the list with procedure, receiving unit, events and documents; separately, one statement each
        expect(statements(embedded)).toBe(1);
        expect(statements(separate)).toBe(5);
      }
      if (w.name === 'unit subtree') {
        expect(statements(embedded)).toBe(2);
        expect(statements(separate)).toBe(3);
      }
    }
  });

  it("a subtree three levels deep: the second and third levels in the first level's statement", async () => {
    const code = await rootUnitCode();
    const q = `query($code: String!) { unit(code: $code) { children(first: 50) { nodes { code
      children(first: 50) { nodes { code children(first: 5) { nodes { code name } } } } } } } }`;
    const { embedded, separate } = await both(q, { code });
    expect(statements(embedded)).toBe(2);
    expect(statements(separate)).toBe(4);
  });

  it('aliases, fragments, @include and @skip: each field as asked', async () => {
    const code = await rootUnitCode();
    const q = `query($code: String!, $yes: Boolean!, $no: Boolean!) { unit(code: $code) {
      byName: children(first: 3) { nodes { ...U } }
      byCode: children(first: 2, orderBy: { field: CODE, direction: DESC }) { nodes { code
        children(first: 2) @include(if: $yes) { nodes { code } }
        hidden: children(first: 2) @skip(if: $yes) { nodes { code } } } }
      skipped: children(first: 1) @include(if: $no) { nodes { code } } } }
      fragment U on Unit { code name ... on Unit { children(first: 4) { totalCount nodes { code kind } } } }`;
    const { embedded } = await both(q, { code, yes: true, no: false });
    expect(embedded.errors).toBeUndefined();
    const u = (embedded.data as { unit: Record<string, unknown> }).unit;
    expect(u).not.toHaveProperty('skipped');
  });

  it('edges, cursors and backward pages of embedded children', async () => {
    const code = await rootUnitCode();
    const q = `query($code: String!) { unit(code: $code) { children(first: 5) { nodes { code
      children(last: 3) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { code name } } } } } } }`;
    await both(q, { code });
    // the second page of each child's children, after a cursor of a first page
    const { embedded } = await both(
      `query($code: String!, $after: String) { unit(code: $code) { children(first: 50) { nodes {
        children(first: 2, after: $after) { nodes { code } } } } } }`,
      async (hub) => ({ code, after: await firstCursor(hub, code) }),
    );
    expect(embedded.errors).toBeUndefined();
  });

  it('bad nested arguments fail at the nested field, as without embedding', async () => {
    const code = await rootUnitCode();
    for (const args of ['first: -1', 'first: 501', 'first: 2, last: 2', 'after: "not-a-cursor"']) {
      const { embedded } = await both(
        `query($code: String!) { unit(code: $code) { code children(first: 2) { nodes { code children(${args}) { nodes { code } } } } } }`,
        { code },
      );
      expect(embedded.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
      expect(embedded.errors?.[0]?.path, args).toEqual(['unit', 'children', 'nodes', 0, 'children']);
    }
    // a cursor altered by one character
    const tampered = (cursor: string) =>
      cursor.slice(0, 5) + (cursor[5] === 'A' ? 'B' : 'A') + cursor.slice(6);
    const { embedded } = await both(
      `query($code: String!, $after: String) { unit(code: $code) { children(first: 50) { nodes {
        children(first: 2, after: $after) { nodes { code } } } } } }`,
      async (hub) => ({ code, after: tampered(await firstCursor(hub, code)) }),
    );
    expect(embedded.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('dossiers over two provinces with every relation and masked applicants', async () => {
    const fields = `code status receivedAt dueAt timeliness applicant { name idNumber phone }
      procedure { nationalCode name field updatedAt } receivingUnit { code name kind level }
      handlingUnit { code } events { occurredAt status note actor unit { name } }
      documents { numberSymbol summary issuedOn type }`;
    const q = `{ newest: dossiers(first: 40) { totalCount nodes { ${fields} } }
      oldest: dossiers(first: 40, orderBy: { field: RECEIVED_AT, direction: ASC }) { nodes { ${fields} } } }`;
    const { embedded, separate } = await both(q);
    expect(embedded.errors).toBeUndefined();
    // per province: each page (with its relations) and one count; event units through their loader,
    // which has the receiving units of the pages already
    expect(statements(embedded)).toBeGreaterThanOrEqual(6);
    expect(statements(embedded)).toBeLessThanOrEqual(8);
    expect(statements(separate)).toBeGreaterThan(statements(embedded));
    type Page = { nodes: { handlingUnit: unknown; events: unknown[]; documents: unknown[] }[] };
    const data = embedded.data as { newest: Page; oldest: Page };
    const nodes = [...data.newest.nodes, ...data.oldest.nodes];
    expect(nodes.some((d) => d.handlingUnit !== null)).toBe(true);
    expect(nodes.some((d) => d.events.length > 1)).toBe(true);
    expect(nodes.some((d) => d.documents.length > 0)).toBe(true);
  });

  it('a dossier page with a procedure asked twice: one embedded, both the same', async () => {
    const q = `{ dossiers(first: 10, filter: { provinces: ["96"] }) { nodes { code
      p1: procedure { name } p2: procedure { nationalCode name } } } }`;
    const { embedded } = await both(q);
    expect(statements(embedded)).toBe(1);
  });
});
