import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/hub.ts';

type BackPage = {
  dossiers: {
    edges: { node: { id: string } }[];
    pageInfo: { hasPreviousPage: boolean; startCursor: string };
  };
};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    endCursor: string | null;
    hasPreviousPage: boolean;
    startCursor: string | null;
  };
}

async function walk(field: string, args: string, pageSize: number, filterVars: Record<string, unknown> = {}) {
  const seen: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 1000; i++) {
    const res: GraphQLResponse<Record<string, Page>> = await hub.gql<Record<string, Page>>(
      `query($after: String, $filter: ${filterType(field)}) {
        list: ${field}(first: ${pageSize}, after: $after, filter: $filter, ${args}) {
          totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
        }
      }`,
      { after, ...filterVars },
    );
    expect(res.errors).toBeUndefined();
    const page: Page = res.data!.list!;
    total = page.totalCount;
    seen.push(...page.edges.map((e) => e.node.id));
    if (after) expect(page.pageInfo.hasPreviousPage).toBe(true);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges.length).toBe(pageSize);
    after = page.pageInfo.endCursor;
  }
  return { seen, total };
}

const filterType = (field: string) =>
  ({
    units: 'UnitFilter',
    procedures: 'ProcedureFilter',
    dossiers: 'DossierFilter',
    documents: 'DocumentFilter',
  })[field];

describe('cross-province pagination', () => {
  const cases: [string, string, number, Record<string, unknown>][] = [
    ['units', 'orderBy: { field: NAME, direction: ASC }', 17, { filter: { level: 'DISTRICT' } }],
    ['units', 'orderBy: { field: CODE, direction: DESC }', 50, { filter: { kind: 'DEPARTMENT' } }],
    [
      'procedures',
      'orderBy: { field: NATIONAL_CODE, direction: ASC }',
      500,
      { filter: { onlineService: 'FULL' } },
    ],
    ['procedures', 'orderBy: { field: UPDATED_AT, direction: DESC }', 100, { filter: { field: 'Hộ tịch' } }],
    ['dossiers', 'orderBy: { field: RECEIVED_AT, direction: DESC }', 50, { filter: { channel: 'POSTAL' } }],
    [
      'dossiers',
      'orderBy: { field: DUE_AT, direction: ASC }',
      31,
      { filter: { status: ['IN_PROGRESS', 'SUPPLEMENT_REQUESTED', 'RECEIVED'] } },
    ],
    [
      'dossiers',
      'orderBy: { field: CODE, direction: ASC }',
      40,
      { filter: { provinces: ['40', '96'], channel: 'POSTAL' } },
    ],
    ['documents', 'orderBy: { field: ISSUED_ON, direction: DESC }', 100, {}],
    ['documents', 'orderBy: { field: NUMBER_SYMBOL, direction: ASC }', 77, {}],
  ];
  it.each(cases)('%s %s visits every node once and totalCount nodes', async (field, args, size, vars) => {
    const { seen, total } = await walk(field, args, size, vars);
    expect(total).toBeGreaterThan(size);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
  });

  it('merges provinces into one ordered stream', async () => {
    const res = await hub.gql<{ units: { nodes: { name: string; province: { code: string } }[] } }>(
      `{ units(first: 200, filter: { level: DISTRICT }, orderBy: { field: NAME }) { nodes { name province { code } } } }`,
    );
    const names = res.data!.units.nodes.map((n) => n.name);
    const sorted = [...names].sort((a, b) =>
      Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.from(a) > Buffer.from(b) ? 1 : 0,
    );
    expect(names).toEqual(sorted);
    expect(new Set(res.data!.units.nodes.map((n) => n.province.code)).size).toBeGreaterThan(1);
  });

  it('pages backward with last/before to the same items', async () => {
    const q = `query($before: String) { dossiers(last: 30, before: $before, filter: { channel: POSTAL }) {
      edges { node { id } } pageInfo { hasPreviousPage startCursor hasNextPage } } }`;
    const forward = await walk('dossiers', 'orderBy: { field: RECEIVED_AT, direction: DESC }', 500, {
      filter: { channel: 'POSTAL' },
    });
    const back: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const res: GraphQLResponse<BackPage> = await hub.gql<BackPage>(q, { before });
      expect(res.errors).toBeUndefined();
      back.unshift(...res.data!.dossiers.edges.map((e) => e.node.id));
      if (!res.data!.dossiers.pageInfo.hasPreviousPage) break;
      before = res.data!.dossiers.pageInfo.startCursor;
    }
    expect(back).toEqual(forward.seen);
  });

  it('totalCount is only computed when asked', async () => {
    const without = await hub.gql(`{ dossiers(first: 5) { nodes { id } } }`, {}, { debugSql: true });
    const withCount = await hub.gql(
      `{ dossiers(first: 5) { totalCount nodes { id } } }`,
      {},
      { debugSql: true },
    );
    expect(without.extensions!.sqlStatements!.total).toBe(5);
    expect(withCount.extensions!.sqlStatements!.total).toBe(10);
  });

  it('nested connections page per parent with cursors', async () => {
    const q = `query($after: String) { units(first: 1, filter: { provinces: ["40"], kind: PEOPLES_COMMITTEE }) { nodes {
      children(first: 7, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    type R = { units: { nodes: { children: Page }[] } };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const res: GraphQLResponse<R> = await hub.gql<R>(q, { after });
      expect(res.errors).toBeUndefined();
      const c: Page = res.data!.units.nodes[0]!.children;
      total = c.totalCount;
      seen.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    // 21 departments and 3 from Decree 45/2025, 21 districts, the 130 communes of 1 July 2025
    expect(total).toBe(175);
    expect(new Set(seen).size).toBe(175);
  });
});
