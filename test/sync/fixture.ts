import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, expect, onTestFinished } from 'vitest';
import { createKnex, dropDatabase } from '../../src/db/knex.ts';
import { createLogger } from '../../src/logger.ts';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import type { PortalSandboxOptions } from '../../src/portal-sandbox/sandbox.ts';
import { portalClientFor, runSync } from '../../src/sync/job.ts';
import type { SyncJobDeps } from '../../src/sync/job.ts';
import { verifyProvince } from '../../src/sync/verify.ts';
import type { Drift } from '../../src/sync/verify.ts';
import { adminUrl, cloneDatabase, dbUrl, startTestHub } from '../helpers/hub.ts';
import { templateName } from '../helpers/templates.ts';

/** Worlds for sync tests: each test gets its own databases and its own sandbox portal. */

const PORTAL = { clientId: 'sandbox', clientSecret: 'sandbox', timeoutMs: 5000 };

/** A province's catalogue pushed once: the hub database as a template, the portal as a sandbox data file. */
export interface PushedBaseline {
  province: string;
  hubTemplate: string;
  portalFile: string;
}

let clones = 0;
const uniqueName = (what: string) => `sync_${process.pid}_${++clones}_${what}`;

async function pushBaseline(province: string): Promise<PushedBaseline> {
  const hubTemplate = uniqueName('pushed_hub');
  const catalogue = uniqueName(`pushed_${province}`);
  await cloneDatabase(templateName('hub'), hubTemplate);
  await cloneDatabase(templateName(province), catalogue);
  const portalFile = path.join(await mkdtemp(path.join(tmpdir(), 'lienthong-sync-')), 'portal.json');
  const hub = createKnex(dbUrl(hubTemplate));
  const db = createKnex(dbUrl(catalogue));
  const sandbox = createPortalSandbox({ dataFile: portalFile });
  try {
    const { url } = await sandbox.listen(0, '127.0.0.1');
    const result = await runSync({
      hub,
      source: { code: province, db },
      portal: portalClientFor({ ...PORTAL, url }),
      log: createLogger('silent'),
      concurrency: 4,
    });
    if (result.status !== 'SUCCEEDED') throw new Error(`baseline push ${result.status}: ${result.error}`);
  } finally {
    await sandbox.close();
    await hub.destroy();
    await db.destroy();
    await dropDatabase(adminUrl(), catalogue);
  }
  return { province, hubTemplate, portalFile };
}

/**
 * The pushed baseline of a test file, made on first use and dropped after the file's tests; tests start
 * from copies of it, so none sees what another did.
 */
export function pushedBaseline(province = '17'): () => Promise<PushedBaseline> {
  let made: Promise<PushedBaseline> | undefined;
  afterAll(async () => {
    const baseline = await made;
    if (!baseline) return;
    await dropDatabase(adminUrl(), baseline.hubTemplate);
    await rm(path.dirname(baseline.portalFile), { recursive: true, force: true });
  });
  return () => (made ??= pushBaseline(province));
}

/**
 * One test's own world: a hub over fresh copies of the hub and province databases (the hub's a copy of
 * the baseline when given) and a sandbox portal (holding the baseline's procedures when given); all of
 * it is closed and dropped when the test finishes.
 */
export async function startSyncWorld(
  opts: {
    province?: string;
    from?: PushedBaseline;
    sandbox?: PortalSandboxOptions;
    concurrency?: number;
    timeoutMs?: number;
  } = {},
) {
  const province = opts.from?.province ?? opts.province ?? '17';
  let env: Record<string, string> = {};
  let dataFile: string | undefined;
  if (opts.from) {
    const hubDb = uniqueName('hub');
    await cloneDatabase(opts.from.hubTemplate, hubDb);
    onTestFinished(() => dropDatabase(adminUrl(), hubDb));
    env = { DATABASE_URL: dbUrl(hubDb) };
    const dir = await mkdtemp(path.join(tmpdir(), 'lienthong-sync-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    dataFile = path.join(dir, 'portal.json');
    await copyFile(opts.from.portalFile, dataFile);
  }
  const hub = await startTestHub({ provinces: [province], env, scopes: ['read', 'sync:read'] });
  onTestFinished(() => hub.close());
  const sandbox = createPortalSandbox({ ...opts.sandbox, ...(dataFile && { dataFile }) });
  onTestFinished(() => sandbox.close());
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const source = hub.rt.sources.byCode(province)!;
  const deps: SyncJobDeps = {
    hub: hub.rt.hub,
    source,
    portal: portalClientFor({ ...PORTAL, url, timeoutMs: opts.timeoutMs ?? PORTAL.timeoutMs }),
    log: hub.rt.log,
    concurrency: opts.concurrency ?? 4,
    metrics: hub.rt.metrics,
  };
  const db: Knex = source.db;

  const count = async (query: Knex.QueryBuilder): Promise<number> =>
    Number(((await query.count({ n: '*' }).first()) as { n: number | string } | undefined)?.n ?? 0);

  return {
    province,
    hub,
    sandbox,
    url,
    deps,
    /** The province's database. */
    db,
    count,
    activeProcedures: () => count(db('procedures').where({ status: 'ACTIVE' })),
    verify: (): Promise<Drift> => verifyProvince({ source, portal: deps.portal }),
    async expectNoDrift(): Promise<void> {
      expect(await verifyProvince({ source, portal: deps.portal })).toMatchObject({
        missing: [],
        extra: [],
        different: [],
      });
    },
  };
}

/** An ACTIVE procedure with channels and an implementing agency; tests that need two take two offsets. */
export async function pickProcedure(
  db: Knex,
  offset = 0,
): Promise<{ id: number; national_code: string; revision: number }> {
  const row = (await db('procedures as p')
    .select('p.id', 'p.national_code', 'p.revision')
    .where('p.status', 'ACTIVE')
    .whereExists(
      db('procedure_units as pu').whereRaw('pu.procedure_id = p.id').where('pu.role', 'IMPLEMENTING'),
    )
    .whereExists(db('procedure_channels as c').whereRaw('c.procedure_id = p.id'))
    .orderBy('p.national_code')
    .offset(offset)
    .first()) as { id: number; national_code: string; revision: number } | undefined;
  return row!;
}
