import { afterAll, describe, expect, it } from 'vitest';
import { createKnex, dropDatabase, ensureDatabase } from '../../src/db/knex.ts';
import { migrateLatest } from '../../src/db/migrate.ts';
import { rewriteUnitCodes } from '../../src/db/migrations/province/008_real_codes.ts';
import { unitStore } from '../../src/modules/units/unit-store.ts';
import { adminUrl, dbUrl } from '../helpers/hub.ts';

const name = `real_codes_${process.pid}`;
const db = createKnex(dbUrl(name));
afterAll(async () => {
  await db.destroy();
  await dropDatabase(adminUrl(), name);
});

/** Migration 008 on a database seeded by the old generator: Đắk Nông's units as it wrote them. */
describe('migration 008: real agency identifiers for an existing installation', () => {
  it('rewrites old unit and dossier codes, keeps the old ones as aliases, and does it once', async () => {
    await ensureDatabase(adminUrl(), name);
    await migrateLatest(db, 'province');
    // the old generator: province group H63, communes 000.<district index>.<commune>, the centre 001.00.01
    await db.raw(`
      INSERT INTO units (code, name, kind, level) VALUES ('000.00.00.H63', 'UBND tỉnh Đắk Nông', 'PEOPLES_COMMITTEE', 'PROVINCE');
      INSERT INTO unit_admin_codes (unit_id, system, code) VALUES (1, 'GSO', '67');
      INSERT INTO units (code, name, kind, level, parent_id) VALUES
        ('000.00.01.H63', 'Văn phòng Ủy ban nhân dân tỉnh', 'SECTOR_AGENCY', 'PROVINCE', 1),
        ('001.00.01.H63', 'Trung tâm Phục vụ hành chính công tỉnh', 'CENTRE', 'PROVINCE', 2),
        ('000.00.41.H63', 'UBND thành phố Gia Nghĩa', 'DISTRICT', 'DISTRICT', 1),
        ('000.00.42.H63', 'UBND huyện Đăk Glong', 'DISTRICT', 'DISTRICT', 1),
        ('000.01.05.H63', 'UBND phường Nghĩa Tân', 'COMMUNE', 'COMMUNE', 4),
        ('000.02.05.H63', 'UBND xã Đắk Plao', 'COMMUNE', 'COMMUNE', 5);
      INSERT INTO procedures (national_code, name, field, level, online_service, applicants, result)
        VALUES ('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'COMMUNE', 'FULL', 'Công dân', 'Giấy khai sinh');
      INSERT INTO dossiers (code, procedure_id, receiving_unit_id, applicant_type, applicant_name, channel, status, submitted_at) VALUES
        ('000.01.05.H63-250101-0001', 1, 6, 'CITIZEN', 'Đỗ Văn Đạt', 'ONLINE', 1, now()),
        ('000.00.00.H63-250102-0001', 1, 1, 'CITIZEN', 'Lê Thị Hoa', 'ONLINE', 1, now()),
        ('000.02.05.H63-250103-0007', 1, 7, 'CITIZEN', 'Y Bhăm', 'DIRECT', 1, now());`);

    const first = await db.transaction((trx) => rewriteUnitCodes(trx));
    expect(first).toEqual({ units: 7, dossiers: 3 });
    const units = await db('units').select('id', 'code').orderBy('id');
    expect(units.map((u) => u.code)).toEqual([
      '000.00.00.H17',
      '000.00.01.H17',
      '000.01.01.H17', // the centre: unit 01 under the provincial office (01)
      '000.00.41.H17',
      '000.00.42.H17',
      '000.05.41.H17', // commune 05 under district 41
      '000.05.42.H17',
    ]);
    const dossiers = await db('dossiers').select('code').orderBy('id');
    expect(dossiers.map((d) => d.code)).toEqual([
      '000.05.41.H17-250101-0001',
      '000.00.00.H17-250102-0001',
      '000.05.42.H17-250103-0007',
    ]);
    expect(await db('dossier_code_aliases').select('alias', 'dossier_id').orderBy('dossier_id')).toEqual([
      { alias: '000.01.05.H63-250101-0001', dossier_id: 1 },
      { alias: '000.00.00.H63-250102-0001', dossier_id: 2 },
      { alias: '000.02.05.H63-250103-0007', dossier_id: 3 },
    ]);
    expect(Number((await db('unit_code_aliases').count({ n: '*' }).first())?.n)).toBe(7);

    // a unit is still found by the identifier it had
    const store = unitStore(db, '67');
    expect((await store.byCodes(['001.00.01.H63'])).map((u) => u.code)).toEqual(['000.01.01.H17']);
    expect((await store.byCodes(['000.02.05.H63'])).map((u) => u.name)).toEqual(['UBND xã Đắk Plao']);

    // a second run (or the migration on a database seeded by the current generator) changes nothing
    expect(await db.transaction((trx) => rewriteUnitCodes(trx))).toEqual({ units: 0, dossiers: 0 });
  });

  it("moves codes in two steps: the centre's new code may be an old commune's (Nghệ An's bench data)", async () => {
    const nghean = `real_codes_40_${process.pid}`;
    const db40 = createKnex(dbUrl(nghean));
    try {
      await ensureDatabase(adminUrl(), nghean);
      await migrateLatest(db40, 'province');
      // commune 01 of the first district was 000.01.01.H41: the identifier the centre gets
      await db40.raw(`
        INSERT INTO units (code, name, kind, level) VALUES ('000.00.00.H41', 'UBND tỉnh Nghệ An', 'PEOPLES_COMMITTEE', 'PROVINCE');
        INSERT INTO unit_admin_codes (unit_id, system, code) VALUES (1, 'GSO', '40');
        INSERT INTO units (code, name, kind, level, parent_id) VALUES
          ('000.00.01.H41', 'Văn phòng Ủy ban nhân dân tỉnh', 'SECTOR_AGENCY', 'PROVINCE', 1),
          ('001.00.01.H41', 'Trung tâm Phục vụ hành chính công tỉnh', 'CENTRE', 'PROVINCE', 2),
          ('000.00.41.H41', 'UBND thành phố Vinh', 'DISTRICT', 'DISTRICT', 1),
          ('000.01.01.H41', 'UBND phường Hưng Bình', 'COMMUNE', 'COMMUNE', 4);`);
      expect(await db40.transaction((trx) => rewriteUnitCodes(trx))).toEqual({ units: 2, dossiers: 0 });
      expect((await db40('units').select('code').orderBy('id')).map((u) => u.code)).toEqual([
        '000.00.00.H41',
        '000.00.01.H41',
        '000.01.01.H41',
        '000.00.41.H41',
        '000.01.41.H41',
      ]);
    } finally {
      await db40.destroy();
      await dropDatabase(adminUrl(), nghean);
    }
  });

  it('leaves a province it does not know alone: H24 is also Hà Nội', async () => {
    const other = `${name}_hn`;
    await ensureDatabase(adminUrl(), other);
    const hn = createKnex(dbUrl(other));
    try {
      await migrateLatest(hn, 'province');
      await hn.raw(`
        INSERT INTO units (code, name, kind, level) VALUES ('000.00.00.H24', 'UBND thành phố Hà Nội', 'PEOPLES_COMMITTEE', 'PROVINCE');
        INSERT INTO unit_admin_codes (unit_id, system, code) VALUES (1, 'GSO', '01');`);
      expect(await hn.transaction((trx) => rewriteUnitCodes(trx))).toEqual({ units: 0, dossiers: 0 });
      expect(await hn('units').pluck('code')).toEqual(['000.00.00.H24']);
    } finally {
      await hn.destroy();
      await dropDatabase(adminUrl(), other);
    }
  });
});
