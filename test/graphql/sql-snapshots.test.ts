import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { captureSql, sqlSnapshot } from '../helpers/sql-capture.ts';

/**
 * The SQL behind the main list queries, stored beside this file in __sql__/. A change to the generated SQL
 * (a new statement per row, a lost index-friendly ORDER BY, a filter moved out of SQL) shows up as a diff
 * in review. After a deliberate change: `npx vitest run test/graphql/sql-snapshots.test.ts -u`.
 */

let hub: TestHub;
let capture: ReturnType<typeof captureSql>;
beforeAll(async () => {
  // two provinces: every statement appears once per source it fans out to
  hub = await startTestHub({ provinces: ['40', '96'] });
  capture = captureSql(hub);
});
afterAll(async () => {
  capture?.stop();
  await hub?.close();
});

const QUERIES: [name: string, title: string, query: string][] = [
  [
    'dossiers-filtered-sorted',
    'dossiers with a filter (channel, timeliness, received from, search) sorted by due date',
    `
{
  dossiers(
    first: 20
    filter: { channel: ONLINE, timeliness: [LATE, OVERDUE], receivedFrom: "2026-01-01", search: "nguyễn" }
    orderBy: { field: DUE_AT, direction: ASC }
  ) {
    totalCount
    nodes { code status timeliness dueAt }
  }
}`,
  ],
  [
    'procedures-search',
    'procedures found by accent-insensitive search, fully online only',
    `
{
  procedures(first: 20, filter: { search: "đăng ký khai sinh", onlineService: FULL }) {
    totalCount
    nodes { nationalCode name field }
  }
}`,
  ],
  [
    'units-children',
    'provincial People’s Committees with a page of their children each',
    `
{
  units(first: 5, filter: { kind: PEOPLES_COMMITTEE }) {
    nodes {
      name
      children(first: 10, orderBy: { field: NAME, direction: ASC }) { totalCount nodes { code name level } }
    }
  }
}`,
  ],
  [
    'documents',
    'decisions, newest first, with their issuer',
    `
{
  documents(first: 20, filter: { type: DECISION }, orderBy: { field: ISSUED_ON, direction: DESC }) {
    totalCount
    nodes { numberSymbol issuedOn issuer { name } }
  }
}`,
  ],
  [
    'dossier-page-nested',
    'a page of dossiers with procedure, receiving unit, events and documents',
    `
{
  dossiers(first: 10) {
    nodes {
      code
      procedure { nationalCode name }
      receivingUnit { code name }
      events { occurredAt status }
      documents { numberSymbol }
    }
  }
}`,
  ],
  [
    'unit-subtree',
    'a provincial People’s Committee with two levels of children, its children returned as rows',
    `
{
  unit(code: "000.00.00.H41") {
    code
    name
    children(first: 50) { nodes { code name kind children(first: 50) { nodes { code name kind } } } }
  }
}`,
  ],
];

describe('SQL of the main list queries', () => {
  it.each(QUERIES)('%s', async (name, title, query) => {
    const { res, statements } = await capture.gql(query);
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data ?? {})).not.toContain(null);
    expect(statements.length).toBeGreaterThan(0);
    await expect(sqlSnapshot(title, query, statements)).toMatchFileSnapshot(`./__sql__/${name}.sql`);
  });

  it('dossiers-second-page', async () => {
    const query = `
query($after: String) {
  dossiers(first: 25, after: $after, orderBy: { field: RECEIVED_AT, direction: DESC }) {
    nodes { code }
    pageInfo { endCursor }
  }
}`;
    type Page = { dossiers: { pageInfo: { endCursor: string } } };
    const first = await hub.gql<Page>(query, { after: null });
    const after = first.data!.dossiers.pageInfo.endCursor;
    const { res, statements } = await capture.gql<Page>(query, { after });
    expect(res.errors).toBeUndefined();
    await expect(
      sqlSnapshot('the second page of dossiers, after a keyset cursor', query, statements),
    ).toMatchFileSnapshot('./__sql__/dossiers-second-page.sql');
  });
});
