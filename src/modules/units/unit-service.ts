import { BadUserInputError } from '../../errors.ts';
import type { Connection } from '../../graphql/connection.ts';
import { federatedConnection } from '../../graphql/connection.ts';
import { entityLoader, listLoader, type LocalKey } from '../../graphql/loaders.ts';
import { nestedConnections } from '../../graphql/nested.ts';
import { pageRequest, type PageArgs, type PageRequest } from '../../graphql/pagination.ts';
import {
  embedOne,
  primeRow,
  withEmbedded,
  type Asked,
  type EmbedPlan,
  type Embedding,
} from '../../graphql/embed.ts';
import { isValidPosition, type SortSpec } from '../../db/keyset.ts';
import type { Source } from '../../sources/registry.ts';
import type { Federation } from '../../sources/federation.ts';
import { idFilter, localKeyOf, searchText, sortSpec, sourcesFor } from '../common/args.ts';
import { UNIT_SORTS, childrenRows, unitStore, type LineageRow } from './unit-store.ts';
import {
  DECLINE,
  connectionOf,
  jsonArrayOf,
  onlyNodes,
  type Rendered,
  type Selected,
} from '../../graphql/render.ts';
import type { Sql } from '../../db/json-rows.ts';
import type { AdministrativeCodeModel, UnitEntity, UnitLineageModel } from '../../graphql/models.ts';
import type { UnitKind, UnitLevel } from '../../graphql/generated/schema-types.ts';

export interface UnitListArgs extends PageArgs {
  filter?: {
    provinces?: string[] | null;
    level?: UnitLevel | null;
    kind?: UnitKind | null;
    parent?: string | null;
    active?: boolean | null;
    search?: string | null;
  } | null;
  orderBy?: { field: keyof typeof UNIT_SORTS; direction?: 'ASC' | 'DESC' | null } | null;
}

const DEFAULT_ORDER = { field: 'NAME', direction: 'ASC' } as const;

const lineageModel = (province: string, r: LineageRow): UnitLineageModel => ({
  province,
  kind: r.kind,
  predecessorId: r.predecessor_id,
  successorId: r.successor_id,
  external:
    r.ext_name == null
      ? null
      : {
          code: r.ext_code,
          name: r.ext_name,
          province: { code: r.ext_province_code!, name: r.ext_province_name! },
        },
  effectiveOn: r.effective_on,
  documentId: r.document_id,
});

/** A children page's order and page for these arguments; undefined when they are not valid. */
function childrenPage(args: Omit<UnitListArgs, 'filter'>): { spec: SortSpec; page: PageRequest } | undefined {
  try {
    const spec = sortSpec(UNIT_SORTS, args.orderBy, DEFAULT_ORDER);
    return { spec, page: pageRequest(args, spec) };
  } catch {
    return undefined;
  }
}

/** Units: rules and validation over the unit store, with this request's loaders. */
export function createUnitService(fed: Federation) {
  const byId = entityLoader(fed, (s, ids) => unitStore(s.db, s.code).byIds(ids));
  const adminCodes = listLoader(
    fed,
    (s, ids) => unitStore(s.db, s.code).adminCodes(ids),
    (r) => r.unit_id,
  );
  const lineage = listLoader(
    fed,
    (s, ids) => unitStore(s.db, s.code).successors(ids),
    (r) => r.predecessor_id,
  );
  const lineageBack = listLoader(
    fed,
    (s, ids) => unitStore(s.db, s.code).predecessors(ids),
    (r) => r.successor_id!,
  );
  const current = listLoader(
    fed,
    (s, ids) => unitStore(s.db, s.code).currentUnits(ids),
    (r) => r.origin,
  );
  const ofProcedure = listLoader(
    fed,
    (s, ids) => unitStore(s.db, s.code).ofProcedures(ids),
    (r) => r.procedureId,
  );
  const children = nestedConnections<UnitEntity, null>(
    fed,
    (s, ids, _f, q, planned) =>
      withEmbedded(fed, s, planned, (embedded) =>
        unitStore(s.db, s.code).childrenOf(ids, q, embedded, (u, row) => primeRow(embedded, u, row)),
      ),
    (s, ids) => unitStore(s.db, s.code).countChildren(ids),
  );

  /** The identifier's last group names the province (H41 is Nghệ An): only that source, when known. */
  const sourcesOfCode = (code: string) => {
    const suffix = code.split('.').at(-1);
    const all = fed.select(null);
    const owner = all.filter((s) => s.agencySuffix === suffix);
    return owner.length ? owner : all;
  };

  return {
    async list(args: UnitListArgs): Promise<Connection<UnitEntity>> {
      const f = args.filter ?? {};
      const spec = sortSpec(UNIT_SORTS, args.orderBy, DEFAULT_ORDER);
      const page = pageRequest(args, spec);
      const parent = idFilter(f.parent, 'Unit', 'filter.parent');
      const sources = sourcesFor(fed, f.provinces, parent);
      const filter = {
        level: f.level,
        kind: f.kind,
        parentId: parent?.localId,
        active: f.active,
        search: searchText(f.search),
      };
      return federatedConnection(
        fed,
        sources,
        spec,
        page,
        (s, q) => unitStore(s.db, s.code).list(filter, q),
        (s) => unitStore(s.db, s.code).count(filter),
      );
    },
    async get(args: { id?: string | null; code?: string | null }): Promise<UnitEntity | null> {
      if ((args.id == null) === (args.code == null))
        throw new BadUserInputError('Give exactly one of "id" or "code"');
      if (args.id != null) {
        const key = localKeyOf(fed, args.id, 'Unit');
        return key && byId.load(key);
      }
      const code = args.code!.trim();
      const found = await fed.each(sourcesOfCode(code), (s) => unitStore(s.db, s.code).byCodes([code]));
      // the unit whose current identifier it is, else the lowest id (as the rendered read picks it)
      const first = (units: UnitEntity[]) =>
        [...units].sort((a, b) => Number(b.code === code) - Number(a.code === code) || a.id - b.id)[0];
      return found.map((r) => first(r.value)).find((u) => u !== undefined) ?? null;
    },
    /**
     * `Query.unit(code:)` rendered (src/graphql/render.ts): the unit as the JSON `json` writes for a
     * source, or null. DECLINE for an id (the resolvers answer it).
     */
    async render(
      args: { id?: string | null; code?: string | null },
      json: (source: Source) => Rendered | undefined,
    ): Promise<unknown> {
      if (args.id != null || args.code == null) return DECLINE;
      const code = args.code.trim();
      const sources = sourcesOfCode(code);
      // the statement of each source, written before any is sent: one that cannot be declines them all
      const statements = new Map(sources.map((s) => [s.code, json(s)]));
      if (!sources.length || [...statements.values()].some((sql) => !sql)) return DECLINE;
      const found = await fed.each(sources, (s) =>
        unitStore(s.db, s.code).renderByCode(code, statements.get(s.code)!),
      );
      return found.map((r) => r.value).find((v) => v != null) ?? null;
    },
    /**
     * `Unit.children` rendered: only its `nodes`, forward from the start; undefined (declined) for
     * anything else.
     */
    renderChildren(
      field: Selected,
      row: string,
      alias: string,
      json: (fields: readonly Selected[], alias: string) => Sql | undefined,
    ): Rendered | undefined {
      const nodes = field.fields.filter((f) => f.name === 'nodes');
      if (nodes.length > 1 || !onlyNodes(field)) return undefined;
      const planned = childrenPage(field.args as Omit<UnitListArgs, 'filter'>);
      if (!planned || planned.page.backward || planned.page.from) return undefined;
      const obj = json(nodes[0]?.fields ?? [], alias);
      if (!obj) return undefined;
      const children = childrenRows(row, planned.spec, planned.page.limit);
      return connectionOf(
        field,
        'UnitConnection',
        jsonArrayOf(obj, alias, `(${children.rows}) ${alias}`, children.order(alias)),
      );
    },
    load: (key: LocalKey) => byId.load(key),
    /** A unit its parent row's `column` names, read in the parent's statement (src/graphql/embed.ts). */
    embedById<P>(source: Source, column: string, keyOf: (parent: P) => LocalKey | null): Embedding {
      const s = unitStore(source.db, source.code);
      return embedOne(byId, (parent, alias) => s.byIdJson(parent, column, alias), s.fromJson, keyOf);
    },
    parent: (u: UnitEntity) =>
      u.parentId == null ? null : byId.load({ province: u.province, id: u.parentId }),
    children: (u: UnitEntity, args: Omit<UnitListArgs, 'filter'>, plan?: EmbedPlan) => {
      const spec = sortSpec(UNIT_SORTS, args.orderBy, DEFAULT_ORDER);
      return children({ province: u.province, id: u.id }, spec, pageRequest(args, spec), null, plan);
    },
    /** `Unit.children` read in its parent's statement (src/graphql/embed.ts); undefined for arguments that do not plan. */
    embedChildren(
      source: Source,
      asked: Asked,
      nested: (type: string) => Embedding[],
    ): Embedding | undefined {
      // arguments that do not plan: the field's own resolver reports them
      const planned = childrenPage(asked.args as Omit<UnitListArgs, 'filter'>);
      if (!planned || planned.page.limit === 0) return undefined;
      const { spec, page } = planned;
      const { q, prime } = children.embedded(spec, page, null);
      // a cursor applyAfter would refuse: refused by the field's own statement, at the field's path
      if (q.from && !isValidPosition(q.spec, q.from)) return undefined;
      const inner = nested('Unit');
      const store = unitStore(source.db, source.code);
      return {
        sql: (parent, alias) => store.childrenJson(parent, alias, q, inner),
        prime: (u: UnitEntity, value) =>
          prime(
            { province: u.province, id: u.id },
            store.childrenFromJson(u.id, value as never, (child, row) => primeRow(inner, child, row)),
          ),
      };
    },
    async administrativeCodes(u: UnitEntity): Promise<AdministrativeCodeModel[]> {
      const rows = await adminCodes.load({ province: u.province, id: u.id });
      return rows.map((r) => ({
        system: r.system,
        code: r.code,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      }));
    },
    async successors(u: UnitEntity): Promise<UnitLineageModel[]> {
      const rows = await lineage.load({ province: u.province, id: u.id });
      return rows.map((r) => lineageModel(u.province, r));
    },
    async predecessors(u: UnitEntity): Promise<UnitLineageModel[]> {
      const rows = await lineageBack.load({ province: u.province, id: u.id });
      return rows.map((r) => lineageModel(u.province, r));
    },
    async currentUnits(u: UnitEntity): Promise<UnitEntity[]> {
      const rows = await current.load({ province: u.province, id: u.id });
      return rows.map(({ origin: _o, ...e }) => e);
    },
    ofProcedure: (p: { province: string; id: number }) =>
      ofProcedure.load({ province: p.province, id: p.id }),
    isActive: (u: UnitEntity, today = new Date().toISOString().slice(0, 10)) =>
      u.validTo == null || u.validTo >= today,
  };
}
export type UnitService = ReturnType<typeof createUnitService>;

declare module '../../graphql/context.ts' {
  interface Services {
    units: UnitService;
  }
}
