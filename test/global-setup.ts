import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { countRows, seedProvince } from '../seeds/index.ts';
import {
  removeEmbeddedData,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from '../src/db/embedded-postgres.ts';
import { createKnex, ensureDatabase } from '../src/db/knex.ts';
import { migrateLatest } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { DEMO_PROVINCES } from '../src/sources/demo.ts';
import { TEMPLATE_DOSSIERS, TEMPLATE_TODAY, templateName } from './helpers/templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgPort: number;
  }
}

let server: EmbeddedServer | undefined;
let dataDir: string | undefined;

/** One embedded PostgreSQL per run; migrated + seeded template databases that tests clone cheaply. */
export async function setup(project: TestProject): Promise<void> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-test-'));
  server = await startEmbeddedPostgres(dataDir, createLogger('warn'));
  const admin = server.url('postgres');
  const hubTpl = templateName('hub');
  if (await ensureDatabase(admin, hubTpl)) {
    const db = createKnex(server.url(hubTpl));
    await migrateLatest(db, 'hub');
    await db.destroy();
  }
  await Promise.all(
    DEMO_PROVINCES.map(async (p) => {
      const name = templateName(p.code);
      await ensureDatabase(admin, name);
      const db = createKnex(server!.url(name));
      try {
        await migrateLatest(db, 'province');
        if ((await countRows(db)).units === 0)
          await seedProvince(db, p, { dossiers: TEMPLATE_DOSSIERS, today: TEMPLATE_TODAY });
      } finally {
        await db.destroy();
      }
    }),
  );
  project.provide('pgAdminUrl', admin);
  project.provide('pgPort', server.port);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  // the cluster may live outside dataDir (root, private temp dir): remove it wherever it is
  if (dataDir) await removeEmbeddedData(dataDir);
}
