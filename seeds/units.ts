import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import {
  NAME_FIRST,
  NAME_SECOND,
  PROVINCES,
  department,
  type DeptKey,
  type ProvinceDef,
} from './data/units.ts';
import type { Rng } from './random.ts';
import type { UnitInsert, UnitRow } from '../src/db/tables.ts';
import { insertMany, insertReturningIds, nfc, pad } from './util.ts';

/** Units of one demo province and the 2025 reorganisation's lineage, generated deterministically. */

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
