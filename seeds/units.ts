import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import {
  DECREE_45_FROM,
  DECREE_45_LAST_DAY,
  NAME_FIRST,
  NAME_SECOND,
  PROVINCES,
  REORG_FROM,
  REORG_LAST_DAY,
  decree45,
  department,
  type DeptKey,
  type ProvinceDef,
} from './data/units.ts';
import type { Rng } from './random.ts';
import type { UnitInsert, UnitRow } from '../src/db/tables.ts';
import { insertMany, insertReturningIds, nfc, pad } from './util.ts';

/**
 * Units of one demo province as they were and are, generated deterministically: the 2024 structure, the
 * departments of Decree 45/2025 from 1 March 2025, the communes of 1 July 2025 (districts end the day
 * before). Identifiers read `000.ZZ.YY.Hxx`: unit ZZ under level-2 unit YY (01 the provincial office,
 * 02… departments, 41… districts); a commune formed on 1 July 2025 keeps its former district's YY with
 * ZZ from 51 (a demo choice: the real post-2025 identifiers are each province's).
 */

export interface DepartmentRef {
  id: number;
  code: string;
  symbol: string;
  name: string;
  /** First and last day of validity ('2000-01-01' and null for a department that still exists). */
  validFrom: string;
  validTo: string | null;
}

export interface UnitRefs {
  rootId: number;
  /** Every department, the ones Decree 45/2025 ended (validTo 2025-02-28) and the ones it created. */
  departments: Map<DeptKey, DepartmentRef>;
  /** The provincial public administration service centre (Trung tâm Phục vụ hành chính công tỉnh). */
  centreId: number;
  districts: { id: number; code: string }[];
  /** Communes until 30 June 2025. */
  communes: { id: number; code: string }[];
  /** Communes from 1 July 2025, each with the old communes (ids) merged into it. */
  communes2025: { id: number; code: string; predecessors: number[] }[];
}

/** Last day of a merged province's own units (the province ends), or null. */
export const provinceEnd = (province: ProvinceInfo): string | null => province.validTo ?? null;

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
export function communeNames(
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

/** A commune-level unit formed on 1 July 2025 from consecutive old communes of one district. */
export interface Commune2025 {
  district: number;
  kind: 'phường' | 'xã';
  name: string;
  /** Indexes of the old communes (within the district) merged into it. */
  members: number[];
}

/** Largest-remainder shares of `total` over `weights`, each at least 1 and at most its weight. */
function shares(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map((r, i) => Math.min(weights[i]!, Math.max(1, Math.floor(r))));
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    const i = order[k]!.i;
    if (out[i]! < weights[i]!) {
      out[i]!++;
      left--;
    }
  }
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k]!.i;
    if (out[i]! > 1) {
      out[i]!--;
      left++;
    }
  }
  return out;
}

/**
 * The communes of 1 July 2025: each urban district (thành phố, thị xã) becomes its `wards2025`, the rural
 * districts share the province's `xa` in proportion to their old communes; each new unit takes a run of
 * consecutive old communes of its district. A rural district's first new commune takes the district's
 * name, the others the name of their first old commune (as many real ones did).
 */
export function consolidate(def: ProvinceDef, oldNames: { name: string }[][]): Commune2025[] {
  const urban = def.districts.map((d) => d.kind !== 'huyện');
  const wards = def.districts.map((d, i) =>
    urban[i] ? (d.wards2025 ?? '').split(',').filter(Boolean).map(nfc) : [],
  );
  const wardCount = wards.reduce((a, w) => a + w.length, 0);
  if (wardCount !== def.reorg2025.phuong || wards.some((w, i) => urban[i] && w.length === 0))
    throw new Error(
      `${def.name}: wards2025 names ${wardCount} wards, reorg2025 says ${def.reorg2025.phuong}`,
    );
  const rural = def.districts.map((_, i) => i).filter((i) => !urban[i]);
  const xa = shares(
    def.reorg2025.xa,
    rural.map((i) => oldNames[i]!.length),
  );
  const used = new Set<string>();
  const out: Commune2025[] = [];
  def.districts.forEach((d, di) => {
    const old = oldNames[di]!;
    const k = urban[di] ? wards[di]!.length : xa[rural.indexOf(di)]!;
    let at = 0;
    for (let j = 0; j < k; j++) {
      const size = Math.floor(old.length / k) + (j < old.length % k ? 1 : 0);
      const members = Array.from({ length: size }, (_, m) => at + m);
      at += size;
      const kind = urban[di] ? ('phường' as const) : ('xã' as const);
      const candidates = urban[di]
        ? [wards[di]![j]!]
        : [...(j === 0 ? [nfc(d.name)] : []), ...members.map((m) => old[m]!.name)];
      let name = candidates.find((c) => !used.has(`${kind} ${c}`));
      for (let n = 0; !name; n++) {
        const c = `${candidates[0]} ${['Bắc', 'Nam', 'Đông', 'Tây', 'Trung'][n % 5]}${n >= 5 ? ` ${n}` : ''}`;
        if (!used.has(`${kind} ${c}`)) name = c;
      }
      used.add(`${kind} ${name}`);
      out.push({ district: di, kind, name, members });
    }
  });
  return out;
}

export async function seedUnits(db: Knex, province: ProvinceInfo, rng: Rng): Promise<UnitRefs> {
  const def = provinceDef(province);
  const sfx = province.agencySuffix;
  // a merged province's own provincial units end with it (their successors are the other province's)
  const end = provinceEnd(province);
  const [root] = await insertReturningIds(
    [
      {
        code: `000.00.00.${sfx}`,
        name: `UBND tỉnh ${def.name}`,
        kind: 'PEOPLES_COMMITTEE',
        level: 'PROVINCE',
        address: def.capital,
        valid_to: end,
      } satisfies UnitInsert,
    ],
    (chunk) => db('units').insert(chunk).returning('id'),
  );
  const rootId = root!;
  await db('unit_admin_codes').insert({ unit_id: rootId, system: 'GSO', code: def.code, valid_to: end });

  // 2024 departments (000.00.01 … in order), then those Decree 45/2025 created (numbered after them)
  const merges = decree45(def);
  const ended = new Set(merges.map((m) => m.from));
  const created = [...new Set(merges.map((m) => m.into))].filter((k) => !def.departments.includes(k));
  const departments = new Map<DeptKey, DepartmentRef>();
  const deptRows = [...def.departments, ...created].map((key, i) => {
    const d = department(key, def);
    const isNew = i >= def.departments.length;
    return {
      key,
      symbol: d.symbol,
      row: {
        code: `000.00.${pad(i + 1)}.${sfx}`,
        name: nfc(d.name),
        kind: d.kind,
        level: 'PROVINCE',
        parent_id: rootId,
        ...(isNew ? { valid_from: DECREE_45_FROM } : {}),
        valid_to: ended.has(key) ? DECREE_45_LAST_DAY : end,
      } satisfies UnitInsert,
    };
  });
  const deptIds = await insertReturningIds(
    deptRows.map((d) => d.row),
    (chunk) => db('units').insert(chunk).returning('id'),
  );
  deptRows.forEach((d, i) =>
    departments.set(d.key, {
      id: deptIds[i]!,
      code: d.row.code,
      symbol: d.symbol,
      name: d.row.name,
      validFrom: d.row.valid_from ?? '2000-01-01',
      validTo: d.row.valid_to,
    }),
  );
  // the one-stop public administration centre: unit 01 under the provincial office (01)
  const vp = departments.get('VP')!;
  const [centreId] = await insertReturningIds(
    [
      {
        code: `000.01.${vp.code.split('.')[2]}.${sfx}`,
        name: 'Trung tâm Phục vụ hành chính công tỉnh',
        kind: 'CENTRE',
        level: 'PROVINCE',
        parent_id: vp.id,
        valid_to: end,
      } satisfies UnitInsert,
    ],
    (chunk) => db('units').insert(chunk).returning('id'),
  );

  const districtRows = def.districts.map((d, i) => ({
    code: `000.00.${pad(41 + i)}.${sfx}`,
    name: nfc(`${DISTRICT_PREFIX[d.kind]} ${d.name}`),
    kind: 'DISTRICT',
    level: 'DISTRICT',
    parent_id: rootId,
    valid_to: REORG_LAST_DAY,
  })) satisfies UnitInsert[];
  const districtIds = await insertReturningIds(districtRows, (chunk) =>
    db('units').insert(chunk).returning('id'),
  );
  await insertMany(
    def.districts.map((d, i) => ({
      unit_id: districtIds[i]!,
      system: 'GSO' as const,
      code: d.gso,
      valid_to: REORG_LAST_DAY,
    })),
    (chunk) => db('unit_admin_codes').insert(chunk),
  );

  // communes until 30 June 2025: 000.<commune>.<district>.Hxx
  const names = def.districts.map((d) => communeNames(d, rng));
  const communeRows: (Pick<UnitRow, 'code' | 'name' | 'kind' | 'level'> & {
    parent_id: number;
    valid_to: string;
    gso: string;
  })[] = [];
  const firstOf: number[] = [];
  let gso = def.communeBase;
  names.forEach((list, di) => {
    firstOf.push(communeRows.length);
    list.forEach((c, ci) => {
      communeRows.push({
        code: `000.${pad(ci + 1)}.${districtRows[di]!.code.split('.')[2]}.${sfx}`,
        name: `UBND ${c.kind} ${c.name}`,
        kind: 'COMMUNE',
        level: 'COMMUNE',
        parent_id: districtIds[di]!,
        valid_to: REORG_LAST_DAY,
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
    communeRows.map((c, i) => ({
      unit_id: communeIds[i]!,
      system: 'GSO' as const,
      code: c.gso,
      valid_to: REORG_LAST_DAY,
    })),
    (chunk) => db('unit_admin_codes').insert(chunk),
  );

  // communes from 1 July 2025, directly under the province; each keeps the GSO code of its first member
  const next = consolidate(def, names);
  const perDistrict = new Map<number, number>();
  const newRows = next.map((c) => {
    const j = (perDistrict.get(c.district) ?? 0) + 1;
    perDistrict.set(c.district, j);
    return {
      code: `000.${pad(50 + j)}.${districtRows[c.district]!.code.split('.')[2]}.${sfx}`,
      name: `UBND ${c.kind} ${c.name}`,
      kind: 'COMMUNE',
      level: 'COMMUNE',
      parent_id: rootId,
      valid_from: REORG_FROM,
    } satisfies UnitInsert;
  });
  const newIds = await insertReturningIds(newRows, (chunk) => db('units').insert(chunk).returning('id'));
  const predecessors = next.map((c) => c.members.map((m) => firstOf[c.district]! + m));
  await insertMany(
    next.map((_, i) => ({
      unit_id: newIds[i]!,
      system: 'GSO' as const,
      code: communeRows[predecessors[i]![0]!]!.gso,
      valid_from: REORG_FROM,
    })),
    (chunk) => db('unit_admin_codes').insert(chunk),
  );
  return {
    rootId,
    departments,
    centreId: centreId!,
    districts: districtIds.map((id, i) => ({ id, code: districtRows[i]!.code })),
    communes: communeIds.map((id, i) => ({ id, code: communeRows[i]!.code })),
    communes2025: newIds.map((id, i) => ({
      id,
      code: newRows[i]!.code,
      predecessors: predecessors[i]!.map((k) => communeIds[k]!),
    })),
  };
}
