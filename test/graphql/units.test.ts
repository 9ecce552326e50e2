import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40'] });
});
afterAll(() => hub?.close());

describe('units across the 2025 reorganisation', () => {
  it('an abolished district keeps its history: inactive, GSO code, successor and the deciding resolution', async () => {
    const res = await hub.gql<{
      units: {
        nodes: {
          name: string;
          level: string;
          active: boolean;
          validTo: string;
          administrativeCodes: { system: string; code: string }[];
          successors: {
            kind: string;
            effectiveOn: string;
            successor: { name: string };
            decidedBy: { numberSymbol: string } | null;
          }[];
          children: { totalCount: number };
        }[];
      };
    }>(`{ units(first: 1, filter: { search: "huyen dien chau" }) { nodes {
      name level active validTo administrativeCodes { system code }
      successors { kind effectiveOn successor { name } decidedBy { numberSymbol } }
      children(first: 0) { totalCount } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.units.nodes[0]).toEqual({
      name: 'UBND huyện Diễn Châu',
      level: 'DISTRICT',
      active: false,
      validTo: '2025-06-30',
      administrativeCodes: [{ system: 'GSO', code: '425' }],
      successors: [
        {
          kind: 'MERGED_INTO',
          effectiveOn: '2025-07-01',
          successor: { name: 'UBND tỉnh Nghệ An' },
          decidedBy: { numberSymbol: '202/2025/QH15' },
        },
      ],
      children: { totalCount: 38 },
    });
  });

  it('active: true leaves out abolished districts and merged communes', async () => {
    const res = await hub.gql<{
      all: { totalCount: number };
      active: { totalCount: number };
      gone: { totalCount: number };
    }>(`{
      all: units(first: 0, filter: { level: COMMUNE }) { totalCount }
      active: units(first: 0, filter: { level: COMMUNE, active: true }) { totalCount }
      gone: units(first: 0, filter: { level: DISTRICT, active: true }) { totalCount } }`);
    expect(res.data!.all.totalCount).toBe(460);
    expect(res.data!.active.totalCount).toBeLessThan(460);
    expect(res.data!.gone.totalCount).toBe(0);
  });

  it('a department lists the documents it issued and the procedures it implements', async () => {
    const res = await hub.gql<{
      unit: {
        name: string;
        documents: { totalCount: number; nodes: { issuer: { name: string } }[] };
        procedures: { totalCount: number };
      };
    }>(
      `{ unit(code: "000.00.09.H41") { name documents(first: 3) { totalCount nodes { issuer { name } } } procedures(first: 0) { totalCount } } }`,
    );
    expect(res.errors).toBeUndefined();
    const unit = res.data!.unit;
    expect(unit.procedures.totalCount).toBeGreaterThan(0);
    for (const d of unit.documents.nodes) expect(d.issuer.name).toBe(unit.name);
  });
});
