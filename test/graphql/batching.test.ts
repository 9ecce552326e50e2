import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const sources = 5;

async function statements(query: string, variables: Record<string, unknown>) {
  const res = await hub.gql(query, variables, { debugSql: true });
  expect(res.errors).toBeUndefined();
  return res.extensions!.sqlStatements!;
}

describe('no N+1', () => {
  const fourLevels = `query($n: Int) {
    units(first: $n, filter: { level: COMMUNE }) {
      nodes {
        name parent { name }
        dossiers(first: $n) {
          nodes {
            code applicant { name idNumber }
            procedure { name requirements { name } legalBasis { numberSymbol } units { name } }
            events { status unit { name } }
            documents { numberSymbol attachments { name } }
          }
        }
      }
    }
  }`;

  it('a 4-level nested query costs the same number of statements at first: 5 and first: 200', async () => {
    const small = await statements(fourLevels, { n: 5 });
    const large = await statements(fourLevels, { n: 200 });
    expect(large.total).toBe(small.total);
    // per source: units, parents, dossiers, procedures, requirements, legal basis, procedure units,
    // events, event units, documents, attachments: at most one statement per level and source
    for (const count of Object.values(large.bySource)) expect(count).toBeLessThanOrEqual(11);
    expect(Object.keys(large.bySource)).toHaveLength(sources);
  });

  it('procedure → dossiers → events stays flat as pages grow', async () => {
    const q = `query($n: Int) { procedures(first: $n, filter: { status: ACTIVE }) { totalCount nodes {
      channels { channel } processingDays fee publishingDecisions { numberSymbol }
      dossiers(first: $n) { totalCount nodes { receivingUnit { name } handlingUnit { name } supplements { requestedAt } aliases events { status } } } } } }`;
    const a = await statements(q, { n: 3 });
    const b = await statements(q, { n: 150 });
    expect(b.total).toBe(a.total);
  });

  it('documents → dossiers and procedures stay flat', async () => {
    const q = `query($n: Int) { documents(first: $n) { nodes { issuer { name } procedures { name } dossiers(first: $n) { totalCount nodes { code } } } } }`;
    const a = await statements(q, { n: 4 });
    const b = await statements(q, { n: 300 });
    expect(b.total).toBe(a.total);
  });

  it('node/nodes batch by source', async () => {
    const res = await hub.gql<{ dossiers: { nodes: { id: string }[] } }>(
      `{ dossiers(first: 100) { nodes { id } } }`,
    );
    const ids = res.data!.dossiers.nodes.map((n) => n.id);
    const r = await hub.gql<{ nodes: ({ id: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Dossier { code } } }`,
      { ids },
      {
        debugSql: true,
      },
    );
    expect(r.data!.nodes.map((n) => n!.id)).toEqual(ids);
    expect(r.extensions!.sqlStatements!.total).toBeLessThanOrEqual(sources);
  });
});
