import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '17'] });
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
      all: units(first: 0, filter: { provinces: ["40"], level: COMMUNE }) { totalCount }
      active: units(first: 0, filter: { provinces: ["40"], level: COMMUNE, active: true }) { totalCount }
      gone: units(first: 0, filter: { level: DISTRICT, active: true }) { totalCount } }`);
    // 460 communes until 30 June 2025 and the 130 formed on 1 July 2025
    expect(res.data!.all.totalCount).toBe(590);
    expect(res.data!.active.totalCount).toBe(130);
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

  it('a province that absorbed another lists it: Bạc Liêu in Cà Mau since 1 July 2025', async () => {
    const camau = await startTestHub({ provinces: ['96'] });
    try {
      const res = await camau.gql<{ provinces: unknown[] }>(
        `{ provinces { code validTo successor { code } mergedFrom { province { code name } validTo } } }`,
      );
      expect(res.data!.provinces).toEqual([
        {
          code: '96',
          validTo: null,
          successor: null,
          mergedFrom: [{ province: { code: '95', name: 'Bạc Liêu' }, validTo: '2025-06-30' }],
        },
      ]);
    } finally {
      await camau.close();
    }
  });

  it('a merged province shows its end and successor; its units roll up across the merge', async () => {
    const res = await hub.gql<{
      provinces: { code: string; validTo: string | null; successor: { code: string; name: string } | null }[];
      root: {
        validTo: string;
        active: boolean;
        successors: {
          kind: string;
          effectiveOn: string;
          successor: null;
          externalSuccessor: { code: string | null; name: string; province: { code: string; name: string } };
          decidedBy: { numberSymbol: string };
        }[];
        currentUnits: unknown[];
      };
    }>(`{
      provinces { code validTo successor { code name } }
      root: unit(code: "000.00.00.H28") { validTo active currentUnits { name }
        successors { kind effectiveOn successor { name } externalSuccessor { code name province { code name } } decidedBy { numberSymbol } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.provinces).toEqual([
      { code: '40', validTo: null, successor: null },
      { code: '17', validTo: '2025-06-30', successor: { code: '25', name: 'Phú Thọ' } },
    ]);
    expect(res.data!.root).toEqual({
      validTo: '2025-06-30',
      active: false,
      currentUnits: [],
      successors: [
        {
          kind: 'MERGED_INTO',
          effectiveOn: '2025-07-01',
          successor: null,
          externalSuccessor: {
            code: null,
            name: 'UBND tỉnh Phú Thọ',
            province: { code: '25', name: 'Phú Thọ' },
          },
          decidedBy: { numberSymbol: '202/2025/QH15' },
        },
      ],
    });
  });

  it('old units roll up to today’s: a Decree 45 department, an old commune and its new commune', async () => {
    const res = await hub.gql<{
      khdt: {
        validTo: string;
        successors: { successor: { name: string; validFrom: string } }[];
        currentUnits: { name: string }[];
      };
      commune: { currentUnits: { name: string; code: string }[] };
      vinh: {
        validFrom: string;
        predecessors: { kind: string; predecessor: { name: string; validTo: string } }[];
        currentUnits: { name: string }[];
      } | null;
    }>(`{
      khdt: unit(code: "000.00.04.H41") { validTo successors { successor { name validFrom } } currentUnits { name } }
      commune: unit(code: "000.01.41.H41") { currentUnits { name code } }
      vinh: unit(code: "000.51.41.H41") { validFrom predecessors { kind predecessor { name validTo } } currentUnits { name } } }`);
    expect(res.errors).toBeUndefined();
    const { khdt, commune, vinh } = res.data!;
    expect(khdt).toEqual({
      validTo: '2025-02-28',
      successors: [{ successor: { name: 'Sở Tài chính', validFrom: '2000-01-01' } }],
      currentUnits: [{ name: 'Sở Tài chính' }],
    });
    expect(commune.currentUnits).toEqual([{ name: 'UBND phường Thành Vinh', code: '000.51.41.H41' }]);
    expect(vinh!.validFrom).toBe('2025-07-01');
    expect(vinh!.currentUnits).toEqual([{ name: 'UBND phường Thành Vinh' }]);
    expect(vinh!.predecessors.map((p) => p.predecessor.name)).toContain('UBND phường Đông Vĩnh');
    for (const p of vinh!.predecessors)
      expect(p).toMatchObject({ kind: 'MERGED_INTO', predecessor: { validTo: '2025-06-30' } });
  });
});
