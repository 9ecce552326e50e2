import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import type { DocumentInsert, UnitLineageRow } from '../src/db/tables.ts';
import { insertMany, insertReturningIds, nfc } from './util.ts';
import type { DocumentRefs } from './documents.ts';
import { provinceDef, type UnitRefs } from './units.ts';

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
