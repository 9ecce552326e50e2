/**
 * The benchmark workloads, as GraphQL for the hub, as paths for the hand-written baseline and, where the
 * same read exists there, as GraphQL for PostGraphile (src/bench/postgraphile.ts).
 */
export interface Workload {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  baselinePath: string;
  /** The equivalent PostGraphile operation on province 40's database; absent when not comparable. */
  peer?: { query: string; variables: Record<string, unknown> };
}

export function workloads(rootUnitCode: string): Workload[] {
  return [
    {
      name: 'dossier page (50, nested)',
      query: `query DossierPage { dossiers(first: 50, filter: { provinces: ["40"] }) { nodes {
        code status receivedAt dueAt timeliness
        procedure { nationalCode name field }
        receivingUnit { code name }
        events { occurredAt status note }
        documents { numberSymbol summary }
      } } }`,
      variables: {},
      baselinePath: '/dossiers?province=40&first=50',
      // newest by primary key (the hub: by reception time); timeliness is a computed column
      peer: {
        query: `query DossierPage { allDossiers(first: 50, orderBy: [PRIMARY_KEY_DESC]) { nodes {
          code status receivedAt dueAt timeliness
          procedureByProcedureId { nationalCode name field }
          unitByReceivingUnitId { code name }
          dossierEventsByDossierId { nodes { occurredAt status note } }
          dossierDocumentsByDossierId { nodes { documentByDocumentId { numberSymbol summary } } }
        } } }`,
        variables: {},
      },
    },
    {
      name: 'procedure search',
      query: `query Search { procedures(first: 20, filter: { search: "ho tich" }) { totalCount nodes { nationalCode name field onlineService province { code } } } }`,
      variables: {},
      baselinePath: '/procedures?search=ho%20tich&first=20',
    },
    {
      // the search above on the one database PostGraphile serves
      name: 'procedure search (province 40)',
      query: `query Search { procedures(first: 20, filter: { provinces: ["40"], search: "ho tich" }) { totalCount nodes { nationalCode name field onlineService province { code } } } }`,
      variables: {},
      baselinePath: '/procedures?search=ho%20tich&first=20&province=40',
      // ILIKE on name or field: case-insensitive but not accent-insensitive, so it is given the accented
      // text (ho tich matches nothing there)
      peer: {
        query: `query Search { allProcedures(first: 20, orderBy: [NAME_ASC, PRIMARY_KEY_ASC], filter: { or: [
          { name: { includesInsensitive: "hộ tịch" } }, { field: { includesInsensitive: "hộ tịch" } } ] }) {
          totalCount nodes { nationalCode name field onlineService } } }`,
        variables: {},
      },
    },
    {
      name: 'unit subtree',
      query: `query Subtree($code: String!) { unit(code: $code) { code name children(first: 50) { nodes { code name kind
        children(first: 50) { nodes { code name kind } } } } } }`,
      variables: { code: rootUnitCode },
      baselinePath: `/subtree?province=40&code=${encodeURIComponent(rootUnitCode)}`,
      peer: {
        query: `query Subtree($code: String!) { unitByCode(code: $code) { code name
          unitsByParentId(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { code name kind
          unitsByParentId(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { code name kind } } } } } }`,
        variables: { code: rootUnitCode },
      },
    },
  ];
}
