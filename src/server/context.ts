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
import type { GraphQLContext, Services } from '../graphql/context.ts';
import { createDisclosures } from '../graphql/disclosures.ts';
import { relations, renders } from './schema.ts';
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
  // the services are getters on the context's prototype: Apollo copies a context's own properties for each
  // operation (Object.assign, which would call every getter and make all nine services), not its prototype
  const lazy = Object.defineProperties({}, {
    provinces: { get: provinces },
    units: { get: units },
    procedures: { get: procedures },
    dossiers: { get: dossiers },
    statusLookup: { get: statusLookup },
    documents: { get: documents },
    sync: { get: sync },
    audit: { get: audit },
    indicators: { get: indicators },
  } satisfies Record<keyof Services, PropertyDescriptor>);
  const own: Omit<GraphQLContext, keyof Services> = {
    requestId,
    requestTime,
    viewer,
    clientAddress,
    fed,
    relations: rt.config.embedRelations ? relations : {},
    renders: rt.config.renderJson ? renders : null,
    disclosures,
  };
  return Object.assign(Object.create(lazy) as GraphQLContext, own);
}
