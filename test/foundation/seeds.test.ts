import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnex, dropDatabase, ensureDatabase } from '../../src/db/knex.ts';
import { migrateLatest } from '../../src/db/migrate.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import {
  countRows,
  rowsBeforeSeed,
  seedInterrupted,
  seedMoreDossiers,
  seedProvince,
} from '../../seeds/index.ts';
import { adminUrl, cloneDatabase, dbUrl } from '../helpers/hub.ts';
import { TEMPLATE_TODAY, templateName } from '../helpers/templates.ts';
import { judgeTimeliness, TIMELINESS_INPUT_SQL, type TimelinessInput } from '../helpers/timeliness.ts';

const opened: Knex[] = [];
const created: string[] = [];
const copies = new Map<string, Promise<Knex>>();
/** A new, migrated and empty province database named `name`, dropped after the file. */
async function emptyProvince(name: string): Promise<Knex> {
  await ensureDatabase(adminUrl(), name);
  created.push(name);
  const db = createKnex(dbUrl(name));
  opened.push(db);
  await migrateLatest(db, 'province');
  return db;
}
/**
 * A copy of a province's seeded test template. Never a connection to the template itself: while one is
 * open, other test files cannot clone it (CREATE DATABASE … TEMPLATE fails with SQLSTATE 55006).
 */
const seeded = (code: string): Promise<Knex> => {
  let copy = copies.get(code);
  if (!copy) {
    const name = `seeds_test_${code}`;
    created.push(name);
    copy = cloneDatabase(templateName(code), name).then(() => {
      const db = createKnex(dbUrl(name));
      opened.push(db);
      return db;
    });
    copies.set(code, copy);
  }
  return copy;
};
afterAll(async () => {
  await Promise.all(opened.map((db) => db.destroy()));
  for (const name of created) await dropDatabase(adminUrl(), name);
});

const rows = async <T>(db: Knex, sql: string) => (await db.raw<{ rows: T[] }>(sql)).rows;

describe('demo seeds follow the articles', () => {
  it('Nghệ An (Q2 2024): 21 departments, 21 district-level units, 460 communes, about 1,841 procedures; 130 communes from 1 July 2025', async () => {
    const db = await seeded('40');
    // the article's day: before Decree 45/2025 (1 March 2025) and the reorganisation of 1 July 2025
    const kinds = await rows<{ kind: string; n: number; after: number }>(
      db,
      `SELECT kind, count(*) FILTER (WHERE valid_from <= '2024-06-30' AND (valid_to IS NULL OR valid_to >= '2024-06-30'))::int n,
              count(*) FILTER (WHERE valid_from <= '2025-07-01' AND (valid_to IS NULL OR valid_to >= '2025-07-01'))::int after
         FROM units GROUP BY kind`,
    );
    const n = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    const after = Object.fromEntries(kinds.map((k) => [k.kind, k.after]));
    expect((n.DEPARTMENT ?? 0) + (n.SECTOR_AGENCY ?? 0)).toBe(21);
    expect(n.DISTRICT).toBe(21);
    expect(n.COMMUNE).toBe(460);
    expect(after.DISTRICT ?? 0).toBe(0);
    expect(after.COMMUNE).toBe(130);
    expect((await countRows(db)).procedures).toBe(1841);
    const [root] = await rows<{ code: string; name: string }>(
      db,
      `SELECT code, name FROM units WHERE kind = 'PEOPLES_COMMITTEE'`,
    );
    expect(root).toEqual({ code: '000.00.00.H41', name: 'UBND tỉnh Nghệ An' });
    const [vinh] = await rows<{ code: string }>(
      db,
      `SELECT c.code FROM units u JOIN unit_admin_codes c ON c.unit_id = u.id WHERE u.name = 'UBND thành phố Vinh'`,
    );
    expect(vinh).toEqual({ code: '412' });
  });

  it('Cà Mau: 465 fully-online and 997 partially-online procedures in force', async () => {
    const db = await seeded('96');
    const kinds = await rows<{ online_service: string; n: number }>(
      db,
      `SELECT online_service, count(*)::int n FROM procedures WHERE status = 'ACTIVE' GROUP BY 1`,
    );
    const n = Object.fromEntries(kinds.map((k) => [k.online_service, k.n]));
    expect(n.FULL).toBe(465);
    expect(n.PARTIAL).toBe(997);
  });

  it('real national codes, the documents the articles name, and the 2025 reorganisation', async () => {
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const codes = await rows<{ national_code: string; name: string }>(
        db,
        `SELECT national_code, name FROM procedures WHERE national_code IN ('1.001193', '1.000894', '2.000815') ORDER BY 1`,
      );
      expect(codes.map((c) => c.name)).toEqual([
        'Đăng ký kết hôn',
        'Đăng ký khai sinh',
        'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      ]);
      const docs = await rows<{ number_symbol: string; linked: boolean }>(
        db,
        `SELECT number_symbol, EXISTS (SELECT 1 FROM procedure_documents pd WHERE pd.document_id = d.id) OR number_symbol IN ('76/NQ-CP', '68/NQ-CP', '23/CT-TTg', '202/2025/QH15') AS linked
           FROM documents d WHERE number_symbol IN ('76/NQ-CP', '68/NQ-CP', '23/CT-TTg', '60/2014/QH13', '202/2025/QH15')`,
      );
      expect(docs).toHaveLength(5);
      const lineage = await rows<{ n: number }>(
        db,
        `SELECT count(*)::int n FROM unit_lineage l JOIN units u ON u.id = l.predecessor_id WHERE u.kind = 'DISTRICT' AND l.effective_on = '2025-07-01'`,
      );
      const districts = await rows<{ n: number }>(
        db,
        `SELECT count(*)::int n FROM units WHERE kind = 'DISTRICT' AND valid_to = '2025-06-30'`,
      );
      expect(lineage[0]!.n).toBe(districts[0]!.n);
    }
    const dn = await seeded('67');
    const letter = await rows<{
      type: string;
      type_code: string | null;
      issuer_symbol: string;
      drafting_unit: string;
    }>(
      dn,
      `SELECT type, type_code, issuer_symbol, drafting_unit FROM documents WHERE number_symbol = '5849/UBND-NCKSTT'`,
    );
    expect(letter).toEqual([
      { type: 'OFFICIAL_LETTER', type_code: null, issuer_symbol: 'UBND', drafting_unit: 'NCKSTT' },
    ]);
    const hb = await seeded('17');
    expect(
      await rows(hb, `SELECT number_symbol FROM documents WHERE number_symbol = '1315/UBND-NVK'`),
    ).toHaveLength(1);
  });

  it('dossiers look like the articles: codes, on-time rate, events, applicants', async () => {
    const db = await seeded('40');
    const [shape] = await rows<{
      bad_codes: number;
      total: number;
      min_ev: number;
      max_ev: number;
      bad_ids: number;
      d_names: number;
    }>(
      db,
      `SELECT
         count(*) FILTER (WHERE code !~ '^\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}-\\d{6}-\\d{4}$')::int bad_codes,
         count(*)::int total,
         (SELECT min(n) FROM (SELECT count(*) n FROM dossier_events GROUP BY dossier_id) e)::int min_ev,
         (SELECT max(n) FROM (SELECT count(*) n FROM dossier_events GROUP BY dossier_id) e)::int max_ev,
         count(*) FILTER (WHERE applicant_type = 'CITIZEN' AND applicant_id_number !~ '^\\d{12}$')::int bad_ids,
         count(*) FILTER (WHERE applicant_name ~ '[đĐ]')::int d_names
       FROM dossiers`,
    );
    // a dossier still SUBMITTED has its one event; a long one has up to about twenty
    expect(shape).toMatchObject({ bad_codes: 0, bad_ids: 0 });
    expect(shape!.min_ev).toBeGreaterThanOrEqual(1);
    expect(shape!.max_ev).toBeLessThanOrEqual(22);
    expect(shape!.d_names).toBeGreaterThan(0);
    // on-time rate and apologies, with timeliness judged by the rules as the tests write them
    const judged = (
      await rows<TimelinessInput & { apology_issued: boolean }>(
        db,
        `SELECT ${TIMELINESS_INPUT_SQL}, apology_issued FROM dossiers`,
      )
    ).map((r) => ({ t: judgeTimeliness(r), apology: r.apology_issued }));
    // the on-time rate's denominator: resolved dossiers (refused, withdrawn and stopped ones are not counted)
    const ended = judged.filter((r) => r.t !== 'OPEN' && r.t !== 'NOT_COUNTED');
    const onTime = ended.filter((r) => r.t === 'EARLY' || r.t === 'ON_TIME').length / ended.length;
    expect(onTime).toBeGreaterThan(0.96);
    expect(onTime).toBeLessThan(0.995);
    const [births] = await rows<{ own: number }>(
      db,
      `SELECT avg(CASE WHEN left(applicant_id_number, 3) = '040' THEN 1.0 ELSE 0 END)::float8 own FROM dossiers WHERE applicant_type = 'CITIZEN'`,
    );
    expect(births!.own).toBeGreaterThan(0.6);
    const late = judged.filter((r) => r.t === 'LATE');
    expect(late.filter((r) => r.apology).length / late.length).toBeGreaterThan(0.6);
  });

  it('is deterministic, and topping up adds exactly N dossiers with unique codes', async () => {
    const p = DEMO_PROVINCES.find((x) => x.code === '67')!;
    const sums: string[] = [];
    for (const run of [1, 2]) {
      const db = await emptyProvince(`seedcheck_${process.pid}_${run}`);
      const counts = await seedProvince(db, p, { dossiers: 400, today: TEMPLATE_TODAY });
      expect(counts.dossiers).toBe(400);
      const [sum] = await rows<{ md5: string }>(
        db,
        `SELECT md5(string_agg(code || applicant_name || coalesce(applicant_id_number, '') || status, ',' ORDER BY code)) ||
                (SELECT md5(string_agg(national_code || name || online_service, ',' ORDER BY national_code, id)) FROM procedures) ||
                (SELECT md5(string_agg(code || name, ',' ORDER BY code)) FROM units) AS md5
           FROM dossiers`,
      );
      sums.push(sum!.md5);
      if (run === 2) {
        expect(await seedMoreDossiers(db, p, 250)).toBe(650);
        const [u] = await rows<{ n: number; d: number }>(
          db,
          `SELECT count(*)::int n, count(DISTINCT code)::int d FROM dossiers`,
        );
        expect(u).toEqual({ n: 650, d: 650 });
        await expect(seedProvince(db, p, { dossiers: 1, today: TEMPLATE_TODAY })).rejects.toThrow(
          /already has data/,
        );
      }
    }
    expect(sums[0]).toBe(sums[1]);
  });

  it('a seed stopped after its catalogue is emptied and seeded again, as one never stopped', async () => {
    const p = DEMO_PROVINCES.find((x) => x.code === '67')!;
    const db = await emptyProvince(`seedcut_${process.pid}`);
    expect((await rowsBeforeSeed(db)).units).toBe(0);
    // what a SIGTERM or a kill leaves once the catalogue is committed and before the dossiers are all in
    const stopped = seedProvince(db, p, {
      dossiers: 300,
      today: TEMPLATE_TODAY,
      onProgress: (progress) => {
        if (progress.dossiers === 0) throw new Error('stopped');
      },
    });
    await expect(stopped).rejects.toThrow('stopped');
    const cut = await countRows(db);
    expect(cut.units).toBeGreaterThan(0);
    expect(cut.dossiers).toBe(0);
    expect(await seedInterrupted(db)).toBe(true);
    // the next start empties it and seeds it whole
    expect((await rowsBeforeSeed(db)).units).toBe(0);
    expect(await countRows(db)).toEqual({
      units: 0,
      procedures: 0,
      documents: 0,
      dossiers: 0,
      dossierEvents: 0,
    });
    const counts = await seedProvince(db, p, { dossiers: 300, today: TEMPLATE_TODAY });
    expect(counts).toMatchObject({ units: cut.units, procedures: cut.procedures, dossiers: 300 });
    expect(await seedInterrupted(db)).toBe(false);
    expect((await rowsBeforeSeed(db)).units).toBe(cut.units);
    // identities restarted: the catalogue's ids are those of a seed never stopped
    const [ids] = await rows<{ min: number }>(db, `SELECT min(id)::int AS min FROM units`);
    expect(ids!.min).toBe(1);
  });

  it('a bulk load killed half-way is repaired by the next seed run: indexes and events come back', async () => {
    const p = DEMO_PROVINCES.find((x) => x.code === '67')!;
    const db = await emptyProvince(`seedrepair_${process.pid}`);
    await seedProvince(db, p, { dossiers: 300, today: TEMPLATE_TODAY });
    // what a kill -9 during `seed --dossiers N` leaves: an index dropped for the load, events not written
    await db.raw(`
      CREATE TABLE lienthong_dropped_indexes (name text PRIMARY KEY, def text NOT NULL);
      INSERT INTO lienthong_dropped_indexes SELECT indexname, indexdef FROM pg_indexes WHERE indexname = 'dossiers_search_idx';
      DROP INDEX dossiers_search_idx;
      ALTER TABLE dossier_events DISABLE TRIGGER dossier_events_append_only;
      DELETE FROM dossier_events WHERE dossier_id > 280;
      ALTER TABLE dossier_events ENABLE TRIGGER dossier_events_append_only;`);
    expect(await seedMoreDossiers(db, p, 10)).toBe(310);
    const [state] = await rows<{ idx: number; bare: number; pending: string | null }>(
      db,
      `SELECT (SELECT count(*) FROM pg_indexes WHERE indexname = 'dossiers_search_idx')::int idx,
              (SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id))::int bare,
              to_regclass('lienthong_dropped_indexes')::text pending`,
    );
    expect(state).toEqual({ idx: 1, bare: 0, pending: null });
  });
});
