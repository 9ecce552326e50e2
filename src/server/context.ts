import { createAuditService } from '../modules/audit/audit-service.ts';
import { createDocumentService } from '../modules/documents/document-service.ts';
import { createDossierService } from '../modules/dossiers/dossier-service.ts';
import { createStatusLookupService } from '../modules/dossiers/status-lookup-service.ts';
import { createIndicatorService } from '../modules/indicators/indicator-service.ts';
import { createProcedureService } from '../modules/procedures/procedure-service.ts';
import { createProvinceService } from '../modules/provinces/province-service.ts';
import { createSyncService } from '../modules/sync/sync-service.ts';
import { createUnitService } from '../modules/units/unit-service.ts';
import type { Runtime } from '../runtime.ts';
import type { RequestDeadline } from '../sources/deadline.ts';
import { createFederation } from '../sources/federation.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { createDisclosures } from '../graphql/disclosures.ts';
import type { Viewer } from '../graphql/viewer.ts';

export function createContext(
  rt: Runtime,
  requestId: string,
  viewer: Viewer,
  clientAddress: string,
  deadline?: RequestDeadline,
  requestTime: Date = new Date(),
): GraphQLContext {
  const fed = createFederation(rt.sources, rt.health, {
    timeoutMs: rt.config.sourceStatementTimeoutMs + rt.config.sourceConnectTimeoutMs,
    log: rt.log.child({ requestId }),
    deadline,
    provinces: viewer.provinces,
  });
  const disclosures = createDisclosures();
  return {
    requestId,
    requestTime,
    viewer,
    clientAddress,
    fed,
    disclosures,
    provinces: createProvinceService(rt, viewer),
    units: createUnitService(fed),
    procedures: createProcedureService(fed),
    dossiers: createDossierService(fed, viewer, disclosures, requestTime),
    statusLookup: createStatusLookupService(rt, fed, viewer, clientAddress, requestTime),
    documents: createDocumentService(fed),
    sync: createSyncService(rt, viewer),
    audit: createAuditService(rt, viewer),
    indicators: createIndicatorService(fed, requestTime),
  };
}
