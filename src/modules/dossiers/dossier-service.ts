import { BadUserInputError } from '../../errors.ts';
import { federatedConnection, type Connection } from '../../graphql/connection.ts';
import { entityLoader, listLoader, type LocalKey } from '../../graphql/loaders.ts';
import { nestedConnections } from '../../graphql/nested.ts';
import {
  NO_EMBEDDING,
  embedList,
  noteRelationsFailed,
  primeRow,
  withEmbedded,
  type EmbedPlan,
  type Embedding,
} from '../../graphql/embed.ts';
import { pageRequest, type PageArgs } from '../../graphql/pagination.ts';
import { DECLINE, RawJson, pick, type Selected } from '../../graphql/render.ts';
import { isValidPosition } from '../../db/keyset.ts';
import type { Sql } from '../../db/json-rows.ts';
import { SEARCH_FIELD, type Disclosures } from '../../graphql/disclosures.ts';
import { hasScope, type Viewer } from '../../graphql/viewer.ts';
import type { Federation } from '../../sources/federation.ts';
import type { Source } from '../../sources/registry.ts';
import { dateRange, idFilter, localKeyOf, searchText, sortSpec, sourcesFor } from '../common/args.ts';
import { maskIdNumber, maskName, maskPhone } from './personal-data.ts';
import { DOSSIER_SORTS, dossierStore, type DossierListFilter } from './dossier-store.ts';
import type { DossierEntity } from '../../graphql/models.ts';
import type { Channel, Timeliness } from '../../graphql/generated/schema-types.ts';

/** A rendered list's relations failed while its rows answer: the resolvers answer instead. */
class RelationsFailed extends Error {}

/** National status codes 1–10 and their names in the API. */
export const DOSSIER_STATUSES = [
  'SUBMITTED',
  'RECEIVED',
  'REFUSED',
  'IN_PROGRESS',
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUESTED',
  'WITHDRAWN',
  'STOPPED',
  'PROCESSED',
  'RETURNED',
] as const;
export type DossierStatusName = (typeof DOSSIER_STATUSES)[number];
export const statusName = (code: number): DossierStatusName => DOSSIER_STATUSES[code - 1] ?? 'SUBMITTED';
const statusCode = (name: DossierStatusName) => DOSSIER_STATUSES.indexOf(name) + 1;

export interface DossierFilterArg {
  provinces?: string[] | null;
  status?: DossierStatusName[] | null;
  timeliness?: Timeliness[] | null;
  channel?: Channel | null;
  procedure?: string | null;
  unit?: string | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  dueFrom?: string | null;
  dueTo?: string | null;
  resolvedFrom?: string | null;
  resolvedTo?: string | null;
  search?: string | null;
}

export interface DossierListArgs extends PageArgs {
  filter?: DossierFilterArg | null;
  orderBy?: { field: keyof typeof DOSSIER_SORTS; direction?: 'ASC' | 'DESC' | null } | null;
}

const DEFAULT_ORDER = { field: 'RECEIVED_AT', direction: 'DESC' } as const;
/** Dossier codes are `<agency id>-<yyMMdd>-<NNNN>`, about 30 characters; anything far longer is a mistake. */
const MAX_CODE_LENGTH = 64;

function storeFilter(
  f: DossierFilterArg,
  ids: { procedureId?: number | undefined; unitId?: number | undefined },
  searchApplicant: boolean,
): DossierListFilter {
  dateRange(f.receivedFrom, f.receivedTo, 'received');
  dateRange(f.dueFrom, f.dueTo, 'due');
  dateRange(f.resolvedFrom, f.resolvedTo, 'resolved');
  return {
    statusCodes: f.status?.map(statusCode),
    timeliness: f.timeliness,
    channel: f.channel,
    procedureId: ids.procedureId,
    unitId: ids.unitId,
    receivedFrom: f.receivedFrom,
    receivedTo: f.receivedTo,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    resolvedFrom: f.resolvedFrom,
    resolvedTo: f.resolvedTo,
    search: searchText(f.search),
    searchApplicant,
  };
}

/**
 * Dossiers: queries, the personal-data rule, and this request's loaders. `requestTime` is the request's
 * clock: every province judges timeliness at that one instant.
 */
export function createDossierService(
  fed: Federation,
  viewer: Viewer,
  disclosures: Disclosures,
  requestTime: Date,
) {
  const canReadPii = hasScope(viewer, 'pii:read');
  const store = (s: Source) => dossierStore(s.db, s.code, requestTime);
  const byId = entityLoader(fed, (s, ids) => store(s).byIds(ids));
  const events = listLoader(
    fed,
    (s, ids) => store(s).events(ids),
    (r) => r.dossierId,
  );
  const supplements = listLoader(
    fed,
    (s, ids) => store(s).supplements(ids),
    (r) => r.dossierId,
  );
  const aliases = listLoader(
    fed,
    (s, ids) => store(s).aliases(ids),
    (r) => r.dossierId,
  );
  const nested = (kind: 'unit' | 'procedure' | 'document') =>
    nestedConnections<DossierEntity, DossierListFilter>(
      fed,
      (s, ids, f, q) =>
        kind === 'unit'
          ? store(s).ofUnits(ids, f, q)
          : kind === 'procedure'
            ? store(s).ofProcedures(ids, f, q)
            : store(s).ofDocuments(ids, f, q),
      (s, ids, f) => store(s).countPerParent(kind, ids, f),
    );
  const ofUnit = nested('unit');
  const ofProcedure = nested('procedure');
  const ofDocument = nested('document');
  const nestedArgs = (args: DossierListArgs, province: string) => {
    const spec = sortSpec(DOSSIER_SORTS, args.orderBy, DEFAULT_ORDER);
    const f = args.filter ?? {};
    if (f.provinces || f.procedure || f.unit) {
      throw new BadUserInputError(
        'A nested dossier list takes no provinces, procedure or unit filter: its parent decides them',
        {
          argument: 'filter',
        },
      );
    }
    const filter = storeFilter(f, {}, canReadPii);
    if (filter.search && filter.searchApplicant) disclosures.noteSearch([province]);
    return { spec, page: pageRequest(args, spec), filter };
  };
  /** One applicant field as this viewer may see it; an unmasked value is noted for the audit record. */
  const personal = (
    d: DossierEntity,
    field: 'name' | 'idNumber' | 'phone',
    mask: (v: string | null) => string | null,
  ) => {
    const value = d.applicant[field];
    if (!canReadPii) return mask(value);
    if (value != null) disclosures.note(d, `Applicant.${field}`);
    return value;
  };

  /** A root list's arguments, checked: its order, page, provinces and filter. */
  const listOf = (args: DossierListArgs) => {
    const f = args.filter ?? {};
    const spec = sortSpec(DOSSIER_SORTS, args.orderBy, DEFAULT_ORDER);
    const page = pageRequest(args, spec);
    const procedure = idFilter(f.procedure, 'Procedure', 'filter.procedure');
    const unit = idFilter(f.unit, 'Unit', 'filter.unit');
    const sources = sourcesFor(fed, f.provinces, procedure, unit);
    const filter = storeFilter(f, { procedureId: procedure?.localId, unitId: unit?.localId }, canReadPii);
    return { spec, page, sources, filter };
  };

  return {
    async list(args: DossierListArgs, plan: EmbedPlan = NO_EMBEDDING): Promise<Connection<DossierEntity>> {
      const { spec, page, sources, filter } = listOf(args);
      const connection = await federatedConnection(
        fed,
        sources,
        spec,
        page,
        (s, q) =>
          withEmbedded(fed, s, plan(s), (embedded) =>
            store(s).list(filter, q, embedded, (d, row) => primeRow(embedded, d, row)),
          ),
        (s) => store(s).count(filter),
        // the rows are read again without their relations when those do not answer: not abandoned
        // because another call to the province failed first (on the same lock)
        { finish: plan !== NO_EMBEDDING },
      );
      if (filter.search && filter.searchApplicant) {
        disclosures.noteSearch(sources.map((s) => s.code));
        for (const d of connection.nodes) disclosures.note(d, SEARCH_FIELD);
      }
      return connection;
    },
    /**
     * `Query.dossiers` rendered (src/graphql/render.ts): the page's `nodes` as the JSON `json` writes for
     * a source, and its `pageInfo`. DECLINE for what the resolvers answer instead: other fields of the
     * connection, arguments they report, a search that notes disclosures per row.
     */
    async render(
      args: DossierListArgs,
      field: Selected,
      json: (source: Source, fields: readonly Selected[]) => Sql | undefined,
      /** Whether a field of the nodes reads another table (a relation): a failure may be only theirs. */
      readsRelations: (fields: readonly Selected[]) => boolean,
    ): Promise<unknown> {
      const nodes = field.fields.filter((f) => f.name === 'nodes');
      if (nodes.length !== 1) return DECLINE;
      const written = ['nodes', 'pageInfo', 'totalCount', '__typename'];
      if (!field.fields.every((f) => written.includes(f.name))) return DECLINE;
      let asked: ReturnType<typeof listOf>;
      try {
        asked = listOf(args);
      } catch {
        return DECLINE;
      }
      const { spec, page, sources, filter } = asked;
      if ((filter.search && filter.searchApplicant) || !sources.length) return DECLINE;
      if (page.from && !isValidPosition(spec, page.from)) return DECLINE;
      // the JSON of each source's rows, written before any statement is sent: one that cannot be declines
      const rowsJson = new Map(sources.map((s) => [s.code, json(s, nodes[0]!.fields)]));
      if ([...rowsJson.values()].some((sql) => !sql)) return DECLINE;
      let connection: Connection<string>;
      try {
        connection = await federatedConnection(
          fed,
          sources,
          spec,
          page,
          async (s, q) => {
            const st = store(s);
            try {
              return await st.renderList(filter, q, rowsJson.get(s.code)!);
            } catch (err) {
              // as withEmbedded: when the rows answer without their relations, the relations failed, and
              // the resolvers answer the rows with those fields null; else the province failed
              if (!readsRelations(nodes[0]!.fields)) throw err;
              try {
                await st.list(filter, q);
              } catch {
                fed.failLater(s, err);
                throw err;
              }
              noteRelationsFailed(fed, s, err);
              throw new RelationsFailed();
            }
          },
          (s) => store(s).count(filter),
        );
      } catch (err) {
        if (err instanceof RelationsFailed) return DECLINE;
        throw err;
      }
      const c = connection;
      // the provinces that answer, summed: as the field's resolver counts
      const total = field.fields.some((f) => f.name === 'totalCount') ? await c.totalCount() : undefined;
      return pick(field.fields, 'DossierConnection', (f) =>
        f.name === 'nodes'
          ? RawJson.array(c.nodes)
          : f.name === 'totalCount'
            ? total
            : pick(f.fields, 'PageInfo', (g) => c.pageInfo[g.name as keyof typeof c.pageInfo]),
      );
    },
    async get(args: { id?: string | null; code?: string | null }): Promise<DossierEntity | null> {
      if ((args.id == null) === (args.code == null))
        throw new BadUserInputError('Give exactly one of "id" or "code"');
      if (args.id != null) {
        const key = localKeyOf(fed, args.id, 'Dossier');
        return key && byId.load(key);
      }
      const code = args.code!.trim();
      if (code.length > MAX_CODE_LENGTH) {
        throw new BadUserInputError(
          `Argument "code" is too long (${code.length} characters, at most ${MAX_CODE_LENGTH})`,
          { argument: 'code' },
        );
      }
      const found = await fed.each(fed.select(null), (s) =>
        store(s)
          .byCode(code)
          .then((d) => d ?? null),
      );
      return found.map((r) => r.value).find((d) => d != null) ?? null;
    },
    load: (key: LocalKey) => byId.load(key),
    events: (d: DossierEntity) => events.load({ province: d.province, id: d.id }),
    /** `Dossier.events` read in the dossier's statement (src/graphql/embed.ts). */
    embedEvents(source: Source): Embedding {
      const s = store(source);
      return embedList(events, s.eventsJson, s.eventFromJson, (d: DossierEntity) => ({
        province: d.province,
        id: d.id,
      }));
    },
    supplements: (d: DossierEntity) => supplements.load({ province: d.province, id: d.id }),
    aliases: async (d: DossierEntity) =>
      (await aliases.load({ province: d.province, id: d.id })).map((a) => a.alias),
    /** The applicant's fields as this viewer may see them (masked without `pii:read`). */
    applicantName: (d: DossierEntity) => personal(d, 'name', (v) => maskName(v!))!,
    applicantIdNumber: (d: DossierEntity) => personal(d, 'idNumber', maskIdNumber),
    applicantPhone: (d: DossierEntity) => personal(d, 'phone', maskPhone),
    ofUnit: (u: { province: string; id: number }, args: DossierListArgs) => {
      const { spec, page, filter } = nestedArgs(args, u.province);
      return ofUnit({ province: u.province, id: u.id }, spec, page, filter);
    },
    ofProcedure: (p: { province: string; id: number }, args: DossierListArgs) => {
      const { spec, page, filter } = nestedArgs(args, p.province);
      return ofProcedure({ province: p.province, id: p.id }, spec, page, filter);
    },
    ofDocument: (d: { province: string; id: number }, args: DossierListArgs) => {
      const { spec, page, filter } = nestedArgs(args, d.province);
      return ofDocument({ province: d.province, id: d.id }, spec, page, filter);
    },
  };
}
export type DossierService = ReturnType<typeof createDossierService>;

declare module '../../graphql/context.ts' {
  interface Services {
    dossiers: DossierService;
  }
}
