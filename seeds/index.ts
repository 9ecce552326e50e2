import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import { FIELDS } from './data/procedures.ts';
import { seedDocuments } from './documents.ts';
import { seedProcedures } from './procedures.ts';
import { seedLineage } from './lineage.ts';
import { seedUnits } from './units.ts';
import { seedDossierRange } from './dossiers.ts';
import { Rng } from './random.ts';

export interface SeedOptions {
  /** Dossiers to generate (default 20,000 per province). */
  dossiers: number;
  /** Called when the catalogue is in (dossiers 0) and as dossiers load. */
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  dossiers: number;
  total: number;
}

/** Dossiers per progress step; loads from BULK_LOAD_DOSSIERS on stay one call (seedDossierRange's bulk path). */
const PROGRESS_STEP = 5_000;
const BULK_LOAD_DOSSIERS = 100_000;

export interface SeedCounts {
  units: number;
  procedures: number;
  documents: number;
  dossiers: number;
  dossierEvents: number;
}

/**
 * Seeds an empty, migrated province database with the demo catalogue and dossiers. Deterministic: the
 * same province and options give the same rows on every machine.
 */
export async function seedProvince(db: Knex, province: ProvinceInfo, opts: SeedOptions): Promise<SeedCounts> {
  const before = await countRows(db);
  if (before.units > 0)
    throw new Error(`Province ${province.code} already has data; seed only empty databases`);
  const rng = new Rng(`${province.code}:catalogue`);
  await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    const units = await seedUnits(trx, province, rng);
    const docs = await seedDocuments(
      trx,
      province,
      units,
      rng,
      FIELDS.map((f) => f.field),
    );
    await seedProcedures(trx, province, units, docs, rng);
    await seedLineage(trx, province, units, docs);
  });
  const total = opts.dossiers;
  opts.onProgress?.({ dossiers: 0, total });
  // numbering continues across calls, so loading in steps gives the same rows as one call
  const step = opts.onProgress && total < BULK_LOAD_DOSSIERS ? PROGRESS_STEP : total;
  for (let done = 0; done < total; done += step) {
    await seedDossierRange(db, province, Math.min(step, total - done));
    opts.onProgress?.({ dossiers: Math.min(done + step, total), total });
  }
  await analyze(db, '');
  return countRows(db);
}

/** Appends `count` dossiers (with events, supplements and links), continuing the same numbering. */
export async function seedMoreDossiers(db: Knex, province: ProvinceInfo, count: number): Promise<number> {
  await seedDossierRange(db, province, count);
  await analyze(db, 'dossiers, dossier_events, dossier_supplements, dossier_documents');
  return (await countRows(db)).dossiers;
}

export async function countRows(db: Knex): Promise<SeedCounts> {
  const res = await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    return trx.raw<{ rows: Record<keyof SeedCounts, number>[] }>(`
    SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM procedures)::int AS procedures,
           (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM dossiers)::int AS dossiers,
           (SELECT count(*) FROM dossier_events)::int AS "dossierEvents"`);
  });
  return res.rows[0]!;
}

/** Fresh planner statistics after a bulk load (no statement timeout: large tables take a while). */
async function analyze(db: Knex, tables: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    await trx.raw(`ANALYZE ${tables}`);
  });
}
