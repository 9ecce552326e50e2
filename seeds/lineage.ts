import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import type { DocumentInsert, UnitExternalSuccessorInsert, UnitLineageInsert } from '../src/db/tables.ts';
import { DECREE_45_FROM, REORG_FROM, REORG_LAST_DAY, decree45 } from './data/units.ts';
import { insertMany, insertReturningIds, nfc } from './util.ts';
import type { DocumentRefs } from './documents.ts';
import { provinceDef, type UnitRefs } from './units.ts';

/**
 * The 2025 reorganisation as it happened, on the units seedUnits wrote:
 * - 1 March 2025 (Decree 45/2025/NĐ-CP): each department Decree 45 ended MERGED_INTO its successor, which
 *   also implements its procedures from then on (procedure_units has no dates: both stay listed);
 * - 1 July 2025 (Resolution 202/2025/QH15): every district MERGED_INTO the province (its tasks went to the
 *   province and the communes), every old commune MERGED_INTO (or, alone, RENAMED_TO) its new commune,
 *   district-level procedures became commune-level (procedure_levels keeps both periods; procedures.level
 *   is today's) and the new communes implement them;
 * - a merged province (Hòa Bình → Phú Thọ, …): its root unit and the provincial units still alive on
 *   30 June 2025 end that day, each with a successor in the other province (unit_external_successors:
 *   that province's database is not this one, so no foreign key can reach it).
 */
export async function seedLineage(
  db: Knex,
  province: ProvinceInfo,
  units: UnitRefs,
  docs: DocumentRefs,
): Promise<void> {
  const def = provinceDef(province);
  const nq202 = docs.byNumberSymbol.get('202/2025/QH15') ?? null;
  const [nd45, resolution] = await insertReturningIds(
    [
      {
        number_symbol: '45/2025/NĐ-CP',
        number: 45,
        year: 2025,
        type_code: 'NĐ',
        type: 'DECREE',
        issuer_symbol: 'CP',
        issuer_name: 'Chính phủ',
        place: 'Hà Nội',
        issued_on: '2025-02-28',
        summary: nfc(
          'Quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương',
        ),
        direction: 'INCOMING',
      },
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
      },
    ] satisfies DocumentInsert[],
    (chunk) => db('documents').insert(chunk).returning('id'),
  );

  const lineage: UnitLineageInsert[] = [];
  for (const m of decree45(def)) {
    lineage.push({
      predecessor_id: units.departments.get(m.from)!.id,
      successor_id: units.departments.get(m.into)!.id,
      kind: 'MERGED_INTO',
      effective_on: DECREE_45_FROM,
      document_id: nd45!,
    });
  }
  for (const d of units.districts) {
    lineage.push({
      predecessor_id: d.id,
      successor_id: units.rootId,
      kind: 'MERGED_INTO',
      effective_on: REORG_FROM,
      document_id: nq202,
    });
  }
  for (const c of units.communes2025) {
    for (const p of c.predecessors) {
      lineage.push({
        predecessor_id: p,
        successor_id: c.id,
        kind: c.predecessors.length === 1 ? 'RENAMED_TO' : 'MERGED_INTO',
        effective_on: REORG_FROM,
        document_id: resolution!,
      });
    }
  }
  await insertMany(lineage, (chunk) => db('unit_lineage').insert(chunk));

  // the successor department implements what the ended one did (from 1 March 2025)
  await db.raw(
    `INSERT INTO procedure_units (procedure_id, unit_id, role)
     SELECT pu.procedure_id, l.successor_id, pu.role
       FROM procedure_units pu JOIN unit_lineage l ON l.predecessor_id = pu.unit_id AND l.effective_on = ?
     ON CONFLICT DO NOTHING`,
    [DECREE_45_FROM],
  );

  // procedure levels by period; district-level procedures are commune-level from 1 July 2025
  await db.raw(
    `INSERT INTO procedure_levels (procedure_id, level, valid_from, valid_to)
     SELECT id, level, DATE '2000-01-01', CASE WHEN level = 'DISTRICT' THEN ?::date END FROM procedures
     UNION ALL
     SELECT id, 'COMMUNE', ?::date, NULL FROM procedures WHERE level = 'DISTRICT'`,
    [REORG_LAST_DAY, REORG_FROM],
  );
  await db.raw(
    `INSERT INTO procedure_units (procedure_id, unit_id, role)
     SELECT p.id, u.id, 'IMPLEMENTING' FROM procedures p
       JOIN units u ON u.kind = 'COMMUNE' AND u.valid_from >= ?::date
      WHERE p.level = 'DISTRICT'
     ON CONFLICT DO NOTHING`,
    [REORG_FROM],
  );
  await db('procedures').where({ level: 'DISTRICT' }).update({ level: 'COMMUNE' });

  // a merged province: its provincial units alive on its last day continue in the other province
  const end = province.validTo;
  const succ = province.successor;
  if (end && succ) {
    const place = succ.name === 'Hải Phòng' ? 'thành phố' : 'tỉnh';
    const inSuccessor = (name: string) => {
      if (name.includes(`tỉnh ${def.name}`)) return name.replace(`tỉnh ${def.name}`, `${place} ${succ.name}`);
      if (name.endsWith(' tỉnh')) return `${name.slice(0, -' tỉnh'.length)} ${place} ${succ.name}`;
      return `${name} ${place} ${succ.name}`;
    };
    const alive = await db('units')
      .select('id', 'name', 'kind')
      .where({ level: 'PROVINCE', valid_to: end })
      .orderBy('id');
    await insertMany(
      alive.map((u): UnitExternalSuccessorInsert => ({
        unit_id: u.id,
        kind: 'MERGED_INTO',
        province_code: succ.code,
        province_name: succ.name,
        successor_code: null,
        successor_name: nfc(
          u.kind === 'PEOPLES_COMMITTEE' ? `UBND ${place} ${succ.name}` : inSuccessor(u.name),
        ),
        effective_on: REORG_FROM,
        document_id: nq202,
      })),
      (chunk) => db('unit_external_successors').insert(chunk),
    );
  }
}
