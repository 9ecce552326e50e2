import type { Knex } from 'knex';
import { catalogueStore } from './catalogue-store.ts';
import { toProcedurePayload } from './payload.ts';
import type { ProcedurePayload } from './payload-schema.ts';
import type { PortalClient } from './portal-client.ts';
import { createPortalPolicy } from './portal-policy.ts';
import type { PortalPolicy } from './portal-policy.ts';

/** Reconciliation: what the portal holds for a province against the province's catalogue. */

export interface DriftEntry {
  nationalCode: string;
  name: string;
}

export interface DifferentEntry extends DriftEntry {
  expectedRevision: number;
  expectedHash: string;
  portalRevision: number;
  portalHash: string;
}

export interface Drift {
  province: string;
  /** ACTIVE in the catalogue, not held by the portal. */
  missing: DriftEntry[];
  /** Held by the portal, but abolished or unknown in the catalogue. */
  extra: DriftEntry[];
  /** Held by the portal with other content than the catalogue's. */
  different: DifferentEntry[];
  /** Procedures compared: ACTIVE in the catalogue, and held by the portal. */
  expected: number;
  held: number;
}

const byCode = (a: DriftEntry, b: DriftEntry) =>
  a.nationalCode < b.nationalCode ? -1 : a.nationalCode > b.nationalCode ? 1 : 0;

/** Pure comparison of the catalogue's payloads (ABOLISHED ones included) with the portal's listing. */
export function compareWithPortal(
  province: string,
  catalogue: readonly ProcedurePayload[],
  held: readonly ProcedurePayload[],
): Drift {
  const expected = new Map(catalogue.filter((p) => p.status === 'ACTIVE').map((p) => [p.nationalCode, p]));
  const holding = new Map(held.map((p) => [p.nationalCode, p]));
  const missing: DriftEntry[] = [];
  const different: DifferentEntry[] = [];
  for (const [code, p] of expected) {
    const h = holding.get(code);
    if (!h) missing.push({ nationalCode: code, name: p.name });
    else if (h.contentHash !== p.contentHash) {
      different.push({
        nationalCode: code,
        name: p.name,
        expectedRevision: p.revision,
        expectedHash: p.contentHash,
        portalRevision: h.revision,
        portalHash: h.contentHash,
      });
    }
  }
  const extra = [...holding.values()]
    .filter((h) => !expected.has(h.nationalCode))
    .map((h) => ({ nationalCode: h.nationalCode, name: h.name }));
  return {
    province,
    missing: missing.sort(byCode),
    extra: extra.sort(byCode),
    different: different.sort(byCode),
    expected: expected.size,
    held: holding.size,
  };
}

export const hasDrift = (d: Drift) => d.missing.length + d.extra.length + d.different.length > 0;

/**
 * Lists what the portal holds, each page under the portal policy (a page that fails is retried on its own),
 * and compares it with the catalogue.
 */
export async function verifyProvince(deps: {
  source: { code: string; db: Knex };
  portal: PortalClient;
  policy?: PortalPolicy;
}): Promise<Drift> {
  const policy = deps.policy ?? createPortalPolicy();
  const [catalogue, held] = await Promise.all([
    catalogueStore(deps.source.db).load(),
    deps.portal.listProcedures(deps.source.code, (page) => policy.execute(page)),
  ]);
  return compareWithPortal(deps.source.code, catalogue.map(toProcedurePayload), held);
}
