import { describe, expect, it } from 'vitest';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import { FIELDS, SYNTHETIC_CODE_PREFIX, UNVERIFIED_CODE_PREFIX } from '../../seeds/data/procedures.ts';
import {
  ETHNIC_NAMES,
  LOCAL_SURNAMES,
  ORGANISATION_KINDS,
  SCHOOL_PATRONS,
  SURNAMES,
  organisationName,
} from '../../seeds/data/people.ts';
import { isWorkingDay } from '../../src/calendar/index.ts';
import { rows, seededCopies } from '../helpers/seeded.ts';

/** Copies of the seeded templates, dropped after this file. */
const seeded = seededCopies('seeds_catalogue');

/** Qualifiers a name must not carry twice ("… có yếu tố nước ngoài đối với trường hợp có yếu tố nước ngoài"). */
const DOUBLED = String.raw`(yếu tố nước ngoài|đối với|trường hợp|thuộc thẩm quyền|cấp lại|liên thông).*\1`;
const REAL = FIELDS.flatMap((f) => f.procedures.map((p) => ({ ...p, field: f.field })));

describe('the procedure catalogue: real procedures, marked synthetic ones', () => {
  it.each(DEMO_PROVINCES.map((p) => [p.code]))('province %s', async (code) => {
    const db = await seeded(code);
    const [shape] = await rows<Record<string, number>>(
      db,
      `SELECT count(*)::int total,
              count(*) FILTER (WHERE name ~ '\\(\\d+\\)')::int numbered,
              count(*) FILTER (WHERE name ~ ?)::int doubled,
              (count(*) - count(DISTINCT name))::int repeated_names,
              (count(*) - count(DISTINCT national_code))::int repeated_codes,
              count(*) FILTER (WHERE national_code !~ '^[1238]\\.\\d{6}$' AND national_code !~ '^9\\.\\d{6}$')::int bad_codes
         FROM procedures`,
      [DOUBLED],
    );
    expect(shape).toMatchObject({
      numbered: 0,
      doubled: 0,
      repeated_names: 0,
      repeated_codes: 0,
      bad_codes: 0,
    });
    // every real procedure keeps its name, level and, where confirmed, its national code
    const real = await rows<{ national_code: string; name: string; level: string; online_service: string }>(
      db,
      `SELECT national_code, name, level, online_service FROM procedures WHERE national_code !~ '^${SYNTHETIC_CODE_PREFIX}\\.' ORDER BY id`,
    );
    expect(real.map((r) => r.name)).toEqual(REAL.map((p) => p.name));
    real.forEach((r, i) => {
      const p = REAL[i]!;
      expect(r.national_code).toBe(p.code ?? r.national_code);
      if (!p.code) expect(r.national_code.startsWith(`${UNVERIFIED_CODE_PREFIX}.`)).toBe(true);
      // procedures.level is today's: the district level is gone since 1 July 2025 (its procedures are the
      // communes'), the earlier level stays in procedure_levels (test/foundation/seeds-reorg.test.ts)
      expect(r.level).toBe(p.level === 'DISTRICT' ? 'COMMUNE' : p.level);
      expect(r.online_service).toBe(p.kind);
    });
    // synthetic procedures are the 9.xxxxxx ones, and only they are abolished
    const [syn] = await rows<{ synthetic: number; abolished_real: number }>(
      db,
      `SELECT count(*) FILTER (WHERE national_code LIKE '9.%')::int synthetic,
              count(*) FILTER (WHERE national_code NOT LIKE '9.%' AND status = 'ABOLISHED')::int abolished_real
         FROM procedures`,
    );
    expect(syn).toEqual({ synthetic: shape!.total! - REAL.length, abolished_real: 0 });

    const [birth] = await rows<{
      name: string;
      online_service: string;
      max_fee: number;
      fee_receipts: number;
    }>(
      db,
      `SELECT p.name, p.online_service,
              (SELECT max(fee_vnd) FROM procedure_channels c WHERE c.procedure_id = p.id)::int max_fee,
              (SELECT count(*) FROM procedure_requirements r WHERE r.procedure_id = p.id AND r.name ~* 'lệ phí|biên lai')::int fee_receipts
         FROM procedures p WHERE national_code = '1.001193'`,
    );
    expect(birth).toEqual({ name: 'Đăng ký khai sinh', online_service: 'FULL', max_fee: 0, fee_receipts: 0 });
    const marriage = await rows<{ name: string; online_service: string; attend: number }>(
      db,
      `SELECT name, online_service,
              (SELECT count(*) FROM procedure_channels c WHERE c.procedure_id = p.id AND c.channel = 'POSTAL')::int attend
         FROM procedures p WHERE national_code = '1.000894'`,
    );
    expect(marriage).toHaveLength(1);
    expect(marriage[0]!.name).toBe('Đăng ký kết hôn');
    expect(['PARTIAL', 'NONE']).toContain(marriage[0]!.online_service);
    expect(marriage[0]!.attend).toBe(0);
    const death = await rows<{ name: string; form: string | null }>(
      db,
      `SELECT r.name, r.form FROM procedure_requirements r JOIN procedures p ON p.id = r.procedure_id
        WHERE p.national_code = '1.000656' ORDER BY r.position`,
    );
    expect(death.some((r) => /Giấy báo tử/.test(r.name))).toBe(true);
    expect(death.filter((r) => /khai sinh|chứng sinh/i.test(r.name))).toEqual([]);
    // components belong to their procedure: no set of components is shared by a whole field
    const [shared] = await rows<{ max_same: number }>(
      db,
      `SELECT max(n)::int max_same FROM (
         SELECT count(*) n FROM (SELECT procedure_id, string_agg(name, '|' ORDER BY position) sig FROM procedure_requirements GROUP BY 1) s GROUP BY sig) x`,
    );
    expect(shared!.max_same).toBeLessThanOrEqual(3);
    // processing times carry their unit; complaints run in days
    const units = await rows<{ time_unit: string }>(
      db,
      `SELECT DISTINCT time_unit FROM procedure_channels ORDER BY 1`,
    );
    expect(units.map((u) => u.time_unit)).toEqual(['DAY', 'WORKING_DAY']);
  });

  it('Nghệ An keeps the article size (1,841), Cà Mau 465 full and 997 partial in force', async () => {
    const na = await seeded('40');
    expect((await rows<{ n: number }>(na, `SELECT count(*)::int n FROM procedures`))[0]!.n).toBe(1841);
    const cm = await seeded('96');
    const kinds = await rows<{ online_service: string; n: number }>(
      cm,
      `SELECT online_service, count(*)::int n FROM procedures WHERE status = 'ACTIVE' GROUP BY 1 ORDER BY 1`,
    );
    expect(Object.fromEntries(kinds.map((k) => [k.online_service, k.n]))).toMatchObject({
      FULL: 465,
      PARTIAL: 997,
    });
  });
});

const PREFIXES = new Set(
  Object.values(ETHNIC_NAMES)
    .flat()
    .flatMap((n) => [...n.malePrefix, ...n.femalePrefix].map((p) => p.trim())),
);
const ETHNIC_GIVEN = new Set(
  Object.values(ETHNIC_NAMES)
    .flat()
    .flatMap((n) => [...n.maleGiven, ...n.femaleGiven]),
);

describe('people and papers', () => {
  it('no family name is a given-name prefix (Y, H’, Điểu, Thị)', async () => {
    const all = [...SURNAMES, ...Object.values(LOCAL_SURNAMES).flat()].map((s) => s[0]);
    expect(all.filter((s) => s === 'Y' || s === 'Thị' || s === 'Điểu' || s.startsWith("H'"))).toEqual([]);
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const names = await rows<{ applicant_name: string }>(
        db,
        `SELECT DISTINCT applicant_name FROM dossiers WHERE applicant_type = 'CITIZEN'`,
      );
      // a name that starts with a prefix is an ethnic name: prefix + an ethnic given name (+ clan)
      const wrong = names
        .map((n) => n.applicant_name)
        .filter((n) => {
          const first = n.startsWith("H'") ? "H'" : n.split(' ')[0]!;
          if (!PREFIXES.has(first) && first !== 'Y' && first !== 'Thị' && first !== "H'") return false;
          const given = first === "H'" ? n.slice(2).split(' ')[0]! : n.split(' ')[1]!;
          return !ETHNIC_GIVEN.has(given);
        });
      expect(wrong, p.code).toEqual([]);
    }
  });

  it('organisations are named after places, persons or brands, never after a department', () => {
    for (const kind of ORGANISATION_KINDS) {
      const name = organisationName(kind, 'Nghi Phong', SCHOOL_PATRONS[0]!, 'Hồng Lam');
      expect(name).not.toMatch(/Sở /);
      expect(name.split(' ').length).toBeGreaterThan(2);
    }
  });
  it('seeded organisation applicants are named after places, patrons or brands; Đắk Nông has Ê Đê and M’nông names', async () => {
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const [r] = await rows<{ orgs: number; after_department: number; ethnic: number }>(
        db,
        `SELECT count(*) FILTER (WHERE applicant_type IN ('STATE_AGENCY', 'ORGANISATION'))::int AS orgs,
                count(*) FILTER (WHERE applicant_type IN ('STATE_AGENCY', 'ORGANISATION')
                                   AND (applicant_name LIKE '%Sở %' OR applicant_name LIKE '%UBND%'))::int AS after_department,
                count(*) FILTER (WHERE applicant_type = 'CITIZEN' AND applicant_name ~ '^(Y |H''|Điểu )')::int AS ethnic
           FROM dossiers`,
      );
      expect(r!.orgs, p.code).toBeGreaterThan(0);
      expect(r!.after_department, p.code).toBe(0);
      if (p.code === '67') expect(r!.ethnic).toBeGreaterThan(0);
      else expect(r!.ethnic, p.code).toBe(0);
    }
  });

  it('documents: working days, in the issuer’s life, signed by its head or a deputy, one post per signer', async () => {
    for (const p of DEMO_PROVINCES) {
      const db = await seeded(p.code);
      const docs = await rows<{
        number_symbol: string;
        issued_on: string;
        kind: string;
        unit_id: number;
        valid_from: string;
        valid_to: string | null;
        signer_name: string | null;
        signer_position: string | null;
        signer_authority: string | null;
      }>(
        db,
        `SELECT d.number_symbol, d.issued_on::text, u.kind, u.id unit_id, u.valid_from::text, u.valid_to::text,
                d.signer_name, d.signer_position, d.signer_authority
           FROM documents d JOIN units u ON u.id = d.issuer_unit_id`,
      );
      expect(docs.length).toBeGreaterThan(200);
      expect(docs.filter((d) => !isWorkingDay(d.issued_on)).map((d) => d.issued_on)).toEqual([]);
      expect(
        docs.filter((d) => (d.valid_to && d.issued_on > d.valid_to) || d.issued_on < d.valid_from),
      ).toEqual([]);
      expect(docs.filter((d) => !d.signer_name)).toEqual([]);
      for (const d of docs) {
        if (d.kind === 'PEOPLES_COMMITTEE') {
          expect([
            ['TM. ỦY BAN NHÂN DÂN', 'Chủ tịch'],
            ['KT. CHỦ TỊCH', 'Phó Chủ tịch'],
          ]).toContainEqual([d.signer_authority, d.signer_position]);
        } else {
          expect(d.signer_authority).not.toMatch(/ỦY BAN NHÂN DÂN|CHỦ TỊCH/);
          expect(
            d.signer_authority === d.signer_position!.toUpperCase() || d.signer_authority!.startsWith('KT. '),
          ).toBe(true);
        }
      }
      // one person, one post (unit and position)
      const posts = new Map<string, Set<string>>();
      for (const d of docs) {
        const set = posts.get(d.signer_name!) ?? new Set<string>();
        set.add(`${d.unit_id}|${d.signer_position}`);
        posts.set(d.signer_name!, set);
      }
      expect([...posts].filter(([, s]) => s.size > 1).map(([n]) => n)).toEqual([]);
      // one chairman at a time: chairmen's signing periods do not overlap
      const chairs = new Map<string, [string, string]>();
      for (const d of docs.filter((x) => x.signer_position === 'Chủ tịch')) {
        const [lo, hi] = chairs.get(d.signer_name!) ?? [d.issued_on, d.issued_on];
        chairs.set(d.signer_name!, [
          d.issued_on < lo ? d.issued_on : lo,
          d.issued_on > hi ? d.issued_on : hi,
        ]);
      }
      const spans = [...chairs.values()].sort((a, b) => a[0].localeCompare(b[0]));
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0] > spans[i - 1]![1]).toBe(true);
    }
  });
});
