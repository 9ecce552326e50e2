import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import { NATIONAL_DOCUMENTS } from './data/documents.ts';
import { COMMON_COMPONENTS, FIELDS, VARIANTS } from './data/procedures.ts';
import type { Rng } from './random.ts';
import type {
  ProcedureChannelInsert,
  ProcedureDocumentRow,
  ProcedureRequirementInsert,
  ProcedureRow,
  ProcedureUnitRow,
} from '../src/db/tables.ts';
import { insertMany, insertReturningIds, nfc, pad } from './util.ts';
import type { UnitRefs } from './units.ts';
import type { DocumentRefs } from './documents.ts';

/** The procedure catalogue of one demo province, generated deterministically. */

type OnlineService = ProcedureRow['online_service'];

/** Catalogue size and online-service mix per province (Nghệ An ≈1,841; Cà Mau 465 FULL + 997 PARTIAL). */
const CATALOGUE: Record<string, { active: number; abolished: number; full?: number; partial?: number }> = {
  '40': { active: 1780, abolished: 61 },
  '17': { active: 1720, abolished: 48 },
  '67': { active: 1705, abolished: 40 },
  '30': { active: 1840, abolished: 55 },
  '96': { active: 1790, abolished: 52, full: 465, partial: 997 },
};

export async function seedProcedures(
  db: Knex,
  province: ProvinceInfo,
  units: UnitRefs,
  docs: DocumentRefs,
  rng: Rng,
): Promise<number> {
  const plan = CATALOGUE[province.code] ?? { active: 1700, abolished: 40 };
  const total = plan.active + plan.abolished;
  const bases = FIELDS.flatMap((f) => f.procedures.map((p) => ({ field: f, proc: p })));
  // updated_at as ISO text: the seed writes it, PostgreSQL parses it
  const rows: (Omit<ProcedureRow, 'id' | 'updated_at'> & { updated_at: string })[] = [];
  const meta: { fieldIndex: number; days: number; fee: number }[] = [];
  // online-service kinds for active procedures: exact for Cà Mau, a realistic mix elsewhere
  const kinds: OnlineService[] = [];
  if (plan.full !== undefined && plan.partial !== undefined) {
    kinds.push(
      ...Array<OnlineService>(plan.full).fill('FULL'),
      ...Array<OnlineService>(plan.partial).fill('PARTIAL'),
    );
    kinds.push(...Array<OnlineService>(plan.active - kinds.length).fill('NONE'));
  } else {
    for (let i = 0; i < plan.active; i++) kinds.push(rng.weighted(['FULL', 'PARTIAL', 'NONE'], [38, 42, 20]));
  }
  const shuffledKinds = rng.shuffle(kinds);
  let synthetic = 0;
  for (let i = 0; i < total; i++) {
    const { field, proc } = bases[i % bases.length]!;
    const variant = VARIANTS[Math.floor(i / bases.length) % VARIANTS.length]!;
    const round = Math.floor(i / (bases.length * VARIANTS.length));
    const realCode = i < bases.length ? proc.code : undefined;
    const code = realCode ?? `9.${pad(++synthetic, 6)}`;
    const active = i < plan.active;
    const name = nfc([proc.name, variant, round ? `(${round + 1})` : ''].filter(Boolean).join(' '));
    rows.push({
      national_code: code,
      name,
      field: field.field,
      level: proc.level,
      online_service: active ? shuffledKinds[i]! : rng.pick(['PARTIAL', 'NONE']),
      applicants: field.applicants,
      result: field.result,
      cases: rng.chance(0.15) ? ['Trường hợp thông thường', 'Trường hợp cần xác minh'] : [],
      status: active ? 'ACTIVE' : 'ABOLISHED',
      revision: 1 + rng.int(0, 4),
      updated_at: `${rng.int(2023, 2026)}-${pad(rng.int(1, 10))}-${pad(rng.int(1, 28))}T0${rng.int(1, 9)}:00:00Z`,
    });
    meta.push({ fieldIndex: FIELDS.indexOf(field), days: proc.days, fee: proc.fee });
  }
  const ids = await insertReturningIds(rows, (chunk) => db('procedures').insert(chunk).returning('id'));

  const channels: ProcedureChannelInsert[] = [];
  const requirements: ProcedureRequirementInsert[] = [];
  const links: ProcedureDocumentRow[] = [];
  const deptLinks: ProcedureUnitRow[] = [];
  ids.forEach((id, i) => {
    const r = rows[i]!;
    const m = meta[i]!;
    const field = FIELDS[m.fieldIndex]!;
    const cases = r.cases.length ? r.cases : [''];
    for (const c of cases) {
      const days = c === 'Trường hợp cần xác minh' ? m.days + 5 : m.days;
      channels.push({
        procedure_id: id,
        channel: 'DIRECT',
        case_name: c,
        processing_time: days,
        time_unit: 'WORKING_DAY',
        fee_vnd: m.fee,
      });
      if (r.online_service !== 'NONE') {
        // online fees are often reduced (Circular 120/2021-style incentives)
        channels.push({
          procedure_id: id,
          channel: 'ONLINE',
          case_name: c,
          processing_time: days,
          time_unit: 'WORKING_DAY',
          fee_vnd: Math.round((m.fee * (rng.chance(0.4) ? 0.5 : 1)) / 1000) * 1000,
        });
      }
      if (rng.chance(0.6)) {
        channels.push({
          procedure_id: id,
          channel: 'POSTAL',
          case_name: c,
          processing_time: days,
          time_unit: 'WORKING_DAY',
          fee_vnd: m.fee,
        });
      }
    }
    const components = [...field.components, ...rng.sample(COMMON_COMPONENTS, rng.int(0, 2))].slice(0, 6);
    components.forEach((name, k) => {
      requirements.push({
        procedure_id: id,
        case_name: '',
        position: k + 1,
        name,
        form:
          k === 0 && /Tờ khai|Đơn|Giấy đề nghị|Văn bản đề nghị/.test(name)
            ? `Mẫu ${pad(k + 1)}/${field.department}`
            : null,
        originals: k === 0 ? 1 : rng.int(0, 1),
        copies: k === 0 ? 0 : rng.int(0, 2),
      });
    });
    const legal = rng.sample(field.legal, rng.int(1, Math.min(3, field.legal.length)));
    for (const key of legal) {
      const docId = docs.byNumberSymbol.get(NATIONAL_DOCUMENTS[key].numberSymbol);
      if (docId) links.push({ procedure_id: id, document_id: docId, role: 'LEGAL_BASIS' });
    }
    links.push({
      procedure_id: id,
      document_id: docs.publishing[i % docs.publishing.length]!,
      role: 'PUBLISHING_DECISION',
    });
    if (r.level === 'PROVINCE') {
      const dept = units.departments.get(field.department) ?? units.departments.get('VP')!;
      deptLinks.push({ procedure_id: id, unit_id: dept.id, role: 'IMPLEMENTING' });
    } else {
      // district and commune procedures: the department of the field decides on some of them
      if (rng.chance(0.2)) {
        const dept = units.departments.get(field.department) ?? units.departments.get('VP')!;
        deptLinks.push({ procedure_id: id, unit_id: dept.id, role: 'COORDINATING' });
      }
    }
  });
  await insertMany(channels, (chunk) => db('procedure_channels').insert(chunk));
  await insertMany(requirements, (chunk) => db('procedure_requirements').insert(chunk));
  await insertMany(links, (chunk) => db('procedure_documents').insert(chunk));
  await insertMany(deptLinks, (chunk) => db('procedure_units').insert(chunk));
  // every district (commune) implements the district-level (commune-level) procedures
  await db.raw(`
    INSERT INTO procedure_units (procedure_id, unit_id, role)
    SELECT p.id, u.id, 'IMPLEMENTING' FROM procedures p
      JOIN units u ON u.level = p.level AND u.kind IN ('DISTRICT', 'COMMUNE')
     WHERE p.level IN ('DISTRICT', 'COMMUNE')`);
  return ids.length;
}
