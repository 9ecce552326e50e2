import { afterAll, describe, expect, it } from 'vitest';
import { createKnex, dropDatabase, ensureDatabase } from '../../src/db/knex.ts';
import { migrateLatest, migrateRollbackAll } from '../../src/db/migrate.ts';
import { adminUrl, dbUrl } from '../helpers/hub.ts';

const name = `migrations_${process.pid}`;
afterAll(() => dropDatabase(adminUrl(), name));

const tables = async (db: ReturnType<typeof createKnex>) =>
  (
    await db.raw<{ rows: { tablename: string }[] }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'lienthong_migrations%' ORDER BY 1`,
    )
  ).rows.map((r) => r.tablename);

describe('migrations', () => {
  it.each(['province', 'hub'] as const)(
    '%s schema migrates up, all the way down, and up again on an empty database',
    async (kind) => {
      await ensureDatabase(adminUrl(), `${name}_${kind}`);
      const db = createKnex(dbUrl(`${name}_${kind}`));
      try {
        const applied = await migrateLatest(db, kind);
        expect(applied.length).toBeGreaterThan(0);
        const up = await tables(db);
        expect(up.length).toBeGreaterThan(kind === 'province' ? 10 : 3);
        expect(await migrateLatest(db, kind)).toEqual([]);
        const rolled = await migrateRollbackAll(db, kind);
        expect(rolled).toEqual([...applied].reverse());
        expect(await tables(db)).toEqual([]);
        expect(await migrateLatest(db, kind)).toEqual(applied);
        expect(await tables(db)).toEqual(up);
      } finally {
        await db.destroy();
        await dropDatabase(adminUrl(), `${name}_${kind}`);
      }
    },
  );

  it('folds Vietnamese for search, đ and Đ included, and keeps dossier history append-only', async () => {
    await ensureDatabase(adminUrl(), name);
    const db = createKnex(dbUrl(name));
    try {
      await migrateLatest(db, 'province');
      const { rows } = await db.raw<{ rows: { f: string }[] }>(
        `SELECT lt_fold('Đắk Nông — HỘ TỊCH đăng ký') AS f`,
      );
      expect(rows[0]!.f).toBe('dak nong - ho tich dang ky');
      await db.raw(`
        INSERT INTO units (code, name, kind, level) VALUES ('000.00.00.H63', 'UBND tỉnh Đắk Nông', 'PEOPLES_COMMITTEE', 'PROVINCE');
        INSERT INTO procedures (national_code, name, field, level, online_service, applicants, result)
          VALUES ('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'COMMUNE', 'FULL', 'Công dân', 'Giấy khai sinh');
        INSERT INTO dossiers (code, procedure_id, receiving_unit_id, applicant_type, applicant_name, channel, status, submitted_at)
          VALUES ('000.00.00.H63-250101-0001', 1, 1, 'CITIZEN', 'Đỗ Văn Đạt', 'ONLINE', 1, now());
        INSERT INTO dossier_events (dossier_id, occurred_at, status) VALUES (1, now(), 1);`);
      await expect(db.raw(`UPDATE dossier_events SET status = 2`)).rejects.toThrow(/append-only/);
      await expect(db.raw(`DELETE FROM dossier_events`)).rejects.toThrow(/append-only/);
    } finally {
      await db.destroy();
    }
  });
});
