import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import { NATIONAL_DOCUMENTS } from './data/documents.ts';
import {
  FIELDS,
  SYNTHETIC_ACTIONS,
  SYNTHETIC_CODE_PREFIX,
  SYNTHETIC_SCOPES,
  UNVERIFIED_CODE_PREFIX,
  type Component,
  type FieldDef,
  type Level,
  type RealProcedure,
} from './data/procedures.ts';
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

/**
 * The procedure catalogue of one demo province, generated deterministically: the real procedures of
 * `data/procedures.ts` first, then synthetic ones (codes `9.xxxxxx`) up to the catalogue size.
 */

type OnlineService = ProcedureRow['online_service'];

/** Catalogue size and online-service mix per province (Nghệ An ≈1,841; Cà Mau 465 FULL + 997 PARTIAL). */
const CATALOGUE: Record<string, { active: number; abolished: number; full?: number; partial?: number }> = {
  '40': { active: 1780, abolished: 61 },
  '17': { active: 1720, abolished: 48 },
  '67': { active: 1705, abolished: 40 },
  '30': { active: 1840, abolished: 55 },
  '96': { active: 1790, abolished: 52, full: 465, partial: 997 },
};

/** One catalogue entry before insertion. */
interface Planned {
  field: FieldDef;
  name: string;
  code: string;
  level: Level;
  kind?: OnlineService;
  time: number;
  unit: RealProcedure['unit'];
  fee: number;
  onlineFee?: number;
  feeNote?: string;
  postal: boolean;
  components: readonly Component[];
  synthetic: boolean;
}

const SYNTHETIC_TIMES = [3, 5, 5, 7, 10, 10, 15, 15, 20, 30];
const SYNTHETIC_FEES = [0, 0, 0, 0, 50000, 100000, 150000, 200000, 500000, 1000000];

/** Synthetic names: action × object per field, fields interleaved; scopes only if still short. */
function syntheticNames(
  count: number,
  taken: Set<string>,
): { field: FieldDef; action: string; object: string; name: string }[] {
  const out: { field: FieldDef; action: string; object: string; name: string }[] = [];
  const withObjects = FIELDS.filter((f) => f.objects.length > 0);
  const maxObjects = Math.max(...withObjects.map((f) => f.objects.length));
  for (const scope of ['', ...SYNTHETIC_SCOPES]) {
    for (const action of SYNTHETIC_ACTIONS) {
      for (let o = 0; o < maxObjects; o++) {
        for (const field of withObjects) {
          const object = field.objects[o];
          // a scope never doubles a qualifier the object already has
          if (!object || (scope && / đối với | thuộc thẩm quyền /.test(` ${object} `))) continue;
          const name = nfc([action, object, scope].filter(Boolean).join(' '));
          if (taken.has(name)) continue;
          taken.add(name);
          out.push({ field, action, object, name });
          if (out.length === count) return out;
        }
      }
    }
  }
  throw new Error(`Only ${out.length} synthetic procedure names for ${count}`);
}

export async function seedProcedures(
  db: Knex,
  province: ProvinceInfo,
  units: UnitRefs,
  docs: DocumentRefs,
  rng: Rng,
): Promise<number> {
  const plan = CATALOGUE[province.code] ?? { active: 1700, abolished: 40 };
  const total = plan.active + plan.abolished;
  const planned: Planned[] = [];
  let unverified = 0;
  for (const field of FIELDS) {
    for (const proc of field.procedures) {
      planned.push({
        field,
        name: nfc(proc.name),
        code: proc.code ?? `${UNVERIFIED_CODE_PREFIX}.${pad(++unverified, 6)}`,
        level: proc.level,
        kind: proc.kind,
        time: proc.time,
        unit: proc.unit,
        fee: proc.fee,
        ...(proc.onlineFee !== undefined ? { onlineFee: proc.onlineFee } : {}),
        ...(proc.feeNote ? { feeNote: proc.feeNote } : {}),
        postal: proc.postal,
        components: proc.components,
        synthetic: false,
      });
    }
  }
  const taken = new Set(planned.map((p) => p.name));
  if (taken.size !== planned.length) throw new Error('Duplicate real procedure names');
  const synthetic = syntheticNames(total - planned.length, taken);
  synthetic.forEach((s, k) => {
    const evidence = rng.sample(s.field.evidence, rng.int(1, Math.min(2, s.field.evidence.length)));
    planned.push({
      field: s.field,
      name: s.name,
      code: `${SYNTHETIC_CODE_PREFIX}.${pad(k + 1, 6)}`,
      level: s.field.syntheticLevel,
      time: rng.pick(SYNTHETIC_TIMES),
      unit: 'WORKING_DAY',
      fee: s.action === 'Thu hồi' || s.action === 'Chấm dứt hiệu lực' ? 0 : rng.pick(SYNTHETIC_FEES),
      postal: rng.chance(0.6),
      components: [
        {
          name: `Đơn đề nghị ${s.action.toLowerCase()} ${s.object}`,
          originals: 1,
          copies: 0,
          form: `Mẫu số ${pad(rng.int(1, 12))}`,
        },
        ...evidence.map((name) =>
          name.startsWith('Bản sao')
            ? { name, originals: 0, copies: 1 }
            : { name, originals: 1, copies: rng.int(0, 1) },
        ),
      ],
      synthetic: true,
    });
  });

  // abolished procedures are synthetic ones; the real ones are all in force
  const syntheticIdx = planned.map((p, i) => (p.synthetic ? i : -1)).filter((i) => i >= 0);
  const abolished = new Set(rng.sample(syntheticIdx, plan.abolished));
  // online-service kinds: the real ones by law; synthetic ones exact for Cà Mau, a realistic mix elsewhere
  const activeReal = planned.filter((p) => !p.synthetic);
  const syntheticActive = syntheticIdx.filter((i) => !abolished.has(i));
  let kinds: OnlineService[];
  if (plan.full !== undefined && plan.partial !== undefined) {
    const full = plan.full - activeReal.filter((p) => p.kind === 'FULL').length;
    const partial = plan.partial - activeReal.filter((p) => p.kind === 'PARTIAL').length;
    kinds = [
      ...Array<OnlineService>(full).fill('FULL'),
      ...Array<OnlineService>(partial).fill('PARTIAL'),
      ...Array<OnlineService>(syntheticActive.length - full - partial).fill('NONE'),
    ];
  } else {
    kinds = syntheticActive.map(() => rng.weighted<OnlineService>(['FULL', 'PARTIAL', 'NONE'], [30, 48, 22]));
  }
  const shuffled = rng.shuffle(kinds);
  syntheticActive.forEach((i, k) => (planned[i]!.kind = shuffled[k]!));

  // updated_at as ISO text: the seed writes it, PostgreSQL parses it
  const rows: (Omit<ProcedureRow, 'id' | 'updated_at'> & { updated_at: string })[] = planned.map((p, i) => ({
    national_code: p.code,
    name: p.name,
    field: p.field.field,
    level: p.level,
    online_service: abolished.has(i) ? rng.pick<OnlineService>(['PARTIAL', 'NONE']) : p.kind!,
    applicants: p.field.applicants,
    result: p.field.result,
    cases: [],
    status: abolished.has(i) ? 'ABOLISHED' : 'ACTIVE',
    revision: 1 + rng.int(0, 4),
    updated_at: `${rng.int(2023, 2026)}-${pad(rng.int(1, 10))}-${pad(rng.int(1, 28))}T0${rng.int(1, 9)}:00:00Z`,
  }));
  const ids = await insertReturningIds(rows, (chunk) => db('procedures').insert(chunk).returning('id'));

  const channels: ProcedureChannelInsert[] = [];
  const requirements: ProcedureRequirementInsert[] = [];
  const links: ProcedureDocumentRow[] = [];
  const deptLinks: ProcedureUnitRow[] = [];
  ids.forEach((id, i) => {
    const p = planned[i]!;
    const r = rows[i]!;
    const fee_note = p.feeNote ?? null;
    const base = { procedure_id: id, case_name: '', processing_time: p.time, time_unit: p.unit, fee_note };
    channels.push({ ...base, channel: 'DIRECT', fee_vnd: p.fee });
    if (r.online_service !== 'NONE')
      channels.push({ ...base, channel: 'ONLINE', fee_vnd: p.onlineFee ?? p.fee });
    if (p.postal) channels.push({ ...base, channel: 'POSTAL', fee_vnd: p.fee });
    p.components.forEach((c, k) => {
      requirements.push({
        procedure_id: id,
        case_name: '',
        position: k + 1,
        name: nfc(c.name),
        form: c.form ?? null,
        originals: c.originals,
        copies: c.copies,
      });
    });
    const legal = p.synthetic
      ? rng.sample(p.field.legal, rng.int(1, Math.min(2, p.field.legal.length)))
      : p.field.legal;
    for (const key of legal) {
      const docId = docs.byNumberSymbol.get(NATIONAL_DOCUMENTS[key].numberSymbol);
      if (docId) links.push({ procedure_id: id, document_id: docId, role: 'LEGAL_BASIS' });
    }
    links.push({
      procedure_id: id,
      document_id: docs.publishing[i % docs.publishing.length]!,
      role: 'PUBLISHING_DECISION',
    });
    const dept = units.departments.get(p.field.department) ?? units.departments.get('VP')!;
    if (r.level === 'PROVINCE') {
      deptLinks.push({ procedure_id: id, unit_id: dept.id, role: 'IMPLEMENTING' });
    } else if (rng.chance(0.2)) {
      // district and commune procedures: the department of the field decides on some of them
      deptLinks.push({ procedure_id: id, unit_id: dept.id, role: 'COORDINATING' });
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
