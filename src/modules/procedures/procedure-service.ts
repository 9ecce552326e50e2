import { BadUserInputError } from '../../errors.ts';
import { federatedConnection, type Connection } from '../../graphql/connection.ts';
import { entityLoader, listLoader, type LocalKey } from '../../graphql/loaders.ts';
import { nestedConnections } from '../../graphql/nested.ts';
import type { Source } from '../../sources/registry.ts';
import { embedOne, type Embedding } from '../../graphql/embed.ts';
import { pageRequest, type PageArgs } from '../../graphql/pagination.ts';
import type { Federation } from '../../sources/federation.ts';
import { idFilter, localKeyOf, searchText, sortSpec, sourcesFor } from '../common/args.ts';
import { PROCEDURE_SORTS, procedureStore } from './procedure-store.ts';
import type { ProcedureChannelEntity, ProcedureEntity, UnitEntity } from '../../graphql/models.ts';
import type { OnlineService, ProcedureStatus, UnitLevel } from '../../graphql/generated/schema-types.ts';

export interface ProcedureListArgs extends PageArgs {
  filter?: {
    provinces?: string[] | null;
    field?: string | null;
    level?: UnitLevel | null;
    onlineService?: OnlineService | null;
    status?: ProcedureStatus | null;
    unit?: string | null;
    search?: string | null;
  } | null;
  orderBy?: { field: keyof typeof PROCEDURE_SORTS; direction?: 'ASC' | 'DESC' | null } | null;
}

const DEFAULT_ORDER = { field: 'NAME', direction: 'ASC' } as const;

/** Procedures: catalogue queries, with this request's loaders. */
export function createProcedureService(fed: Federation) {
  const byId = entityLoader(fed, (s, ids) => procedureStore(s.db, s.code).byIds(ids));
  const channels = listLoader(
    fed,
    (s, ids) => procedureStore(s.db, s.code).channels(ids),
    (r) => r.procedureId,
  );
  const requirements = listLoader(
    fed,
    (s, ids) => procedureStore(s.db, s.code).requirements(ids),
    (r) => r.procedureId,
  );
  const ofDocument = listLoader(
    fed,
    (s, ids) => procedureStore(s.db, s.code).ofDocuments(ids),
    (r) => r.documentId,
  );
  const ofUnit = nestedConnections<ProcedureEntity, null>(
    fed,
    (s, ids, _f, q) => procedureStore(s.db, s.code).ofUnits(ids, q),
    (s, ids) => procedureStore(s.db, s.code).countOfUnits(ids),
  );
  const daysOf = (c: ProcedureChannelEntity) =>
    c.timeUnit === 'HOUR' ? c.processingTime / 8 : c.processingTime;

  return {
    async list(args: ProcedureListArgs): Promise<Connection<ProcedureEntity>> {
      const f = args.filter ?? {};
      const spec = sortSpec(PROCEDURE_SORTS, args.orderBy, DEFAULT_ORDER);
      const page = pageRequest(args, spec);
      const unit = idFilter(f.unit, 'Unit', 'filter.unit');
      const sources = sourcesFor(fed, f.provinces, unit);
      const filter = {
        field: searchText(f.field, 'filter.field'),
        level: f.level,
        onlineService: f.onlineService,
        status: f.status,
        unitId: unit?.localId,
        search: searchText(f.search),
      };
      return federatedConnection(
        fed,
        sources,
        spec,
        page,
        (s, q) => procedureStore(s.db, s.code).list(filter, q),
        (s) => procedureStore(s.db, s.code).count(filter),
      );
    },
    async get(args: {
      id?: string | null;
      nationalCode?: string | null;
      province?: string | null;
    }): Promise<ProcedureEntity | null> {
      if (args.id != null) {
        if (args.nationalCode != null)
          throw new BadUserInputError('Give either "id" or "nationalCode" with "province", not both');
        const key = localKeyOf(fed, args.id, 'Procedure');
        return key && byId.load(key);
      }
      if (args.nationalCode == null)
        throw new BadUserInputError('Give "id", or "nationalCode" with "province"');
      if (!/^\d\.\d{6}$/.test(args.nationalCode)) {
        throw new BadUserInputError(
          `Argument "nationalCode" must look like 1.001193, got "${args.nationalCode}"`,
          {
            argument: 'nationalCode',
          },
        );
      }
      if (args.province == null) {
        throw new BadUserInputError(
          'Argument "province" is required with "nationalCode": national codes repeat across provinces',
          {
            argument: 'province',
          },
        );
      }
      const [source] = fed.select([args.province], 'province');
      const found = await fed.one(source!, (s) =>
        procedureStore(s.db, s.code).byNationalCodes([args.nationalCode!]),
      );
      return found?.[0] ?? null;
    },
    load: (key: LocalKey) => byId.load(key),
    /** A procedure its parent row's `column` names, read in the parent's statement (src/graphql/embed.ts). */
    embedById<P>(source: Source, column: string, keyOf: (parent: P) => LocalKey | null): Embedding {
      const s = procedureStore(source.db, source.code);
      return embedOne(byId, (parent, alias) => s.byIdJson(parent, column, alias), s.fromJson, keyOf);
    },
    channels: (p: ProcedureEntity) => channels.load({ province: p.province, id: p.id }),
    requirements: (p: ProcedureEntity) => requirements.load({ province: p.province, id: p.id }),
    /** Shortest processing time in days over channels and cases. */
    async processingDays(p: ProcedureEntity): Promise<number | null> {
      const list = await channels.load({ province: p.province, id: p.id });
      return list.length ? Math.min(...list.map(daysOf)) : null;
    },
    async fee(p: ProcedureEntity): Promise<number | null> {
      const list = await channels.load({ province: p.province, id: p.id });
      return list.length ? Math.min(...list.map((c) => c.feeVnd)) : null;
    },
    ofDocument: (d: { province: string; id: number }) => ofDocument.load({ province: d.province, id: d.id }),
    ofUnit: (u: UnitEntity, args: Omit<ProcedureListArgs, 'filter'>) => {
      const spec = sortSpec(PROCEDURE_SORTS, args.orderBy, DEFAULT_ORDER);
      return ofUnit({ province: u.province, id: u.id }, spec, pageRequest(args, spec), null);
    },
  };
}
export type ProcedureService = ReturnType<typeof createProcedureService>;

declare module '../../graphql/context.ts' {
  interface Services {
    procedures: ProcedureService;
  }
}
