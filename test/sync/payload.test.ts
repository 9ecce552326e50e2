import { describe, expect, it } from 'vitest';
import { toProcedurePayload } from '../../src/sync/payload.ts';
import type { CatalogueProcedure } from '../../src/sync/payload.ts';
import { canonicalJson, checkProcedurePayload, contentHashOf } from '../../src/sync/payload-schema.ts';
import type { ProcedurePayload } from '../../src/sync/payload-schema.ts';
import type { PortalStateEntry } from '../../src/sync/ledger-store.ts';
import { chunk, planMissing, planSync } from '../../src/sync/plan.ts';
import { compareWithPortal } from '../../src/sync/verify.ts';

function procedure(overrides: Partial<CatalogueProcedure> = {}): CatalogueProcedure {
  return {
    id: 7,
    nationalCode: '1.001193',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    onlineService: 'FULL',
    status: 'ACTIVE',
    revision: 3,
    channels: [
      { channel: 'ONLINE', case: '', processingTime: 0.5, timeUnit: 'WORKING_DAY', feeVnd: 0, feeNote: null },
      {
        channel: 'DIRECT',
        case: 'Đúng hạn',
        processingTime: 1,
        timeUnit: 'WORKING_DAY',
        feeVnd: 0,
        feeNote: 'Miễn phí',
      },
      {
        channel: 'DIRECT',
        case: '',
        processingTime: 1,
        timeUnit: 'WORKING_DAY',
        feeVnd: 8000,
        feeNote: null,
      },
    ],
    requirements: [
      { case: '', position: 2, name: 'Giấy chứng sinh', form: null, originals: 1, copies: 0 },
      {
        case: '',
        position: 1,
        name: 'Tờ khai đăng ký khai sinh',
        form: 'Mẫu TK-01',
        originals: 1,
        copies: 0,
      },
    ],
    legalBasis: [
      { numberSymbol: '123/2015/NĐ-CP', issuedOn: '2015-11-15', summary: 'Quy định chi tiết Luật Hộ tịch' },
      { numberSymbol: '60/2014/QH13', issuedOn: '2014-11-20', summary: 'Luật Hộ tịch' },
    ],
    implementingAgencies: ['000.21.30.H41', '000.20.30.H41'],
    ...overrides,
  };
}

/** The same procedure with every list in reverse row order. */
const reversedRows = (p: CatalogueProcedure): CatalogueProcedure => ({
  ...p,
  channels: [...p.channels].reverse(),
  requirements: [...p.requirements].reverse(),
  legalBasis: [...p.legalBasis].reverse(),
  implementingAgencies: [...p.implementingAgencies].reverse(),
});

describe('procedure payload mapping', () => {
  it('maps a catalogue procedure to a valid payload in canonical order', () => {
    const payload = toProcedurePayload(procedure());
    expect(checkProcedurePayload(payload)).toMatchObject({ success: true });
    expect(payload).toMatchObject({
      nationalCode: '1.001193',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'COMMUNE',
      onlineService: 'FULL',
      status: 'ACTIVE',
      revision: 3,
    });
    expect(payload.processingTimes).toEqual([
      { channel: 'DIRECT', case: '', value: 1, unit: 'WORKING_DAY' },
      { channel: 'DIRECT', case: 'Đúng hạn', value: 1, unit: 'WORKING_DAY' },
      { channel: 'ONLINE', case: '', value: 0.5, unit: 'WORKING_DAY' },
    ]);
    expect(payload.fees).toEqual([
      { channel: 'DIRECT', case: '', amountVnd: 8000, note: null },
      { channel: 'DIRECT', case: 'Đúng hạn', amountVnd: 0, note: 'Miễn phí' },
      { channel: 'ONLINE', case: '', amountVnd: 0, note: null },
    ]);
    expect(payload.requirements.map((r) => r.position)).toEqual([1, 2]);
    expect(payload.legalBasis.map((d) => d.numberSymbol)).toEqual(['60/2014/QH13', '123/2015/NĐ-CP']);
    expect(payload.implementingAgencies).toEqual(['000.20.30.H41', '000.21.30.H41']);
    expect(payload.contentHash).toBe(contentHashOf(payload));
  });

  it('gives the same bytes and hash whatever the row order and key order', () => {
    const a = toProcedurePayload(procedure());
    const b = toProcedurePayload(reversedRows(procedure()));
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    const shuffledKeys = Object.fromEntries(Object.entries(a).reverse()) as ProcedurePayload;
    expect(contentHashOf(shuffledKeys)).toBe(a.contentHash);
  });

  it('changes the hash when any pushed field changes, and not for the revision', () => {
    const base = procedure();
    const hash = toProcedurePayload(base).contentHash;
    const firstChannel = base.channels[2]!;
    const mutations: Record<string, Partial<CatalogueProcedure>> = {
      name: { name: 'Đăng ký khai sinh lưu động' },
      field: { field: 'Chứng thực' },
      level: { level: 'DISTRICT' },
      onlineService: { onlineService: 'PARTIAL' },
      status: { status: 'ABOLISHED' },
      processingTime: { channels: [...base.channels.slice(0, 2), { ...firstChannel, processingTime: 2 }] },
      timeUnit: { channels: [...base.channels.slice(0, 2), { ...firstChannel, timeUnit: 'DAY' }] },
      channel: { channels: [...base.channels.slice(0, 2), { ...firstChannel, channel: 'POSTAL' }] },
      fee: { channels: [...base.channels.slice(0, 2), { ...firstChannel, feeVnd: 10000 }] },
      feeNote: { channels: [...base.channels.slice(0, 2), { ...firstChannel, feeNote: 'Giảm 50%' }] },
      requirementName: {
        requirements: [
          { ...base.requirements[0]!, name: 'Giấy chứng sinh (bản chính)' },
          base.requirements[1]!,
        ],
      },
      requirementForm: {
        requirements: [{ ...base.requirements[0]!, form: 'Mẫu 02' }, base.requirements[1]!],
      },
      requirementCopies: { requirements: [{ ...base.requirements[0]!, copies: 1 }, base.requirements[1]!] },
      requirementRemoved: { requirements: base.requirements.slice(1) },
      legalBasisSummary: { legalBasis: [{ ...base.legalBasis[0]!, summary: 'Khác' }, base.legalBasis[1]!] },
      legalBasisIssuedOn: {
        legalBasis: [{ ...base.legalBasis[0]!, issuedOn: '2015-11-16' }, base.legalBasis[1]!],
      },
      legalBasisAdded: {
        legalBasis: [
          ...base.legalBasis,
          { numberSymbol: '04/2020/TT-BTP', issuedOn: '2020-05-28', summary: 'Thông tư' },
        ],
      },
      agencyRemoved: { implementingAgencies: ['000.20.30.H41'] },
    };
    const hashes = new Set([hash]);
    for (const [what, change] of Object.entries(mutations)) {
      const changed = toProcedurePayload(procedure(change)).contentHash;
      expect(changed, what).not.toBe(hash);
      hashes.add(changed);
    }
    expect(hashes.size).toBe(Object.keys(mutations).length + 1);
    expect(toProcedurePayload(procedure({ revision: 9, id: 99 })).contentHash).toBe(hash);
  });
});

describe('sync plan', () => {
  const active = toProcedurePayload(procedure({ nationalCode: '1.000002' }));
  const fresh = toProcedurePayload(procedure({ nationalCode: '1.000001', name: 'Mới' }));
  const abolished = toProcedurePayload(procedure({ nationalCode: '1.000003', status: 'ABOLISHED' }));
  const neverPushedAbolished = toProcedurePayload(
    procedure({ nationalCode: '1.000004', status: 'ABOLISHED' }),
  );
  const held = (
    p: ProcedurePayload,
    status: 'ACTIVE' | 'ABOLISHED',
    contentHash = p.contentHash,
  ): PortalStateEntry => ({
    nationalCode: p.nationalCode,
    contentHash,
    revision: p.revision,
    status,
    lastError: null,
  });

  it('sends new and changed procedures, and withdraws abolished ones the portal still holds', () => {
    const state = new Map([
      [active.nationalCode, held(active, 'ACTIVE', 'f'.repeat(64))],
      [abolished.nationalCode, held(abolished, 'ACTIVE', 'e'.repeat(64))],
    ]);
    const plan = planSync([neverPushedAbolished, abolished, active, fresh], state, false);
    expect(plan.map((p) => [p.payload.nationalCode, p.change])).toEqual([
      ['1.000001', 'NEW'],
      ['1.000002', 'CHANGED'],
      ['1.000003', 'WITHDRAW'],
    ]);
  });

  it('sends nothing when the portal acknowledged every current hash; everything with full', () => {
    const state = new Map([
      [active.nationalCode, held(active, 'ACTIVE')],
      [fresh.nationalCode, held(fresh, 'ACTIVE')],
      [abolished.nationalCode, held(abolished, 'ABOLISHED')],
    ]);
    expect(planSync([active, fresh, abolished, neverPushedAbolished], state, false)).toEqual([]);
    const full = planSync([active, fresh, abolished, neverPushedAbolished], state, true);
    expect(full.map((p) => [p.payload.nationalCode, p.change])).toEqual([
      ['1.000001', 'FULL'],
      ['1.000002', 'FULL'],
      ['1.000003', 'FULL'],
    ]);
  });

  it('sends again, as NEW, what the ledger says the portal holds but its listing lacks', () => {
    const state = new Map([
      [active.nationalCode, held(active, 'ACTIVE')],
      [fresh.nationalCode, held(fresh, 'ACTIVE')],
      [abolished.nationalCode, held(abolished, 'ABOLISHED')],
    ]);
    const { believed, missing } = planMissing([active, fresh, abolished], state, [fresh]);
    expect(believed).toBe(2);
    expect(missing.map((p) => [p.payload.nationalCode, p.change])).toEqual([['1.000002', 'NEW']]);
    expect(planMissing([active, fresh, abolished], state, [active, fresh]).missing).toEqual([]);
  });

  it('splits a plan into batches of at most 100', () => {
    expect(chunk(Array.from({ length: 250 }, (_, i) => i)).map((b) => b.length)).toEqual([100, 100, 50]);
    expect(chunk([])).toEqual([]);
  });
});

describe('reconciliation', () => {
  it('lists missing, extra and different procedures', () => {
    const a = toProcedurePayload(procedure({ nationalCode: '1.000001' }));
    const b = toProcedurePayload(procedure({ nationalCode: '1.000002' }));
    const bOld = toProcedurePayload(procedure({ nationalCode: '1.000002', name: 'Cũ', revision: 2 }));
    const c = toProcedurePayload(procedure({ nationalCode: '1.000003', status: 'ABOLISHED' }));
    const cHeld = toProcedurePayload(procedure({ nationalCode: '1.000003' }));
    const unknown = toProcedurePayload(procedure({ nationalCode: '1.000009' }));
    const drift = compareWithPortal('40', [a, b, c], [bOld, cHeld, unknown]);
    expect(drift.missing.map((m) => m.nationalCode)).toEqual(['1.000001']);
    expect(drift.extra.map((m) => m.nationalCode)).toEqual(['1.000003', '1.000009']);
    expect(drift.different).toEqual([
      expect.objectContaining({ nationalCode: '1.000002', portalRevision: 2, expectedRevision: 3 }),
    ]);
    expect(compareWithPortal('40', [a, b, c], [a, b])).toMatchObject({
      missing: [],
      extra: [],
      different: [],
    });
  });
});
