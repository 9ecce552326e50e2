import { describe, expect, it } from 'vitest';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import { PROVINCES } from '../../seeds/data/units.ts';
import { rows, seededCopies } from '../helpers/seeded.ts';

/** The 2025 reorganisation and the real agency identifiers, on the seeded test templates. */

/** Copies of the seeded templates, dropped after this file. */
const seeded = seededCopies('seeds_reorg');

const validOn = (day: string) =>
  `valid_from <= DATE '${day}' AND (valid_to IS NULL OR valid_to >= DATE '${day}')`;

describe('the 2025 reorganisation as it happened', () => {
  it('Nghệ An: 460 communes until 30 June 2025, 130 from 1 July (119 xã, 11 phường)', async () => {
    const db = await seeded('40');
    const [n] = await rows<{ before: number; after: number; xa: number; phuong: number }>(
      db,
      `SELECT count(*) FILTER (WHERE ${validOn('2025-06-30')})::int before,
              count(*) FILTER (WHERE ${validOn('2025-07-01')})::int after,
              count(*) FILTER (WHERE ${validOn('2025-07-01')} AND name LIKE 'UBND xã %')::int xa,
              count(*) FILTER (WHERE ${validOn('2025-07-01')} AND name LIKE 'UBND phường %')::int phuong
         FROM units WHERE kind = 'COMMUNE'`,
    );
    expect(n).toEqual({ before: 460, after: 130, xa: 119, phuong: 11 });
    const wards = await rows<{ name: string }>(
      db,
      `SELECT name FROM units WHERE kind = 'COMMUNE' AND valid_from = '2025-07-01' AND name LIKE 'UBND phường %' ORDER BY name`,
    );
    expect(wards.map((w) => w.name)).toContain('UBND phường Thành Vinh');
  });

  it.each(DEMO_PROVINCES.map((p) => [p.name, p.code] as const))(
    '%s: communes consolidated to the configured count, each old one with lineage to its new one',
    async (_name, code) => {
      const def = PROVINCES[code]!;
      const db = await seeded(code);
      const [n] = await rows<{ before: number; after: number }>(
        db,
        `SELECT count(*) FILTER (WHERE ${validOn('2025-06-30')})::int before,
                count(*) FILTER (WHERE ${validOn('2025-07-01')})::int after
           FROM units WHERE kind = 'COMMUNE'`,
      );
      expect(n).toEqual({
        before: def.districts.reduce((a, d) => a + d.communes, 0),
        after: def.reorg2025.xa + def.reorg2025.phuong,
      });
      // every old commune: one successor, a commune from 1 July 2025 whose code keeps the old district's group
      const [bad] = await rows<{ orphans: number; wrong: number; empty: number }>(
        db,
        `SELECT
           (SELECT count(*) FROM units o WHERE o.kind = 'COMMUNE' AND o.valid_to = '2025-06-30'
              AND (SELECT count(*) FROM unit_lineage l JOIN units s ON s.id = l.successor_id
                    WHERE l.predecessor_id = o.id AND l.effective_on = '2025-07-01' AND s.kind = 'COMMUNE' AND s.valid_from = '2025-07-01') <> 1)::int orphans,
           (SELECT count(*) FROM unit_lineage l JOIN units o ON o.id = l.predecessor_id JOIN units s ON s.id = l.successor_id
             WHERE o.kind = 'COMMUNE' AND split_part(o.code, '.', 3) <> split_part(s.code, '.', 3))::int wrong,
           (SELECT count(*) FROM units s WHERE s.kind = 'COMMUNE' AND s.valid_from = '2025-07-01'
              AND NOT EXISTS (SELECT 1 FROM unit_lineage l WHERE l.successor_id = s.id))::int empty`,
      );
      expect(bad).toEqual({ orphans: 0, wrong: 0, empty: 0 });
    },
  );

  it('no district is valid after 30 June 2025; each merged into the province', async () => {
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const [n] = await rows<{ live: number; total: number; linked: number }>(
        db,
        `SELECT count(*) FILTER (WHERE valid_to IS NULL OR valid_to > '2025-06-30')::int live, count(*)::int total,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unit_lineage l JOIN units r ON r.id = l.successor_id
                  WHERE l.predecessor_id = u.id AND r.kind = 'PEOPLES_COMMITTEE' AND l.effective_on = '2025-07-01'))::int linked
           FROM units u WHERE kind = 'DISTRICT'`,
      );
      expect(n!.live).toBe(0);
      expect(n!.linked).toBe(n!.total);
    }
  });

  it('Decree 45/2025: the abolished departments end on 28 February 2025 and merge into the new model', async () => {
    const expected: Record<string, string> = {
      'Sở Kế hoạch và Đầu tư': 'Sở Tài chính',
      'Sở Giao thông vận tải': 'Sở Xây dựng',
      'Sở Tài nguyên và Môi trường': 'Sở Nông nghiệp và Môi trường',
      'Sở Thông tin và Truyền thông': 'Sở Khoa học và Công nghệ',
      'Sở Lao động - Thương binh và Xã hội': 'Sở Nội vụ',
      'Sở Nông nghiệp và Phát triển nông thôn': 'Sở Nông nghiệp và Môi trường',
    };
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const links = await rows<{ old: string; valid_to: string; new: string; from: string; decree: string }>(
        db,
        `SELECT o.name AS old, to_char(o.valid_to, 'YYYY-MM-DD') valid_to, s.name AS new,
                to_char(s.valid_from, 'YYYY-MM-DD') "from", d.number_symbol decree
           FROM units o JOIN unit_lineage l ON l.predecessor_id = o.id JOIN units s ON s.id = l.successor_id
           JOIN documents d ON d.id = l.document_id
          WHERE o.name = ANY(?) ORDER BY o.name`,
        [Object.keys(expected)],
      );
      expect(links).toHaveLength(6);
      for (const l of links) {
        expect(l).toMatchObject({ valid_to: '2025-02-28', new: expected[l.old], decree: '45/2025/NĐ-CP' });
        expect(l.from <= '2025-03-01').toBe(true);
      }
      const [nnmt] = await rows<{ from: string }>(
        db,
        `SELECT to_char(valid_from, 'YYYY-MM-DD') "from" FROM units WHERE name = 'Sở Nông nghiệp và Môi trường'`,
      );
      expect(nnmt).toEqual({ from: '2025-03-01' });
      // on 1 March 2025 no abolished department is valid
      const [live] = await rows<{ n: number }>(
        db,
        `SELECT count(*)::int n FROM units WHERE name = ANY(?) AND ${validOn('2025-03-01')}`,
        [Object.keys(expected)],
      );
      expect(live!.n).toBe(0);
    }
  });

  it('merged provinces: the root unit ends on 30 June 2025 with its successor province; the others go on', async () => {
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const [root] = await rows<{
        valid_to: string | null;
        successor: string | null;
        province: string | null;
      }>(
        db,
        `SELECT to_char(u.valid_to, 'YYYY-MM-DD') valid_to, x.successor_name successor, x.province_code province
           FROM units u LEFT JOIN unit_external_successors x ON x.unit_id = u.id
          WHERE u.kind = 'PEOPLES_COMMITTEE'`,
      );
      const [province] = await rows<{ n: number }>(
        db,
        `SELECT count(*)::int n FROM units WHERE level = 'PROVINCE' AND ${validOn('2025-07-01')}`,
      );
      if (p.successor) {
        expect(p.validTo).toBe('2025-06-30');
        expect(root).toEqual({
          valid_to: '2025-06-30',
          successor:
            p.successor.name === 'Hải Phòng' ? 'UBND thành phố Hải Phòng' : `UBND tỉnh ${p.successor.name}`,
          province: p.successor.code,
        });
        // no provincial unit of a merged province lives on; each one alive on its last day has a successor
        expect(province!.n).toBe(0);
        const [orphans] = await rows<{ n: number }>(
          db,
          `SELECT count(*)::int n FROM units u WHERE u.level = 'PROVINCE' AND u.valid_to = '2025-06-30'
              AND NOT EXISTS (SELECT 1 FROM unit_external_successors x WHERE x.unit_id = u.id)`,
        );
        expect(orphans!.n).toBe(0);
      } else {
        expect(root).toEqual({ valid_to: null, successor: null, province: null });
        expect(province!.n).toBeGreaterThan(10);
      }
    }
    expect(DEMO_PROVINCES.filter((p) => p.successor).map((p) => [p.name, p.successor!.name])).toEqual([
      ['Hòa Bình', 'Phú Thọ'],
      ['Đắk Nông', 'Lâm Đồng'],
      ['Hải Dương', 'Hải Phòng'],
    ]);
  });

  it('district-level procedures are commune-level from 1 July 2025, national codes unchanged', async () => {
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const [n] = await rows<{
        district_now: number;
        moved: number;
        history: number;
        gaps: number;
        impl: number;
      }>(
        db,
        `SELECT (SELECT count(*) FROM procedures WHERE level = 'DISTRICT')::int district_now,
                (SELECT count(*) FROM procedure_levels l WHERE l.level = 'DISTRICT' AND l.valid_to = '2025-06-30'
                   AND EXISTS (SELECT 1 FROM procedure_levels c WHERE c.procedure_id = l.procedure_id AND c.level = 'COMMUNE' AND c.valid_from = '2025-07-01'))::int moved,
                (SELECT count(*) FROM procedure_levels WHERE level = 'DISTRICT')::int history,
                (SELECT count(*) FROM procedures p WHERE NOT EXISTS (SELECT 1 FROM procedure_levels l WHERE l.procedure_id = p.id AND l.valid_to IS NULL AND l.level = p.level))::int gaps,
                (SELECT count(*) FROM procedure_levels l WHERE l.level = 'DISTRICT' AND NOT EXISTS (
                   SELECT 1 FROM procedure_units pu JOIN units u ON u.id = pu.unit_id
                    WHERE pu.procedure_id = l.procedure_id AND pu.role = 'IMPLEMENTING' AND u.kind = 'COMMUNE' AND u.valid_from = '2025-07-01'))::int impl`,
      );
      expect(n!.district_now).toBe(0);
      expect(n!.history).toBeGreaterThan(0);
      expect(n).toMatchObject({ moved: n!.history, gaps: 0, impl: 0 });
    }
  });
});

describe('dossiers go to the units of their day', () => {
  it.each(DEMO_PROVINCES.map((p) => [p.code, p.name]))(
    '%s %s: no dossier received or handled by a unit outside its validity; no district after 30 June 2025',
    async (code) => {
      const db = await seeded(code);
      const [r] = await rows<Record<string, number>>(
        db,
        `WITH d AS (SELECT d.*, (coalesce(d.received_at, d.submitted_at) AT TIME ZONE INTERVAL '+07:00')::date AS day FROM dossiers d)
         SELECT
           count(*) FILTER (WHERE d.day > r.valid_to OR d.day < r.valid_from)::int AS received_outside,
           count(*) FILTER (WHERE d.day > h.valid_to OR d.day < h.valid_from)::int AS handled_outside,
           count(*) FILTER (WHERE r.kind = 'DISTRICT' AND d.day > DATE '2025-06-30')::int AS district_after,
           count(*) FILTER (WHERE r.kind = 'CENTRE')::int AS at_centre
         FROM d JOIN units r ON r.id = d.receiving_unit_id LEFT JOIN units h ON h.id = d.handling_unit_id`,
      );
      expect(r).toMatchObject({ received_outside: 0, handled_outside: 0, district_after: 0 });
      // the public-service centre receives some of the province's dossiers
      expect(r!.at_centre).toBeGreaterThan(0);
    },
  );
});

describe('lt_unit_on(unit, day): the unit that stands for another on a day', () => {
  it('follows lineage forward to the unit valid that day, or gives NULL', async () => {
    const na = await seeded('40');
    const [r] = await rows<Record<string, string | null>>(
      na,
      `WITH k AS (SELECT
         (SELECT id FROM units WHERE name = 'Sở Kế hoạch và Đầu tư') khdt,
         (SELECT id FROM units WHERE name = 'Sở Tài chính') tc,
         (SELECT id FROM units WHERE code = '000.01.41.H41') old,
         (SELECT id FROM units WHERE code = '000.51.41.H41') new,
         (SELECT id FROM units WHERE code = '000.00.41.H41') district,
         (SELECT id FROM units WHERE kind = 'PEOPLES_COMMITTEE') root)
       SELECT lt_unit_on(khdt, '2025-02-28') = khdt AS khdt_before, lt_unit_on(khdt, '2025-03-01') = tc AS khdt_after,
              lt_unit_on(old, '2024-01-01') = old AS old_before, lt_unit_on(old, '2025-07-01') = new AS old_after,
              lt_unit_on(district, '2025-08-01') = root AS district_after, lt_unit_on(new, '2025-06-30') IS NULL AS new_before
         FROM k`,
    );
    expect(r).toEqual({
      khdt_before: true,
      khdt_after: true,
      old_before: true,
      old_after: true,
      district_after: true,
      new_before: true,
    });
    const hb = await seeded('17');
    const [gone] = await rows<{ root: string | null; dept: string | null }>(
      hb,
      `SELECT lt_unit_on(id, '2025-07-01') AS root, lt_unit_on((SELECT id FROM units WHERE name = 'Sở Tư pháp'), '2025-08-01') AS dept
         FROM units WHERE kind = 'PEOPLES_COMMITTEE'`,
    );
    expect(gone).toEqual({ root: null, dept: null });
  });
});

describe('real agency identifiers', () => {
  const SUFFIX: Record<string, string> = { '40': 'H41', '96': 'H12', '67': 'H17', '30': 'H26', '17': 'H28' };

  it('H-codes per province as DOMAIN.md lists them', () => {
    expect(Object.fromEntries(DEMO_PROVINCES.map((p) => [p.code, p.agencySuffix]))).toEqual(SUFFIX);
  });

  it.each(DEMO_PROVINCES.map((p) => [p.name, p.code] as const))(
    '%s: every unit code is 000.ZZ.YY.Hxx with its groups in the right order',
    async (_name, code) => {
      const db = await seeded(code);
      const [bad] = await rows<{ shape: number; suffix: number; order: number; level2: number; n: number }>(
        db,
        `SELECT count(*) FILTER (WHERE u.code !~ '^\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}$')::int shape,
                count(*) FILTER (WHERE split_part(u.code, '.', 4) <> ?)::int suffix,
                -- under a level-2 unit (department, district): 000.<own>.<parent's YY>
                count(*) FILTER (WHERE p.parent_id IS NOT NULL AND (split_part(u.code, '.', 3) <> split_part(p.code, '.', 3) OR split_part(u.code, '.', 2) = '00'))::int "order",
                -- directly under the committee: 000.00.YY (communes of 2025 keep their former district's YY)
                count(*) FILTER (WHERE p.parent_id IS NULL AND u.kind <> 'COMMUNE' AND u.code !~ '^000\\.00\\.\\d{2}\\.')::int level2,
                count(*)::int n
           FROM units u LEFT JOIN units p ON p.id = u.parent_id`,
        [SUFFIX[code]!],
      );
      expect(bad).toMatchObject({ shape: 0, suffix: 0, order: 0, level2: 0 });
      const [commune] = await rows<{ code: string; district: string }>(
        db,
        `SELECT c.code, d.code AS district FROM units c JOIN units d ON d.id = c.parent_id
          WHERE c.kind = 'COMMUNE' AND d.code = '000.00.41.' || ? ORDER BY c.code LIMIT 1`,
        [SUFFIX[code]!],
      );
      expect(commune).toEqual({ code: `000.01.41.${SUFFIX[code]}`, district: `000.00.41.${SUFFIX[code]}` });
    },
  );

  it('the public administration service centre sits under the provincial office with a valid code', async () => {
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const centres = await rows<{ code: string; parent: string; name: string; valid_to: string | null }>(
        db,
        `SELECT u.code, p.code AS parent, u.name, to_char(u.valid_to, 'YYYY-MM-DD') valid_to
           FROM units u JOIN units p ON p.id = u.parent_id WHERE u.kind = 'CENTRE'`,
      );
      expect(centres).toEqual([
        {
          code: `000.01.01.${p.agencySuffix}`,
          parent: `000.00.01.${p.agencySuffix}`,
          name: 'Trung tâm Phục vụ hành chính công tỉnh',
          valid_to: p.validTo ?? null,
        },
      ]);
    }
  });
});
