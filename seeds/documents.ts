import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import {
  ARTICLE_DOCUMENTS,
  NATIONAL_DOCUMENTS,
  TYPE_CODES,
  type NationalDocument,
} from './data/documents.ts';
import { FEMALE_GIVEN, MALE_GIVEN, MALE_MIDDLE, SURNAMES } from './data/people.ts';
import type { Rng } from './random.ts';
import type { DocumentAttachmentRow, DocumentRow } from '../src/db/tables.ts';
import { insertMany, insertReturningIds, nfc, pad, sha } from './util.ts';
import { provinceDef, type UnitRefs } from './units.ts';

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
  return rng.chance(0.7)
    ? `${surname} ${rng.pick(MALE_MIDDLE)} ${rng.pick(MALE_GIVEN)}`
    : `${surname} Thị ${rng.pick(FEMALE_GIVEN)}`;
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
