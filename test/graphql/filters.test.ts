import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import {
  judgeTimeliness,
  TIMELINESS_INPUT_SQL,
  type Judged as JudgedTimeliness,
  type TimelinessInput,
} from '../helpers/timeliness.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '67', '96'] });
});
afterAll(() => hub?.close());

/** Sum of a COUNT over every source: the ground truth a filter must match. */
async function sqlCount(sql: string, bindings: unknown[] = [], provinces?: string[]): Promise<number> {
  let total = 0;
  for (const s of hub.rt.sources.all) {
    if (provinces && !provinces.includes(s.code)) continue;
    const res = await s.db.raw<{ rows: { n: number }[] }>(sql, bindings as never);
    total += Number(res.rows[0]!.n);
  }
  return total;
}

/** Each dossier of the hub's sources, judged by the rules as the test writes them (helpers/timeliness.ts). */
interface Judged {
  channel: string;
  judged: JudgedTimeliness;
}
let judged: Judged[] | undefined;
async function judgedDossiers(): Promise<Judged[]> {
  if (judged) return judged;
  const all: Judged[] = [];
  for (const s of hub.rt.sources.all) {
    const { rows } = await s.db.raw<{ rows: (TimelinessInput & { channel: string })[] }>(
      `select channel, ${TIMELINESS_INPUT_SQL} from dossiers`,
    );
    for (const r of rows) all.push({ channel: r.channel, judged: judgeTimeliness(r) });
  }
  return (judged = all);
}

async function total(
  field: string,
  filter: Record<string, unknown>,
  opts: { headers?: Record<string, string> } = {},
): Promise<number> {
  const type = {
    units: 'UnitFilter',
    procedures: 'ProcedureFilter',
    dossiers: 'DossierFilter',
    documents: 'DocumentFilter',
  }[field];
  const res = await hub.gql<Record<string, { totalCount: number }>>(
    `query($f: ${type}) { x: ${field}(filter: $f, first: 0) { totalCount } }`,
    {
      f: filter,
    },
    opts,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.x!.totalCount;
}

describe('unit filters', () => {
  it.each([
    [{ level: 'COMMUNE' }, `select count(*) n from units where level = 'COMMUNE'`],
    [{ kind: 'DEPARTMENT' }, `select count(*) n from units where kind = 'DEPARTMENT'`],
    [{ active: false }, `select count(*) n from units where valid_to < current_date`],
    [{ active: true }, `select count(*) n from units where valid_to is null or valid_to >= current_date`],
    [{ search: 'dien chau' }, `select count(*) n from units where lt_fold(name) like '%dien chau%'`],
    [{ search: 'ĐẮK' }, `select count(*) n from units where lt_fold(name || ' ' || code) like '%dak%'`],
    [
      { provinces: ['67'], level: 'DISTRICT' },
      `select count(*) n from units where level = 'DISTRICT'`,
      ['67'],
    ],
  ] as [Record<string, unknown>, string, string[]?][])('%j', async (filter, sql, provinces) => {
    const expected = await sqlCount(sql, [], provinces);
    expect(await total('units', filter)).toBe(expected);
  });

  it('parent filter lists the children of one unit', async () => {
    const res = await hub.gql<{ units: { nodes: { id: string; children: { totalCount: number } }[] } }>(
      `{ units(first: 1, filter: { provinces: ["40"], level: DISTRICT, search: "Diễn Châu" }) { nodes { id children { totalCount } } } }`,
    );
    const district = res.data!.units.nodes[0]!;
    expect(district.children.totalCount).toBeGreaterThan(0);
    expect(await total('units', { parent: district.id })).toBe(district.children.totalCount);
  });
});

describe('procedure filters', () => {
  it.each([
    [{ onlineService: 'FULL' }, `select count(*) n from procedures where online_service = 'FULL'`],
    [{ status: 'ABOLISHED' }, `select count(*) n from procedures where status = 'ABOLISHED'`],
    [
      { level: 'COMMUNE', status: 'ACTIVE' },
      `select count(*) n from procedures where level = 'COMMUNE' and status = 'ACTIVE'`,
    ],
    [{ field: 'ho tich' }, `select count(*) n from procedures where field = 'Hộ tịch'`],
    [{ field: 'HỘ TỊCH' }, `select count(*) n from procedures where field = 'Hộ tịch'`],
    [
      { search: 'ho tich' },
      `select count(*) n from procedures where lt_fold(name || ' ' || national_code || ' ' || field) like '%ho tich%'`,
    ],
    [
      { search: 'đăng ký khai sinh' },
      `select count(*) n from procedures where lt_fold(name || ' ' || national_code || ' ' || field) like '%dang ky khai sinh%'`,
    ],
    [{ search: '1.001193' }, `select count(*) n from procedures where national_code = '1.001193'`],
  ] as [Record<string, unknown>, string][])('%j', async (filter, sql) => {
    const expected = await sqlCount(sql);
    expect(expected).toBeGreaterThan(0);
    expect(await total('procedures', filter)).toBe(expected);
  });

  it('ho tich and HỘ TỊCH find hộ tịch procedures', async () => {
    for (const search of ['ho tich', 'HỘ TỊCH', 'Hộ Tịch']) {
      const res = await hub.gql<{ procedures: { nodes: { field: string; name: string }[] } }>(
        `query($s: String) { procedures(filter: { search: $s }, first: 50) { nodes { field name } } }`,
        { s: search },
      );
      expect(res.data!.procedures.nodes.length).toBeGreaterThan(0);
      for (const p of res.data!.procedures.nodes) {
        expect(`${p.name} ${p.field}`.toLowerCase()).toMatch(/hộ tịch/);
      }
    }
  });

  it('unit filter matches the implementing links', async () => {
    const res = await hub.gql<{ units: { nodes: { id: string; procedures: { totalCount: number } }[] } }>(
      `{ units(first: 1, filter: { provinces: ["96"], kind: DEPARTMENT, search: "xay dung" }) { nodes { id procedures { totalCount } } } }`,
    );
    const unit = res.data!.units.nodes[0]!;
    expect(unit.procedures.totalCount).toBeGreaterThan(0);
    expect(await total('procedures', { unit: unit.id })).toBe(unit.procedures.totalCount);
  });
});

describe('dossier filters', () => {
  it.each([
    [{ channel: 'ONLINE' }, `select count(*) n from dossiers where channel = 'ONLINE'`],
    [{ status: ['PROCESSED', 'RETURNED'] }, `select count(*) n from dossiers where status in (9, 10)`],
    [
      { receivedFrom: '2026-01-01', receivedTo: '2026-03-31' },
      `select count(*) n from dossiers where coalesce(received_at, submitted_at) >= '2026-01-01T00:00:00+07:00' and coalesce(received_at, submitted_at) < '2026-04-01T00:00:00+07:00'`,
    ],
    [{ dueTo: '2026-06-30' }, `select count(*) n from dossiers where due_at < '2026-07-01T00:00:00+07:00'`],
    [
      { resolvedFrom: '2026-05-01' },
      `select count(*) n from dossiers where finished_at >= '2026-05-01T00:00:00+07:00'`,
    ],
  ] as [Record<string, unknown>, string][])('%j', async (filter, sql) => {
    const expected = await sqlCount(sql);
    expect(expected).toBeGreaterThan(0);
    expect(await total('dossiers', filter)).toBe(expected);
  });

  it.each([
    [{ timeliness: ['LATE'] }, (r: Judged) => r.judged === 'LATE'],
    [{ timeliness: ['EARLY'] }, (r: Judged) => r.judged === 'EARLY'],
    [{ timeliness: ['ON_TIME'] }, (r: Judged) => r.judged === 'ON_TIME'],
    [{ timeliness: ['EARLY', 'ON_TIME'] }, (r: Judged) => r.judged === 'EARLY' || r.judged === 'ON_TIME'],
    // refused, withdrawn and stopped dossiers: outside the on-time rate
    [{ timeliness: ['NOT_COUNTED'] }, (r: Judged) => r.judged === 'NOT_COUNTED'],
    // PENDING and OVERDUE split on the clock; together they are the dossiers that have not ended
    [{ timeliness: ['OVERDUE', 'PENDING'] }, (r: Judged) => r.judged === 'OPEN'],
    [
      { channel: 'DIRECT', timeliness: ['ON_TIME'] },
      (r: Judged) => r.channel === 'DIRECT' && r.judged === 'ON_TIME',
    ],
  ] as [Record<string, unknown>, (r: Judged) => boolean][])(
    '%j matches the national rules written out in the test',
    async (filter, predicate) => {
      const expected = (await judgedDossiers()).filter(predicate).length;
      expect(expected).toBeGreaterThan(0);
      expect(await total('dossiers', filter)).toBe(expected);
    },
  );

  it('search finds a dossier by code, and with pii:read applicants by name without accents', async () => {
    const s = hub.rt.sources.byCode('40')!;
    const row = (await s.db('dossiers').select('code').orderBy('id').first()) as { code: string };
    expect(await total('dossiers', { search: row.code })).toBe(1);
    const expected = await sqlCount(
      `select count(*) n from dossiers where lt_fold(applicant_name) like '%nguyen thi%'`,
    );
    expect(expected).toBeGreaterThan(0);
    const pii = await hub.key(['read', 'pii:read']);
    expect(await total('dossiers', { search: 'Nguyen Thi' }, pii)).toBe(expected);
    expect(await total('dossiers', { search: 'Nguyen Thi' })).toBe(0);
  });

  it('procedure and unit filters pin the province', async () => {
    const s = hub.rt.sources.byCode('96')!;
    const row = (await s
      .db('dossiers')
      .select('procedure_id', 'receiving_unit_id')
      .groupBy('procedure_id', 'receiving_unit_id')
      .count({ n: '*' })
      .orderBy([{ column: 'n', order: 'desc' }, 'procedure_id', 'receiving_unit_id'])
      .first()) as {
      procedure_id: number;
      receiving_unit_id: number;
      n: number;
    };
    const ids = await hub.gql<{
      dossiers: { nodes: { procedure: { id: string }; receivingUnit: { id: string } }[] };
    }>(
      `{ dossiers(first: 500, filter: { provinces: ["96"] }) { nodes { procedure { id } receivingUnit { id } } } }`,
    );
    expect(ids.errors).toBeUndefined();
    const pid = Buffer.from(`Procedure:96:${row.procedure_id}`).toString('base64url');
    const uid = Buffer.from(`Unit:96:${row.receiving_unit_id}`).toString('base64url');
    expect(await total('dossiers', { procedure: pid, unit: uid })).toBe(Number(row.n));
  });
});

describe('document filters', () => {
  it.each([
    [{ type: 'DECISION' }, `select count(*) n from documents where type = 'DECISION'`],
    [{ issuer: 'CP' }, `select count(*) n from documents where issuer_symbol = 'CP'`],
    [
      { issuedFrom: '2021-01-01', issuedTo: '2021-12-31' },
      `select count(*) n from documents where issued_on between '2021-01-01' and '2021-12-31'`,
    ],
    [
      { search: '5849/UBND' },
      `select count(*) n from documents where number_symbol like '%5849/UBND%' or lt_fold(summary) like '%5849/ubnd%'`,
    ],
    [
      { search: 'cai cach hanh chinh' },
      `select count(*) n from documents where lt_fold(number_symbol || ' ' || summary) like '%cai cach hanh chinh%'`,
    ],
  ] as [Record<string, unknown>, string][])('%j', async (filter, sql) => {
    const expected = await sqlCount(sql);
    expect(expected).toBeGreaterThan(0);
    expect(await total('documents', filter)).toBe(expected);
  });

  it('finds 5849/UBND-NCKSTT by number/symbol with its procedures', async () => {
    const res = await hub.gql<{ document: { numberSymbol: string; type: string } | null }>(
      `{ document(numberSymbol: "5849/UBND-NCKSTT", province: "67") { numberSymbol type } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.document).toEqual({ numberSymbol: '5849/UBND-NCKSTT', type: 'OFFICIAL_LETTER' });
  });
});
