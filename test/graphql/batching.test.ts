import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
beforeAll(async () => {
  // statement counts must not grow with page sizes: these queries ask for pages far beyond what the
  // default cost limit allows, so the limit is lifted here (test/graphql/limits.test.ts tests it)
  hub = await startTestHub({ env: { MAX_QUERY_COST: '1000000000', MAX_RESPONSE_BYTES: '200000000' } });
});
afterAll(() => hub?.close());

const sources = 5;

async function statements(query: string, variables: Record<string, unknown>) {
  const res = await hub.gql(query, variables, { debugSql: true });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.extensions!.sqlStatements!;
}

describe('no N+1', () => {
  // every level has rows at both sizes (a dossier's procedure always has that dossier, events and
  // requirements; the oldest dossiers are finished, so their events name units), so a level that went
  // per-row would show up as a difference in the count
  const fourLevels = `query($n: Int) {
    dossiers(first: $n, filter: { provinces: ["40"] }, orderBy: { field: RECEIVED_AT, direction: ASC }) {
      nodes {
        code applicant { name idNumber } receivingUnit { name parent { name } }
        procedure {
          name requirements { name } legalBasis { numberSymbol attachments { name } } units { name }
          dossiers(first: $n) { nodes { code events { status unit { name } } } }
        }
      }
    }
  }`;

  it('a 4-level nested query costs the same number of statements at first: 5 and first: 200', async () => {
    const small = await statements(fourLevels, { n: 5 });
    const large = await statements(fourLevels, { n: 200 });
    // per source: dossiers (with their receiving units and procedures, src/graphql/embed.ts), parents,
    // requirements, legal basis, attachments, procedure units, nested dossiers, events, event units — one
    // statement per level and source. A small page can take one fewer: when every unit its events name is
    // a receiving unit already read with the list, the event units need no statement.
    expect(large.bySource).toEqual({ '40': 9 });
    expect(small.total).toBeLessThanOrEqual(large.total);
    expect(small.total).toBeGreaterThanOrEqual(large.total - 1);
  });

  it('a department → dossiers → procedure → legal basis tree stays flat as pages grow', async () => {
    const q = `query($n: Int) { units(first: $n, filter: { kind: DEPARTMENT, provinces: ["40"] }) { nodes {
      dossiers(first: $n) { totalCount nodes { handlingUnit { name } supplements { requestedAt } aliases
        procedure { channels { channel } processingDays fee publishingDecisions { numberSymbol } } } } } } }`;
    // up to 40 × 40 dossiers: under the loaders' batch of 1,000 keys (beyond it a level takes one more
    // statement per 1,000 rows, which is batching, not N+1)
    const a = await statements(q, { n: 5 });
    const b = await statements(q, { n: 40 });
    expect(b.total).toBeLessThanOrEqual(10);
    expect(a.total).toBeLessThanOrEqual(b.total);
  });

  it('documents → dossiers and procedures stay bounded', async () => {
    const q = `query($n: Int) { documents(first: $n) { nodes { issuer { name } procedures { name } dossiers(first: $n) { totalCount nodes { code } } } } }`;
    const a = await statements(q, { n: 4 });
    const b = await statements(q, { n: 300 });
    // list, issuers, procedures, nested dossiers, their counts: at most five per source
    for (const count of Object.values(b.bySource)) expect(count).toBeLessThanOrEqual(5);
    expect(a.total).toBeLessThanOrEqual(b.total);
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

describe('statement counts under contention', () => {
  let busy: TestHub;
  beforeAll(async () => {
    // one call at a time per source: every other call waits in the source's queue and is started when
    // another ends, from inside that other request's work
    busy = await startTestHub({ provinces: ['40'], env: { SOURCE_MAX_CONCURRENT: '1' } });
  });
  afterAll(() => busy?.close());

  it('each request counts its own statements, queued or not', async () => {
    const one = `{ dossiers(first: 5) { nodes { code } } }`; // one statement
    const two = `{ units(first: 20) { nodes { code children(first: 3) { nodes { code } } } } }`; // two
    const runs = await Promise.all(
      Array.from({ length: 24 }, (_, i) => busy.gql(i % 2 ? one : two, {}, { debugSql: true })),
    );
    runs.forEach((r, i) => {
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect(r.extensions!.sqlStatements, `request ${i}`).toEqual({
        total: i % 2 ? 1 : 2,
        bySource: { '40': i % 2 ? 1 : 2 },
      });
    });
  });
});
