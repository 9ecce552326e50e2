import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '17'] });
});
afterAll(() => hub?.close());

async function expectBadInput(query: string, message: RegExp, variables?: Record<string, unknown>) {
  const res = await hub.gql(query, variables);
  expect(res.errors, JSON.stringify(res)).toBeDefined();
  expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0]!.message).toMatch(message);
  expect(JSON.stringify(res.errors)).not.toMatch(/at .*\.ts:\d+/);
}

describe('bad arguments give BAD_USER_INPUT with a useful message', () => {
  it.each([
    ['{ units(first: -1) { nodes { id } } }', /"first" must be between 0 and 500, got -1/],
    ['{ units(first: 100000) { nodes { id } } }', /"first" must be between 0 and 500, got 100000/],
    ['{ dossiers(last: 501) { nodes { id } } }', /"last" must be between 0 and 500/],
    ['{ procedures(first: 5, last: 5) { nodes { id } } }', /either first\/after .* or last\/before/],
    ['{ units(after: "not-a-cursor!") { nodes { id } } }', /"after" is not a valid cursor/],
    ['{ units(after: "eyJmb28iOjF9") { nodes { id } } }', /"after" is not a valid cursor/],
    ['{ documents(filter: { provinces: ["99"] }) { nodes { id } } }', /Unknown province "99"/],
    ['{ dossiers(filter: { unit: "junk" }) { nodes { id } } }', /"filter.unit" is not a valid id/],
    ['{ procedure(nationalCode: "1.001193") { id } }', /"province" is required/],
    ['{ procedure(nationalCode: "abc", province: "40") { id } }', /must look like 1.001193/],
    ['{ procedure(nationalCode: "1.001193", province: "77") { id } }', /Unknown province "77"/],
    ['{ unit { id } }', /exactly one of "id" or "code"/],
    ['{ node(id: "%%%") { id } }', /not a valid id/],
    [
      '{ dossiers(filter: { receivedFrom: "2026-05-01", receivedTo: "2026-04-01" }) { nodes { id } } }',
      /range is empty/,
    ],
  ])('%s', async (query, message) => {
    await expectBadInput(query, message);
  });

  it('a cursor from another ordering is refused', async () => {
    const res = await hub.gql<{ units: { pageInfo: { endCursor: string } } }>(
      `{ units(first: 2) { pageInfo { endCursor } } }`,
    );
    await expectBadInput(
      `query($c: String) { units(after: $c, orderBy: { field: CODE }) { nodes { id } } }`,
      /another ordering/,
      {
        c: res.data!.units.pageInfo.endCursor,
      },
    );
  });

  it('a filter id of the wrong type is refused', async () => {
    const res = await hub.gql<{ units: { nodes: { id: string }[] } }>(`{ units(first: 1) { nodes { id } } }`);
    await expectBadInput(
      `query($p: ID) { dossiers(filter: { procedure: $p }) { nodes { id } } }`,
      /must be a Procedure id, got a Unit id/,
      {
        p: res.data!.units.nodes[0]!.id,
      },
    );
  });

  it('a search longer than 200 characters is refused', async () => {
    await expectBadInput(`query($s: String) { units(filter: { search: $s }) { nodes { id } } }`, /too long/, {
      s: 'x'.repeat(201),
    });
  });

  it('too many ids in nodes is refused', async () => {
    await expectBadInput(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, /at most 500/, {
      ids: Array(501).fill('VW5pdDo0MDox'),
    });
  });

  it('an invalid Date variable is a BAD_USER_INPUT', async () => {
    const res = await hub.gql(`query($d: Date) { dossiers(filter: { receivedFrom: $d }) { nodes { id } } }`, {
      d: '2025-02-30',
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('junk and unknown ids', () => {
  it('well-formed ids of unknown objects give null', async () => {
    const missing = Buffer.from('Dossier:40:999999999').toString('base64url');
    const otherProvince = Buffer.from('Unit:55:1').toString('base64url');
    const res = await hub.gql<{ a: unknown; b: unknown; c: unknown }>(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } c: dossier(id: $a) { id } }`,
      { a: missing, b: otherProvince },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null, c: null });
  });

  it('an id decodes back to the same object through node', async () => {
    const res = await hub.gql<{ units: { nodes: { id: string; name: string }[] } }>(
      `{ units(first: 1) { nodes { id name } } }`,
    );
    const unit = res.data!.units.nodes[0]!;
    const again = await hub.gql<{ node: { id: string; name: string } }>(
      `query($id: ID!) { node(id: $id) { id ... on Unit { name } } }`,
      {
        id: unit.id,
      },
    );
    expect(again.data!.node).toEqual(unit);
  });
});

describe('unexpected errors are masked', () => {
  it('a database failure inside a resolver is INTERNAL_SERVER_ERROR without details', async () => {
    // drop a table a field needs: the failure is unexpected, so the client sees no SQL or stack
    const s = hub.rt.sources.byCode('17')!;
    await s.db.raw('ALTER TABLE document_attachments RENAME TO document_attachments_gone');
    try {
      const res = await hub.gql(
        `{ documents(first: 3, filter: { provinces: ["17"] }) { nodes { attachments { name } } } }`,
      );
      const text = JSON.stringify(res.errors);
      expect(text).not.toMatch(/document_attachments|relation|stack/);
    } finally {
      await s.db.raw('ALTER TABLE document_attachments_gone RENAME TO document_attachments');
    }
  });
});

describe('lookups by natural key', () => {
  it('unit(code:) asks only the province its agency identifier names', async () => {
    const res = await hub.gql<{ unit: { name: string; province: { code: string } } }>(
      `{ unit(code: "000.00.00.H41") { name province { code } } }`,
      {},
      { debugSql: true },
    );
    expect(res.data!.unit).toEqual({ name: 'UBND tỉnh Nghệ An', province: { code: '40' } });
    expect(Object.keys(res.extensions!.sqlStatements!.bySource)).toEqual(['40']);
  });

  it('a dossier is found by its code and by an older alias', async () => {
    const db = hub.rt.sources.byCode('17')!.db;
    const row = (await db('dossier_code_aliases as a')
      .join('dossiers as d', 'd.id', 'a.dossier_id')
      .select('a.alias', 'd.code')
      .orderBy('a.alias')
      .first()) as {
      alias: string;
      code: string;
    };
    const res = await hub.gql<{ a: { code: string; aliases: string[] }; b: { code: string } }>(
      `query($alias: String!, $code: String!) { a: dossier(code: $alias) { code aliases } b: dossier(code: $code) { code } }`,
      { alias: row.alias, code: row.code },
    );
    expect(res.data!.a).toEqual({ code: row.code, aliases: [row.alias] });
    expect(res.data!.b.code).toBe(row.code);
  });
});
