import DataLoader from 'dataloader';
import { BadUserInputError, ForbiddenError } from '../../errors.ts';
import type { Runtime } from '../../runtime.ts';
import { singleSourceConnection, type Connection } from '../../graphql/connection.ts';
import { pageRequest, type PageArgs } from '../../graphql/pagination.ts';
import { mayReadProvince, type Viewer } from '../../graphql/viewer.ts';
import { SYNC_RUN_ORDER, syncRunStore } from './sync-run-store.ts';
import type {
  PortalStatusEntity,
  ProvinceModel,
  SyncItemEntity,
  SyncRunEntity,
} from '../../graphql/models.ts';
import type { QuerySyncRunsArgs } from '../../graphql/generated/schema-types.ts';

export type SyncRunListArgs = PageArgs & Pick<Partial<QuerySyncRunsArgs>, 'filter'>;

/** Hub-backed sync state for the API (not federated: runs and portal state live in the hub database). */
export function createSyncService(rt: Pick<Runtime, 'hub' | 'sources'>, viewer: Viewer) {
  const store = syncRunStore(rt.hub);
  const visible = (province: string) => mayReadProvince(viewer, province);

  const runs = new DataLoader<number, SyncRunEntity | null>(async (ids) => {
    const found = new Map((await store.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = found.get(id);
      return r && visible(r.province) ? r : null;
    });
  });
  const rejected = new DataLoader<number, SyncItemEntity[]>(async (ids) => {
    const rows = await store.rejectedItems(ids);
    return ids.map((id) => rows.filter((r) => r.runId === id));
  });
  const portalStates = new DataLoader<
    { province: string; nationalCode: string },
    PortalStatusEntity | null,
    string
  >(
    async (keys) => {
      const found = new Map(
        (await store.portalStates(keys)).map((s) => [`${s.province}:${s.nationalCode}`, s]),
      );
      return keys.map((k) => found.get(`${k.province}:${k.nationalCode}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.province}:${k.nationalCode}` },
  );

  /** Province codes of a filter, checked against the sources and narrowed to what the viewer may read. */
  function provincesOf(requested: string[] | null | undefined): string[] | undefined {
    if (requested) {
      const unknown = requested.filter((c) => !rt.sources.byCode(c));
      if (unknown.length > 0) {
        const known = rt.sources.all.map((s) => s.code).join(', ');
        throw new BadUserInputError(
          `Unknown province ${unknown.map((c) => `"${c}"`).join(', ')} in filter.provinces (known: ${known})`,
          { argument: 'filter.provinces' },
        );
      }
    }
    if (viewer.provinces === null) return requested ?? undefined;
    const outside = (requested ?? []).filter((c) => !visible(c));
    if (outside.length) {
      throw new ForbiddenError(
        `Province ${outside.map((c) => `"${c}"`).join(', ')} in filter.provinces is outside this caller's key or token`,
        { province: outside[0]! },
      );
    }
    return requested ?? [...viewer.provinces];
  }

  return {
    /** Runs newest first; a Relay connection over the hub. */
    async list(args: SyncRunListArgs): Promise<Connection<SyncRunEntity>> {
      const page = pageRequest(args, SYNC_RUN_ORDER);
      const filter = { provinces: provincesOf(args.filter?.provinces), status: args.filter?.status };
      const rows =
        page.limit === 0
          ? []
          : await store.list(filter, { spec: SYNC_RUN_ORDER, from: page.from, limit: page.limit + 1 });
      return singleSourceConnection('hub', SYNC_RUN_ORDER, page, rows, () => store.count(filter));
    },
    load: (id: number) => runs.load(id),
    rejectedItems: (run: SyncRunEntity) => (run.counts.rejected === 0 ? [] : rejected.load(run.id)),
    /** Null when the procedure was never pushed. */
    portalStatus: (p: { province: string; nationalCode: string }) =>
      portalStates.load({ province: p.province, nationalCode: p.nationalCode }),
    /** The run's province; a province since removed from the sources still shows its code. */
    province(run: SyncRunEntity): ProvinceModel {
      const s = rt.sources.byCode(run.province);
      return s
        ? { code: s.code, slug: s.slug, name: s.name }
        : { code: run.province, slug: run.province, name: run.province };
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;

declare module '../../graphql/context.ts' {
  interface Services {
    sync: SyncService;
  }
}
