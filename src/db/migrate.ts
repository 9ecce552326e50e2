import type { Knex } from 'knex';
import type { Calendar } from '../calendar/index.ts';
import { fillCalendar } from './calendar-store.ts';
import * as p001 from './migrations/province/001_catalogue.ts';
import * as p002 from './migrations/province/002_dossiers.ts';
import * as p003 from './migrations/province/003_procedure_revision.ts';
import * as p004 from './migrations/province/004_dossier_search.ts';
import * as p005 from './migrations/province/005_working_time.ts';
import * as p006 from './migrations/province/006_calendar_functions.ts';
import * as p007 from './migrations/province/007_open_waits.ts';
import * as p008 from './migrations/province/008_real_codes.ts';
import * as p009 from './migrations/province/009_indicators.ts';
import * as p010 from './migrations/province/010_procedure_search.ts';
import * as p011 from './migrations/province/011_indicator_speed.ts';
import * as h001 from './migrations/hub/001_hub.ts';
import * as h002 from './migrations/hub/002_sync.ts';
import * as h003 from './migrations/hub/003_hub_settings.ts';
import * as h004 from './migrations/hub/004_access.ts';

type Migration = { up(k: Knex): Promise<void>; down(k: Knex): Promise<void> };

/** Migrations listed in code (not discovered on disk), so they load the same under tsx, vitest and bundlers. */
class ListedSource implements Knex.MigrationSource<string> {
  constructor(private readonly migrations: Record<string, Migration>) {}
  getMigrations() {
    return Promise.resolve(Object.keys(this.migrations).sort());
  }
  getMigrationName(name: string) {
    return name;
  }
  getMigration(name: string) {
    return Promise.resolve(this.migrations[name]!);
  }
}

export const PROVINCE_MIGRATIONS: Record<string, Migration> = {
  '001_catalogue': p001,
  '002_dossiers': p002,
  '003_procedure_revision': p003,
  '004_dossier_search': p004,
  '005_working_time': p005,
  '006_calendar_functions': p006,
  '007_open_waits': p007,
  '008_real_codes': p008,
  '009_indicators': p009,
  '010_procedure_search': p010,
  '011_indicator_speed': p011,
};
export const HUB_MIGRATIONS: Record<string, Migration> = {
  '001_hub': h001,
  '002_sync': h002,
  '003_hub_settings': h003,
  '004_access': h004,
};

const config = (migrations: Record<string, Migration>): Knex.MigratorConfig => ({
  migrationSource: new ListedSource(migrations),
  tableName: 'lienthong_migrations',
});

/**
 * Applies pending migrations; a province database then gets its `calendar_days` (re)filled from
 * `calendar` (default: the built-in one) when they differ.
 */
export async function migrateLatest(
  db: Knex,
  kind: 'province' | 'hub',
  opts: { calendar?: Calendar } = {},
): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(
    config(kind === 'hub' ? HUB_MIGRATIONS : PROVINCE_MIGRATIONS),
  )) as [number, string[]];
  // processing minutes in the indicator aggregates count working days: a new calendar recounts them
  if (kind === 'province' && (await fillCalendar(db, opts.calendar))) await rebuildIndicators(db);
  return applied;
}

/** Recomputes the indicator aggregates (migration 009) from dossiers; no statement timeout (large tables). */
export async function rebuildIndicators(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    await trx.raw('SELECT lt_indicators_rebuild()');
  });
}

export async function migrateRollbackAll(db: Knex, kind: 'province' | 'hub'): Promise<string[]> {
  const [, rolled] = (await db.migrate.rollback(
    config(kind === 'hub' ? HUB_MIGRATIONS : PROVINCE_MIGRATIONS),
    true,
  )) as [number, string[]];
  return rolled;
}
