import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import {
  ARTICLE_DOCUMENTS,
  NATIONAL_DOCUMENTS,
  TYPE_CODES,
  type NationalDocument,
} from './data/documents.ts';
import { FEMALE_GIVEN, MALE_GIVEN, MALE_MIDDLE, SURNAMES } from './data/people.ts';
import { COMMON_COMPONENTS, FIELDS, VARIANTS } from './data/procedures.ts';
import {
  NAME_FIRST,
  NAME_SECOND,
  PROVINCES,
  department,
  type DeptKey,
  type ProvinceDef,
} from './data/units.ts';
import type { Rng } from './random.ts';
import type {
  DocumentAttachmentRow,
  DocumentInsert,
  DocumentRow,
  ProcedureChannelInsert,
  ProcedureDocumentRow,
  ProcedureRequirementInsert,
  ProcedureRow,
  ProcedureUnitRow,
  UnitInsert,
  UnitLineageRow,
  UnitRow,
} from '../src/db/tables.ts';

/** Units, documents and the procedure catalogue of one demo province, generated deterministically. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const nfc = (s: string) => s.normalize('NFC');

const CHUNK = 1000;

/** Inserts rows CHUNK per statement; `insert` is the (typed) INSERT of one chunk. */
async function insertMany<R>(
  rows: readonly R[],
  insert: (chunk: R[]) => PromiseLike<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The same with INSERT … RETURNING id: the new ids, in the order of the rows. */
async function insertReturningIds<R>(
  rows: readonly R[],
  insert: (chunk: R[]) => PromiseLike<{ id: number }[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    ids.push(...(await insert(rows.slice(i, i + CHUNK))).map((r) => r.id));
  }
  return ids;
}

export interface UnitRefs {
  rootId: number;
  departments: Map<DeptKey, { id: number; code: string; symbol: string; name: string }>;
  districts: { id: number; code: string }[];
  communes: { id: number; code: string }[];
}

const DISTRICT_PREFIX: Record<string, string> = {
  'thành phố': 'UBND thành phố',
  'thị xã': 'UBND thị xã',
  huyện: 'UBND huyện',
};

export function provinceDef(province: ProvinceInfo): ProvinceDef {
  const def = PROVINCES[province.code];
  if (!def) throw new Error(`No demo data for province ${province.code}`);
  return def;
}

/** Commune names of a district: the real ones first, then generated ones that do not repeat. */
function communeNames(
  d: ProvinceDef['districts'][number],
  rng: Rng,
): { name: string; kind: 'phường' | 'thị trấn' | 'xã' }[] {
  const out = d.known
    .split(',')
    .filter(Boolean)
    .map((raw) => {
      const kind = raw.startsWith('p:')
        ? ('phường' as const)
        : raw.startsWith('t:')
          ? ('thị trấn' as const)
          : ('xã' as const);
      return { name: nfc(raw.replace(/^[pt]:/, '')), kind };
    });
  const used = new Set(out.map((c) => `${c.kind} ${c.name}`));
  while (out.length < d.communes) {
    const name = nfc(`${rng.pick(NAME_FIRST)} ${rng.pick(NAME_SECOND)}`);
    if (used.has(`xã ${name}`)) continue;
    used.add(`xã ${name}`);
    out.push({ name, kind: 'xã' });
  }
  return out.slice(0, d.communes);
}

export async function seedUnits(db: Knex, province: ProvinceInfo, rng: Rng): Promise<UnitRefs> {
  const def = provinceDef(province);
  const sfx = province.agencySuffix;
  const [root] = await insertReturningIds(
    [
      {
        code: `000.00.00.${sfx}`,
        name: `UBND tỉnh ${def.name}`,
        kind: 'PEOPLES_COMMITTEE',
        level: 'PROVINCE',
        address: def.capital,
      } satisfies UnitInsert,
    ],
    (chunk) => db('units').insert(chunk).returning('id'),
  );
  const rootId = root!;
  await db('unit_admin_codes').insert({ unit_id: rootId, system: 'GSO', code: def.code });

  const departments = new Map<DeptKey, { id: number; code: string; symbol: string; name: string }>();
  const deptRows = def.departments.map((key, i) => {
    const d = department(key, def);
    return {
      key,
      symbol: d.symbol,
      row: {
        code: `000.00.${pad(i + 1)}.${sfx}`,
        name: nfc(d.name),
        kind: d.kind,
        level: 'PROVINCE',
        parent_id: rootId,
      } satisfies UnitInsert,
    };
  });
  const deptIds = await insertReturningIds(
    deptRows.map((d) => d.row),
    (chunk) => db('units').insert(chunk).returning('id'),
  );
  deptRows.forEach((d, i) =>
    departments.set(d.key, { id: deptIds[i]!, code: d.row.code, symbol: d.symbol, name: d.row.name }),
  );
  // the one-stop public administration centre sits under the provincial office
  const vp = departments.get('VP');
  if (vp) {
    await db('units').insert({
      code: `001.00.01.${sfx}`,
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      kind: 'CENTRE',
      level: 'PROVINCE',
      parent_id: vp.id,
    });
  }

  const districtRows = def.districts.map((d, i) => ({
    code: `000.00.${pad(41 + i)}.${sfx}`,
    name: nfc(`${DISTRICT_PREFIX[d.kind]} ${d.name}`),
    kind: 'DISTRICT',
    level: 'DISTRICT',
    parent_id: rootId,
    valid_to: '2025-06-30',
  })) satisfies UnitInsert[];
  const districtIds = await insertReturningIds(districtRows, (chunk) =>
    db('units').insert(chunk).returning('id'),
  );
  await insertMany(
    def.districts.map((d, i) => ({ unit_id: districtIds[i]!, system: 'GSO' as const, code: d.gso })),
    (chunk) => db('unit_admin_codes').insert(chunk),
  );

  const communeRows: (Pick<UnitRow, 'code' | 'name' | 'kind' | 'level'> & {
    parent_id: number;
    gso: string;
  })[] = [];
  let gso = def.communeBase;
  def.districts.forEach((d, di) => {
    communeNames(d, rng).forEach((c, ci) => {
      communeRows.push({
        code: `000.${pad(di + 1)}.${pad(ci + 1)}.${sfx}`,
        name: `UBND ${c.kind} ${c.name}`,
        kind: 'COMMUNE',
        level: 'COMMUNE',
        parent_id: districtIds[di]!,
        gso: pad(gso, 5),
      });
      gso += 3;
    });
  });
  const communeIds = await insertReturningIds(
    communeRows.map(({ gso: _g, ...r }) => r),
    (chunk) => db('units').insert(chunk).returning('id'),
  );
  await insertMany(
    communeRows.map((c, i) => ({ unit_id: communeIds[i]!, system: 'GSO' as const, code: c.gso })),
    (chunk) => db('unit_admin_codes').insert(chunk),
  );
  return {
    rootId,
    departments,
    districts: districtIds.map((id, i) => ({ id, code: districtRows[i]!.code })),
    communes: communeIds.map((id, i) => ({ id, code: communeRows[i]!.code })),
  };
}

/** Splits `1271/QĐ-UBND`, `20/2020/QĐ-TTg`, `60/2014/QH13` or `5849/UBND-NCKSTT` into its parts (Decree 30/2020). */
export function parseNumberSymbol(numberSymbol: string) {
  const m = /^(\d+)\/(?:(\d{4})\/)?(.+)$/u.exec(numberSymbol);
  if (!m) throw new Error(`Not a number/symbol: ${numberSymbol}`);
  const number = Number(m[1]);
  const year = m[2] ? Number(m[2]) : null;
  const symbol = m[3]!;
  const dash = symbol.indexOf('-');
  // laws (60/2014/QH13) carry only the issuer
  if (dash < 0) return { number, year, typeCode: null, issuerSymbol: symbol, draftingUnit: null };
  const first = symbol.slice(0, dash);
  const rest = symbol.slice(dash + 1);
  if (first in TYPE_CODES) return { number, year, typeCode: first, issuerSymbol: rest, draftingUnit: null };
  // công văn: ISSUER-DRAFTING UNIT, no type abbreviation
  return { number, year, typeCode: null, issuerSymbol: first, draftingUnit: rest };
}

function personName(rng: Rng): string {
  const surname = rng.weighted(
    SURNAMES.map((s) => s[0]),
    SURNAMES.map((s) => s[1]),
  );
  return rng.chance(0.7)
    ? `${surname} ${rng.pick(MALE_MIDDLE)} ${rng.pick(MALE_GIVEN)}`
    : `${surname} Thị ${rng.pick(FEMALE_GIVEN)}`;
}

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

type DocumentType = DocumentRow['type'];
type OnlineService = ProcedureRow['online_service'];
/** A document as generated: every column but the identity. */
type DocRow = Omit<DocumentRow, 'id'>;

export interface DocumentRefs {
  byNumberSymbol: Map<string, number>;
  publishing: number[];
  generated: number[];
}

const TYPE_LABEL: Partial<Record<DocumentType, string>> = {
  DECISION: 'QĐ',
  PLAN: 'KH',
  NOTICE: 'TB',
  REPORT: 'BC',
  DIRECTIVE: 'CT',
  SUBMISSION: 'TTr',
  GUIDANCE: 'HD',
};

const SUMMARIES: Partial<Record<DocumentType, readonly string[]>> = {
  DECISION: [
    'Về việc phê duyệt kế hoạch kiểm tra công tác cải cách hành chính',
    'Về việc kiện toàn Tổ công tác cải cách thủ tục hành chính',
    'Về việc ban hành Quy chế hoạt động của Bộ phận Một cửa',
  ],
  PLAN: [
    'Kế hoạch cải cách hành chính năm',
    'Kế hoạch số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    'Kế hoạch nâng cao Chỉ số hài lòng của người dân (SIPAS)',
  ],
  NOTICE: [
    'Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp về cải cách hành chính',
    'Thông báo lịch tiếp công dân định kỳ',
  ],
  REPORT: [
    'Báo cáo kết quả công tác cải cách hành chính quý',
    'Báo cáo tình hình giải quyết hồ sơ thủ tục hành chính trễ hạn',
    'Báo cáo tự đánh giá, chấm điểm Chỉ số PAR INDEX',
  ],
  DIRECTIVE: ['Về việc tăng cường kỷ luật, kỷ cương hành chính trong giải quyết thủ tục hành chính'],
  OFFICIAL_LETTER: [
    'V/v đôn đốc giải quyết hồ sơ quá hạn và thực hiện xin lỗi người dân',
    'V/v triển khai dịch vụ công trực tuyến toàn trình',
    'V/v đẩy mạnh thanh toán trực tuyến phí, lệ phí',
    'V/v kết nối hệ thống quản lý văn bản với Trục liên thông văn bản quốc gia',
  ],
};

export async function seedDocuments(
  db: Knex,
  province: ProvinceInfo,
  units: UnitRefs,
  rng: Rng,
  procedureFields: string[],
): Promise<DocumentRefs> {
  const def = provinceDef(province);
  const rows: DocRow[] = [];
  const base = (numberSymbol: string) => {
    const parts = parseNumberSymbol(numberSymbol);
    return {
      number_symbol: numberSymbol,
      number: parts.number,
      year: parts.year,
      type_code: parts.typeCode,
      issuer_symbol: parts.issuerSymbol,
      drafting_unit: parts.draftingUnit,
    };
  };
  for (const d of Object.values(NATIONAL_DOCUMENTS) as NationalDocument[]) {
    rows.push({
      ...base(d.numberSymbol),
      type: d.type,
      issuer_unit_id: null,
      issuer_name: d.issuerName,
      place: 'Hà Nội',
      issued_on: d.issuedOn,
      summary: nfc(d.summary),
      signer_name: d.signerName ?? null,
      signer_position: d.signerPosition ?? null,
      signer_authority: d.signerAuthority ?? null,
      urgency: null,
      confidentiality: null,
      direction: 'INCOMING',
    });
  }
  const chair = personName(rng);
  const vice = personName(rng);
  const provincial = (
    numberSymbol: string,
    type: DocumentType,
    issuedOn: string,
    summary: string,
    issuerUnit = units.rootId,
    issuerName = `UBND tỉnh ${def.name}`,
  ): DocRow => ({
    ...base(numberSymbol),
    type,
    issuer_unit_id: issuerUnit,
    issuer_name: issuerName,
    place: def.name,
    issued_on: issuedOn,
    summary: nfc(summary),
    signer_name: rng.chance(0.5) ? chair : vice,
    signer_position: rng.chance(0.5) ? 'Chủ tịch' : 'Phó Chủ tịch',
    signer_authority: 'TM. ỦY BAN NHÂN DÂN',
    urgency: rng.chance(0.08) ? rng.pick(['KHAN', 'THUONG_KHAN', 'HOA_TOC'] as const) : null,
    confidentiality: null,
    direction: 'OUTGOING',
  });
  for (const d of ARTICLE_DOCUMENTS.filter((x) => x.province === province.code)) {
    rows.push(provincial(d.numberSymbol, d.type, d.issuedOn, d.summary));
  }
  // decisions publishing procedure lists (quyết định công bố): Nghệ An had 18 in Q2 2024
  const publishingCount = province.code === '40' ? 18 : 12;
  const publishingStart = rows.length;
  const taken = new Set(rows.map((r) => `${r.number_symbol}|${r.issued_on.slice(0, 4)}`));
  for (let i = 0; i < publishingCount; i++) {
    const year = 2022 + (i % 3);
    const month = 1 + ((i * 5) % 12);
    let num = rng.int(200, 3500);
    while (taken.has(`${num}/QĐ-UBND|${year}`)) num++;
    taken.add(`${num}/QĐ-UBND|${year}`);
    const field = procedureFields[i % procedureFields.length]!;
    rows.push(
      provincial(
        `${num}/QĐ-UBND`,
        'DECISION',
        `${year}-${pad(month)}-${pad(1 + (i % 27))}`,
        `Về việc công bố Danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ trong lĩnh vực ${field} thuộc phạm vi chức năng quản lý của ngành trên địa bàn tỉnh ${def.name}`,
      ),
    );
  }
  const publishingEnd = rows.length;
  // everyday documents of the committee and departments
  const depts = [...units.departments.values()];
  for (let i = 0; i < 240; i++) {
    const year = 2023 + (i % 4);
    const issuedOn = `${year}-${pad(1 + rng.int(0, 10))}-${pad(rng.int(1, 28))}`;
    const fromDept = rng.chance(0.5);
    const dept = rng.pick(depts);
    const type: DocumentType = rng.weighted(
      ['OFFICIAL_LETTER', 'DECISION', 'PLAN', 'NOTICE', 'REPORT', 'DIRECTIVE'],
      [45, 20, 10, 10, 12, 3],
    );
    let num = rng.int(1, 6000);
    const symbolOf = (n: number) =>
      type === 'OFFICIAL_LETTER'
        ? `${n}/${fromDept ? dept.symbol : 'UBND'}-${fromDept ? 'VP' : rng.pick(['NC', 'KT', 'TH', 'KSTT', 'NCKSTT', 'VX'])}`
        : `${n}/${TYPE_LABEL[type]}-${fromDept ? dept.symbol : 'UBND'}`;
    let ns = symbolOf(num);
    while (taken.has(`${ns}|${year}`)) ns = symbolOf(++num);
    taken.add(`${ns}|${year}`);
    const summary =
      rng.pick(SUMMARIES[type] ?? ['Về việc triển khai nhiệm vụ']) +
      (type === 'PLAN' || type === 'REPORT' ? ` ${year}` : '');
    const row = provincial(
      ns,
      type,
      issuedOn,
      summary,
      fromDept ? dept.id : units.rootId,
      fromDept ? dept.name : `UBND tỉnh ${def.name}`,
    );
    if (rng.chance(0.03)) row.confidentiality = 'MAT';
    rows.push(row);
  }
  const ids = await insertReturningIds(rows, (chunk) => db('documents').insert(chunk).returning('id'));
  const attachments: Omit<DocumentAttachmentRow, 'id'>[] = [];
  rows.forEach((r, i) => {
    const n = rng.int(0, 3);
    for (let k = 0; k < n; k++) {
      const pdf = k === 0 || rng.chance(0.6);
      const name = `${r.number_symbol.replace(/\//g, '_')}${k ? `_phu-luc-${k}` : ''}.${pdf ? 'pdf' : 'docx'}`;
      attachments.push({
        document_id: ids[i]!,
        name,
        media_type: pdf
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size_bytes: rng.int(40_000, 4_000_000),
        sha256: sha(`${province.code}:${name}`),
      });
    }
  });
  await insertMany(attachments, (chunk) => db('document_attachments').insert(chunk));
  const byNumberSymbol = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!byNumberSymbol.has(r.number_symbol)) byNumberSymbol.set(r.number_symbol, ids[i]!);
  });
  return {
    byNumberSymbol,
    publishing: ids.slice(publishingStart, publishingEnd),
    generated: ids.slice(publishingEnd),
  };
}

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

/** 2025 reorganisation: districts abolished (Resolution 202/2025/QH15 context), some communes merged. */
export async function seedLineage(
  db: Knex,
  province: ProvinceInfo,
  units: UnitRefs,
  docs: DocumentRefs,
): Promise<void> {
  const def = provinceDef(province);
  const nq202 = docs.byNumberSymbol.get('202/2025/QH15') ?? null;
  await insertMany(
    units.districts.map((d): UnitLineageRow => ({
      predecessor_id: d.id,
      successor_id: units.rootId,
      kind: 'MERGED_INTO',
      effective_on: '2025-07-01',
      document_id: nq202,
    })),
    (chunk) => db('unit_lineage').insert(chunk),
  );
  const [resolution] = await insertReturningIds(
    [
      {
        number_symbol: `${def.communeResolution}/NQ-UBTVQH15`,
        number: def.communeResolution,
        type_code: 'NQ',
        type: 'RESOLUTION',
        issuer_symbol: 'UBTVQH15',
        issuer_name: 'Ủy ban Thường vụ Quốc hội',
        place: 'Hà Nội',
        issued_on: '2025-06-16',
        summary: nfc(`Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh ${def.name} năm 2025`),
        direction: 'INCOMING',
      } satisfies DocumentInsert,
    ],
    (chunk) => db('documents').insert(chunk).returning('id'),
  );
  // every fifth commune merges into its neighbour in the same district
  const merged: UnitLineageRow[] = [];
  for (let i = 1; i < units.communes.length; i += 5) {
    const a = units.communes[i - 1]!;
    const b = units.communes[i]!;
    if (a.code.split('.')[1] !== b.code.split('.')[1]) continue;
    merged.push({
      predecessor_id: b.id,
      successor_id: a.id,
      kind: 'MERGED_INTO',
      effective_on: '2025-07-01',
      document_id: resolution!,
    });
  }
  await insertMany(merged, (chunk) => db('unit_lineage').insert(chunk));
  await db('units')
    .whereIn(
      'id',
      merged.map((m) => m.predecessor_id),
    )
    .update({ valid_to: '2025-06-30' });
}
