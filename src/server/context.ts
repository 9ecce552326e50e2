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
  // each service (and its DataLoaders) is made when a resolver first asks for it: a request touches two
  // or three of the nine
  const once = <T>(make: () => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const provinces = once(() => createProvinceService(rt, viewer));
  const units = once(() => createUnitService(fed));
  const procedures = once(() => createProcedureService(fed));
  const dossiers = once(() => createDossierService(fed, viewer, disclosures, requestTime));
  const statusLookup = once(() => createStatusLookupService(rt, fed, viewer, clientAddress, requestTime));
  const documents = once(() => createDocumentService(fed));
  const sync = once(() => createSyncService(rt, viewer));
  const audit = once(() => createAuditService(rt, viewer));
  const indicators = once(() => createIndicatorService(fed, requestTime));
  return {
    requestId,
    requestTime,
    viewer,
    clientAddress,
    fed,
    disclosures,
    get provinces() {
      return provinces();
    },
    get units() {
      return units();
    },
    get procedures() {
      return procedures();
    },
    get dossiers() {
      return dossiers();
    },
    get statusLookup() {
      return statusLookup();
    },
    get documents() {
      return documents();
    },
    get sync() {
      return sync();
    },
    get audit() {
      return audit();
    },
    get indicators() {
      return indicators();
    },
  };
}
