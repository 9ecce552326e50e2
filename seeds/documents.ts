import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import {
  ARTICLE_DOCUMENTS,
  NATIONAL_DOCUMENTS,
  TYPE_CODES,
  type NationalDocument,
} from './data/documents.ts';
import { FEMALE_GIVEN, FEMALE_MIDDLE, MALE_GIVEN, MALE_MIDDLE, SURNAMES } from './data/people.ts';
import type { Rng } from './random.ts';
import type { DocumentAttachmentRow, DocumentRow } from '../src/db/tables.ts';
import { insertMany, insertReturningIds, nfc, pad, sha } from './util.ts';
import { provinceDef, type UnitRefs } from './units.ts';
import { addWorkingDays, isWorkingDay } from '../src/calendar/index.ts';

/** Official documents of one demo province (Decree 30/2020 shapes), generated deterministically. */

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
  return rng.chance(0.75)
    ? `${surname} ${rng.pick(MALE_MIDDLE)} ${rng.pick(MALE_GIVEN)}`
    : `${surname} ${rng.pick(FEMALE_MIDDLE)} ${rng.pick(FEMALE_GIVEN)}`;
}

/** One person in one position of one unit for a period (signers of the province's documents). */
export interface Post {
  unitId: number;
  name: string;
  position: string;
  /** The authority line above the signature (Decree 30/2020, appendix I): TM., KT., or the head's title. */
  authority: string;
  from: string;
  to: string;
}

/** Head and deputy titles of a unit, from its name (Thanh tra tỉnh, Văn phòng, Ban, Sở, Công an). */
function titles(unitName: string): { head: string; deputy: string } {
  if (unitName.startsWith('Thanh tra')) return { head: 'Chánh Thanh tra', deputy: 'Phó Chánh Thanh tra' };
  if (unitName.startsWith('Văn phòng')) return { head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' };
  if (unitName.startsWith('Ban')) return { head: 'Trưởng ban', deputy: 'Phó Trưởng ban' };
  return { head: 'Giám đốc', deputy: 'Phó Giám đốc' };
}

/**
 * The signers of a province's documents: the People's Committee's chairman and vice-chairmen by term
 * (2016–2021, 2021–2026, with a chairman replaced mid-term) and each department's director and deputies
 * for the unit's life. Every person holds one post; names do not repeat.
 */
function rosterOf(
  rng: Rng,
  root: { id: number; from: string; to: string },
  depts: { id: number; name: string; from: string; to: string }[],
): Post[] {
  const used = new Set<string>();
  const person = () => {
    let n = personName(rng);
    while (used.has(n)) n = personName(rng);
    used.add(n);
    return n;
  };
  const clip = (from: string, to: string, unit: { from: string; to: string }) => ({
    from: from < unit.from ? unit.from : from,
    to: to > unit.to ? unit.to : to,
  });
  const posts: Post[] = [];
  const terms: [string, string][] = [
    ['2016-05-01', '2021-06-30'],
    ['2021-07-01', '2023-10-15'],
    ['2023-10-16', '2026-06-30'],
    ['2026-07-01', '2031-06-30'],
  ];
  terms.forEach(([from, to], t) => {
    posts.push({
      unitId: root.id,
      name: person(),
      position: 'Chủ tịch',
      authority: 'TM. ỦY BAN NHÂN DÂN',
      ...clip(from, to, root),
    });
    // the vice-chairmen serve a whole council term (2016–2021, 2021–2026, 2026–2031)
    if (t === 2) return;
    const termTo = t === 1 ? '2026-06-30' : to;
    for (let k = 0; k < 3; k++) {
      posts.push({
        unitId: root.id,
        name: person(),
        position: 'Phó Chủ tịch',
        authority: 'KT. CHỦ TỊCH',
        ...clip(from, termTo, root),
      });
    }
  });
  for (const d of depts) {
    const { head, deputy } = titles(d.name);
    posts.push({
      unitId: d.id,
      name: person(),
      position: head,
      authority: head.toUpperCase(),
      from: d.from,
      to: d.to,
    });
    for (let k = 0; k < 2; k++) {
      posts.push({
        unitId: d.id,
        name: person(),
        position: deputy,
        authority: `KT. ${head.toUpperCase()}`,
        from: d.from,
        to: d.to,
      });
    }
  }
  return posts.filter((p) => p.from <= p.to);
}

type DocumentType = DocumentRow['type'];
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
  // validity of the issuing units as the unit rows have it (the reorganisation ends some of them)
  const validity = new Map(
    (
      await db.raw<{ rows: { id: number; valid_from: string; valid_to: string | null }[] }>(
        `SELECT id, valid_from::text, valid_to::text FROM units WHERE id = ANY(?)`,
        [[units.rootId, ...[...units.departments.values()].map((d) => d.id)]],
      )
    ).rows.map((u) => [u.id, { from: u.valid_from, to: u.valid_to ?? '9999-12-31' }]),
  );
  const span = (id: number) => validity.get(id) ?? { from: '2000-01-01', to: '9999-12-31' };
  const roster = rosterOf(
    rng,
    { id: units.rootId, ...span(units.rootId) },
    [...units.departments.values()].map((d) => ({ id: d.id, name: d.name, ...span(d.id) })),
  );
  /** The unit's head signs a third of its documents, a deputy ("KT.") the rest. */
  const signer = (unitId: number, issuedOn: string): Post | undefined => {
    const posts = roster.filter((r) => r.unitId === unitId && r.from <= issuedOn && issuedOn <= r.to);
    const head = posts.filter((r) => !r.authority.startsWith('KT.'));
    const deputies = posts.filter((r) => r.authority.startsWith('KT.'));
    if (head.length && (!deputies.length || rng.chance(0.35))) return rng.pick(head);
    return deputies.length ? rng.pick(deputies) : undefined;
  };
  const provincial = (
    numberSymbol: string,
    type: DocumentType,
    issuedOn: string,
    summary: string,
    issuerUnit = units.rootId,
    issuerName = `UBND tỉnh ${def.name}`,
  ): DocRow => {
    const post = signer(issuerUnit, issuedOn);
    return {
      ...base(numberSymbol),
      type,
      issuer_unit_id: issuerUnit,
      issuer_name: issuerName,
      place: def.name,
      issued_on: issuedOn,
      summary: nfc(summary),
      signer_name: post?.name ?? null,
      signer_position: post?.position ?? null,
      signer_authority: post?.authority ?? null,
      urgency: rng.chance(0.08) ? rng.pick(['KHAN', 'THUONG_KHAN', 'HOA_TOC'] as const) : null,
      confidentiality: null,
      direction: 'OUTGOING',
    };
  };
  /** A working day on or after `date` in the unit's validity; on or before its end if `date` is past it. */
  const workingDayFor = (unitId: number, date: string) => {
    const { from, to } = span(unitId);
    // the day itself or the next working day; past the issuer's end, its last working day
    const d = addWorkingDays(date < from ? from : date, 0);
    return d > to ? (isWorkingDay(to) ? to : addWorkingDays(to, -1)) : d;
  };
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
        workingDayFor(units.rootId, `${year}-${pad(month)}-${pad(1 + (i % 27))}`),
        `Về việc công bố Danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ trong lĩnh vực ${field} thuộc phạm vi chức năng quản lý của ngành trên địa bàn tỉnh ${def.name}`,
      ),
    );
  }
  const publishingEnd = rows.length;
  // everyday documents of the committee and departments
  const depts = [...units.departments.values()];
  for (let i = 0; i < 240; i++) {
    const year = 2023 + (i % 4);
    const fromDept = rng.chance(0.5);
    // a department, or the committee, in force on the day (abolished units issue nothing after their end)
    let dept = rng.pick(depts);
    let issuedOn = addWorkingDays(`${year}-${pad(1 + rng.int(0, 10))}-${pad(rng.int(1, 28))}`, 0);
    const live = (id: number) => span(id).from <= issuedOn && issuedOn <= span(id).to;
    if (fromDept && !live(dept.id)) dept = rng.pick(depts.filter((d) => live(d.id)).concat(dept));
    const issuer = fromDept ? dept.id : units.rootId;
    if (!live(issuer)) issuedOn = workingDayFor(issuer, issuedOn);
    const type: DocumentType = rng.weighted(
      ['OFFICIAL_LETTER', 'DECISION', 'PLAN', 'NOTICE', 'REPORT', 'DIRECTIVE'],
      [45, 20, 10, 10, 12, 3],
    );
    let num = rng.int(1, 6000);
    const symbolOf = (n: number) =>
      type === 'OFFICIAL_LETTER'
        ? `${n}/${fromDept ? dept.symbol : 'UBND'}-${fromDept ? 'VP' : rng.pick(['NC', 'KT', 'TH', 'KSTT', 'NCKSTT', 'VX'])}`
        : `${n}/${TYPE_LABEL[type]}-${fromDept ? dept.symbol : 'UBND'}`;
    const docYear = Number(issuedOn.slice(0, 4));
    let ns = symbolOf(num);
    while (taken.has(`${ns}|${docYear}`)) ns = symbolOf(++num);
    taken.add(`${ns}|${docYear}`);
    const summary =
      rng.pick(SUMMARIES[type] ?? ['Về việc triển khai nhiệm vụ']) +
      (type === 'PLAN' || type === 'REPORT' ? ` ${docYear}` : '');
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
