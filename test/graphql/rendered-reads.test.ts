import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloads } from '../../src/bench/workloads.ts';
import { buildSchema, renders } from '../../src/server/schema.ts';
import { scopeOf } from '../../src/server/scopes.ts';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/hub.ts';

/**
 * Rendered reads (src/graphql/render.ts): an operation PostgreSQL can write whole is answered with the
 * JSON it writes. The same queries against a hub with RENDER_JSON=false (every field through its
 * resolver) must give the same answers, in the same key order, errors included.
 */
let on: TestHub;
let off: TestHub;
beforeAll(async () => {
  const env = { MAX_QUERY_COST: '1000000000', MAX_RESPONSE_BYTES: '200000000' };
  [on, off] = await Promise.all([
    startTestHub({ provinces: ['40', '96'], env }),
    startTestHub({ provinces: ['40', '96'], env: { ...env, RENDER_JSON: 'false' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([on?.close(), off?.close()]);
});

/** The query on both hubs; `variables` may depend on the hub (a cursor is signed by the hub that made it). */
async function both(
  query: string,
  variables: Record<string, unknown> | ((hub: TestHub) => Promise<Record<string, unknown>>) = {},
  rendered = true,
) {
  const vars = async (hub: TestHub): Promise<Record<string, unknown>> =>
    typeof variables === 'function' ? variables(hub) : variables;
  const [a, b] = await Promise.all([
    vars(on).then((v) => on.gql(query, v, { debugSql: true })),
    vars(off).then((v) => off.gql(query, v, { debugSql: true })),
  ]);
  expect(a.extensions?.rendered ?? false).toBe(rendered);
  expect(b.extensions?.rendered).toBeUndefined();
  // the text too: keys in the order the query asks them; cursors without their signature (each hub has its key)
  const text = (r: GraphQLResponse) =>
    JSON.stringify({ data: r.data, errors: r.errors }).replace(
      /("(?:cursor|startCursor|endCursor)":"[^".]+)\.[^"]+"/g,
      '$1"',
    );
  const [ta, tb] = [text(a), text(b)];
  // the first difference, not two pages of JSON
  if (ta !== tb) {
    let i = 0;
    while (ta[i] === tb[i]) i++;
    expect(ta.slice(Math.max(0, i - 300), i + 200)).toBe(tb.slice(Math.max(0, i - 300), i + 200));
  }
  return { rendered: a, resolved: b };
}

const statements = (r: GraphQLResponse) => r.extensions!.sqlStatements!.total;

async function rootUnitCode(): Promise<string> {
  const res = await on.gql<{ units: { nodes: { code: string }[] } }>(
    `{ units(first: 1, filter: { provinces: ["40"], kind: PEOPLES_COMMITTEE, level: PROVINCE }) { nodes { code } } }`,
  );
  return res.data!.units.nodes[0]!.code;
}

const EVERY_DOSSIER_FIELD = `__typename id code status statusCode channel submittedAt receivedAt dueAt resolvedAt
  returnedAt timeliness apologyIssued satisfaction
  procedure { __typename id nationalCode name field level onlineService applicants result }
  receivingUnit { id code name kind level }
  handlingUnit { code name }
  events { occurredAt status actor note }
  documents { id numberSymbol number year issuerName place issuedOn summary urgency confidentiality }`;

describe('rendered reads answer as the resolvers do', () => {
  it('the bench workloads: a dossier page and a unit subtree in one statement each', async () => {
    const code = await rootUnitCode();
    for (const w of workloads(code)) {
      const renderable = w.name.startsWith('dossier page') || w.name === 'unit subtree';
      const { rendered, resolved } = await both(w.query, w.variables, renderable);
      expect(rendered.errors).toBeUndefined();
      if (w.name.startsWith('dossier page') || w.name === 'unit subtree') {
        expect(statements(rendered)).toBe(1);
        expect(statements(resolved)).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('every rendered field of 200 dossiers over two provinces, with pageInfo', async () => {
    const { rendered } = await both(`{ dossiers(first: 200) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
      __typename nodes { ${EVERY_DOSSIER_FIELD} } } }`);
    const nodes = (rendered.data as { dossiers: { nodes: { id: string; handlingUnit: unknown }[] } }).dossiers
      .nodes;
    expect(nodes).toHaveLength(200);
    expect(statements(rendered)).toBe(2);
  });

  it('totalCount, and the province of each row', async () => {
    const { rendered } = await both(`{ dossiers(first: 40, filter: { status: [RECEIVED, IN_PROGRESS] }) {
      totalCount nodes { code province { __typename id code slug name validTo } receivingUnit { province { code } } } } }`);
    const res = rendered as GraphQLResponse<{ dossiers: { totalCount: number } }>;
    expect(res.data!.dossiers.totalCount).toBeGreaterThan(40);
    const code = await rootUnitCode();
    await both(
      `{ unit(code: "${code}") { province { name } children(first: 5) { nodes { province { code } } } } }`,
    );
  });

  it('orders, filters, pages after a cursor and backward', async () => {
    const fields = `pageInfo { hasNextPage endCursor } nodes { code status dueAt timeliness events { status } }`;
    for (const args of [
      'first: 30, orderBy: { field: DUE_AT, direction: ASC }',
      'first: 30, orderBy: { field: CODE }',
      'last: 20',
      'first: 25, filter: { status: [PROCESSED, RETURNED], receivedFrom: "2025-01-01" }',
      'first: 25, filter: { timeliness: [OVERDUE, LATE] }',
      'first: 25, filter: { provinces: ["96"], search: "H41" }',
      'first: 0',
    ])
      await both(`{ dossiers(${args}) { ${fields} } }`);
    await both(`query($after: String) { dossiers(first: 20, after: $after) { ${fields} } }`, async (hub) => {
      const first = await hub.gql<{ dossiers: { pageInfo: { endCursor: string } } }>(
        `{ dossiers(first: 20) { pageInfo { endCursor } } }`,
      );
      return { after: first.data!.dossiers.pageInfo.endCursor };
    });
  });

  it('aliases, fragments, @include and @skip, a field asked twice', async () => {
    const query = `query($with: Boolean!, $without: Boolean!) {
      a: dossiers(first: 10) { list: nodes { ...D c2: code p: procedure { n: name } } }
      b: dossiers(first: 5, filter: { provinces: ["96"] }) { nodes { code ... on Dossier { status @include(if: $with) dueAt @skip(if: $without) } } }
      __typename
    }
    fragment D on Dossier { code receivingUnit { code } receivingUnit { name } events @include(if: $with) { note } }`;
    for (const [w, wo] of [
      [true, false],
      [false, true],
    ])
      await both(query, { with: w, without: wo });
  });

  it('a unit subtree three levels deep, by code, by an earlier code, and one that does not exist', async () => {
    const code = await rootUnitCode();
    const subtree = `query($code: String!) { unit(code: $code) { __typename id code name kind level
      children(first: 50) { __typename nodes { code name kind
        children(first: 3, orderBy: { field: CODE, direction: DESC }) { nodes { id code level children(first: 2) { nodes { name } } } } } } } }`;
    const { rendered } = await both(subtree, { code });
    expect(statements(rendered)).toBe(1);
    await both(subtree, { code: `  ${code} ` });
    await both(subtree, { code: '000.00.00.X99' });
    await both(`{ unit(code: "${code}") { children(first: 0) { nodes { code } } } }`);
    // the first children list comes back as rows (render.ts spreadStatement): fields after it, a second
    // list after it, __typename after nodes, a unit without children
    const spread = `query($code: String!) { unit(code: $code) { code
      a: children(first: 4) { nodes { code children(first: 2) { nodes { name } } } __typename }
      name b: children(first: 2, orderBy: { field: CODE, direction: DESC }) { nodes { code } } level } }`;
    const rows = await both(spread, { code });
    expect(statements(rows.rendered)).toBe(1);
    expect(JSON.stringify(rows.rendered.data)).toMatch(/^\{"unit":\{"code":"[^"]+","a":\{"nodes":\[\{"code"/);
    type Node = { code: string; children: { nodes: Node[] } };
    const tree = await on.gql<{ unit: Node }>(
      `{ unit(code: "${code}") { code children(first: 50) { nodes { code children(first: 50) { nodes { code children(first: 1) { nodes { code } } } } } } } }`,
    );
    const all = (u: Node): Node[] => [u, ...(u.children?.nodes ?? []).flatMap(all)];
    const leaf = all(tree.data!.unit).find((u) => u.children && !u.children.nodes.length);
    expect(leaf).toBeDefined();
    await both(spread, { code: leaf!.code });
    await both(spread, { code: '000.00.00.X99' });
    // an earlier identifier of the root unit (the 2025 reorganisation keeps them in unit_code_aliases)
    for (const hub of [on, off]) {
      const db = hub.rt.sources.all.find((s) => s.code === '40')!.db;
      const root = await db('units').select('id').where('code', code).first();
      await db('unit_code_aliases').insert({ alias: '000.00.00.H99', unit_id: root!.id, reason: 'test' });
    }
    await both(subtree, { code: '000.00.00.H99' });
    const byAlias = await on.gql<{ unit: { code: string } }>(`{ unit(code: "000.00.00.H99") { code } }`);
    expect(byAlias.data!.unit.code).toBe(code);
  });

  it('what is not rendered answers through the resolvers: totalCount, edges, province, bad arguments, a tampered cursor', async () => {
    const code = await rootUnitCode();
    for (const q of [
      `{ dossiers(first: 5) { edges { cursor node { code } } } }`,
      `{ dossiers(first: 5) { nodes { code province { code } applicant { name } } } }`,
      `{ dossiers(first: -1) { nodes { code } } }`,
      `{ dossiers(first: 5, after: "bm90IGEgY3Vyc29y") { nodes { code } } }`,
      `{ dossiers(first: 5, filter: { provinces: ["01"] }) { nodes { code } } }`,
      `{ unit(code: "${code}") { children(first: 2, after: "eA") { nodes { code } } } }`,
      `{ unit(code: "${code}") { children(first: 501) { nodes { code } } } }`,
      `{ unit(code: "${code}") { parent { code } children(first: 2) { totalCount } } }`,
      `{ unit(code: "${code}") { code } provinces { code } }`,
    ])
      await both(q, {}, false);
  });
});

describe('who may read it', () => {
  it('a key without the read scope gets FORBIDDEN, as from the resolvers; a key of one province reads only it', async () => {
    const query = `{ dossiers(first: 5) { nodes { code } } }`;
    const [a, b] = await Promise.all([on.key(['sync:read']), off.key(['sync:read'])]);
    const [ra, rb] = await Promise.all([
      on.gql(query, {}, { headers: a.headers, debugSql: true }),
      off.gql(query, {}, { headers: b.headers }),
    ]);
    expect(ra.extensions?.rendered).toBeUndefined();
    expect(ra.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect({ data: ra.data, errors: ra.errors }).toEqual({ data: rb.data, errors: rb.errors });
    const [c, d] = await Promise.all([on.key(['read'], ['96']), off.key(['read'], ['96'])]);
    const ids = `{ dossiers(first: 30) { nodes { id } } }`;
    const [rc, rd] = await Promise.all([
      on.gql<{ dossiers: { nodes: { id: string }[] } }>(ids, {}, { headers: c.headers, debugSql: true }),
      off.gql<{ dossiers: { nodes: { id: string }[] } }>(ids, {}, { headers: d.headers }),
    ]);
    expect(rc.extensions?.rendered).toBe(true);
    expect(rc.data).toEqual(rd.data);
    for (const n of rc.data!.dossiers.nodes)
      expect(Buffer.from(n.id, 'base64url').toString()).toMatch(/^Dossier:96:/);
  });

  it('no field PostgreSQL renders needs a scope: a scoped field would skip its check', () => {
    const schema = buildSchema();
    for (const coordinate of Object.keys(renders.fields)) {
      const [type, field] = coordinate.split('.') as [string, string];
      expect(schema.getType(type), coordinate).toBeDefined();
      expect(scopeOf(schema, type, field), coordinate).toBeUndefined();
    }
  });
});

describe('the response text', () => {
  it('is JSON with the rendered part in place, Vietnamese text as UTF-8', async () => {
    const res = await fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ dossiers(first: 3, filter: { provinces: ["40"] }) { nodes { code procedure { name } } } }`,
      }),
    });
    const text = await res.text();
    expect(text.startsWith('{"data":{"dossiers":{"nodes":[{"code":"')).toBe(true);
    expect(text).not.toContain('\\u0000');
    const body = JSON.parse(text) as { data: { dossiers: { nodes: { procedure: { name: string } }[] } } };
    expect(body.data.dossiers.nodes).toHaveLength(3);
    expect(body.data.dossiers.nodes[0]!.procedure.name).toMatch(/[àáảãạăâđêôơư]/i);
  });
});
