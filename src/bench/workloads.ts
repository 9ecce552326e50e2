/** The three benchmark workloads, as GraphQL for the hub and as paths for the hand-written baseline. */
export interface Workload {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  baselinePath: string;
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
    },
    {
      name: 'procedure search',
      query: `query Search { procedures(first: 20, filter: { search: "ho tich" }) { totalCount nodes { nationalCode name field onlineService province { code } } } }`,
      variables: {},
      baselinePath: '/procedures?search=ho%20tich&first=20',
    },
    {
      name: 'unit subtree',
      query: `query Subtree($code: String!) { unit(code: $code) { code name children(first: 50) { nodes { code name kind
        children(first: 50) { nodes { code name kind } } } } } }`,
      variables: { code: rootUnitCode },
      baselinePath: `/subtree?province=40&code=${encodeURIComponent(rootUnitCode)}`,
    },
  ];
}
