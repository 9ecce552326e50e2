import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { captureSql } from '../helpers/sql-capture.ts';

/**
 * Timeliness (đúng hạn / trễ hạn) of hand-built dossiers, with the expected value written out.
 *
 * The rules (schema/dossiers.graphql `Timeliness`, DOMAIN.md, Decision 766): refused, withdrawn and stopped
 * dossiers are NOT_COUNTED; end = processed, else returned; closed waits for the applicant (supplement
 * episodes, payment waits) are subtracted; two or more supplement requests are late; early = ended on a
 * date (UTC+7) before the due date; an open dossier's clock runs until the request's time, or until its
 * open wait began, and it is overdue once that is past its due time extended by its closed waits.
 *
 * The hub judges open dossiers at the request's start, so every open dossier here is due in 2001 or in
 * 2099: the answers hold whenever the suite runs (until 2064 for the 63-year supplement case). Each case
 * inserts its own rows (no seeded dossier is read), in two provinces, which must agree.
 */

type Status =
  | 'SUBMITTED'
  | 'RECEIVED'
  | 'REFUSED'
  | 'IN_PROGRESS'
  | 'SUPPLEMENT_REQUESTED'
  | 'PAYMENT_REQUESTED'
  | 'WITHDRAWN'
  | 'STOPPED'
  | 'PROCESSED'
  | 'RETURNED';
type Timeliness = 'EARLY' | 'ON_TIME' | 'LATE' | 'PENDING' | 'OVERDUE' | 'NOT_COUNTED';
const STATUS_CODES: Record<Status, number> = {
  SUBMITTED: 1,
  RECEIVED: 2,
  REFUSED: 3,
  IN_PROGRESS: 4,
  SUPPLEMENT_REQUESTED: 5,
  PAYMENT_REQUESTED: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  PROCESSED: 9,
  RETURNED: 10,
};

/** Local time in Vietnam (UTC+7), `yyyy-mm-dd hh:mm:ss`. */
type VnTime = string | null;
/** Waits for the applicant behind a dossier: closed ones (their total length counts) and open ones (since when). */
interface Waits {
  /** Closed supplement episodes: [number of requests, seconds the applicant took to answer them]. */
  supplements?: [number, number];
  /** One closed payment wait of this many seconds. */
  paid?: number;
  /** A supplement request not yet answered, since this time. */
  supplementOpenSince?: string;
  /** A payment requested and not yet made, since this time. */
  paymentOpenSince?: string;
}
type Case = [
  description: string,
  status: Status,
  receivedAt: VnTime,
  dueAt: VnTime,
  resolvedAt: VnTime,
  returnedAt: VnTime,
  waits: Waits,
  expected: Timeliness,
];

const DAY = 86_400;
const none: Waits = {};
const supplements = (count: number, seconds: number): Waits => ({ supplements: [count, seconds] });

// A birth registration received Monday 8 March 2021, due Monday 15 March 2021 at 17:00 (UTC+7).
const RECEIVED = '2021-03-08 08:30:00';
const DUE = '2021-03-15 17:00:00';
// An open dossier received Thursday 1 March 2001, due Thursday 8 March 2001 at 17:00: long past.
const OLD_RECEIVED = '2001-03-01 08:00:00';
const OLD_DUE = '2001-03-08 17:00:00';

// prettier-ignore
const RESOLVED: Case[] = [
  ['processed exactly at the due time',                         'PROCESSED', RECEIVED, DUE, '2021-03-15 17:00:00', null, none, 'ON_TIME'],
  ['processed one second after the due time',                   'PROCESSED', RECEIVED, DUE, '2021-03-15 17:00:01', null, none, 'LATE'],
  ['processed one day before the due time',                     'PROCESSED', RECEIVED, DUE, '2021-03-14 17:00:00', null, none, 'EARLY'],
  ['processed at 23:59:59 on the day before the due date',      'PROCESSED', RECEIVED, DUE, '2021-03-14 23:59:59', null, none, 'EARLY'],
  ['processed at midnight starting the due date',               'PROCESSED', RECEIVED, DUE, '2021-03-15 00:00:00', null, none, 'ON_TIME'],
  ['processed at 06:00 on the due date (still the 14th in UTC)', 'PROCESSED', RECEIVED, DUE, '2021-03-15 06:00:00', null, none, 'ON_TIME'],
  ['processed a day late after one day waiting for a supplement', 'PROCESSED', RECEIVED, DUE, '2021-03-16 17:00:00', null, supplements(1, DAY), 'ON_TIME'],
  ['a day and a second late after one day of supplement waiting', 'PROCESSED', RECEIVED, DUE, '2021-03-16 17:00:01', null, supplements(1, DAY), 'LATE'],
  ['two days late after three days of supplement waiting',      'PROCESSED', RECEIVED, DUE, '2021-03-17 17:00:00', null, supplements(1, 3 * DAY), 'EARLY'],
  ['two supplement requests, processed a week early',           'PROCESSED', RECEIVED, DUE, '2021-03-09 10:00:00', null, supplements(2, 3600), 'LATE'],
  ['processed on time, result returned to the applicant late',  'RETURNED',  RECEIVED, DUE, '2021-03-15 16:00:00', '2021-03-16 09:00:00', none, 'ON_TIME'],
  ['returned one second late with no processed time recorded',  'RETURNED',  RECEIVED, DUE, null, '2021-03-15 17:00:01', none, 'LATE'],
  ['processed, procedure without a time limit (no due date)',   'PROCESSED', RECEIVED, null, '2021-03-20 10:00:00', null, none, 'ON_TIME'],
  ['processed a day late after one day waiting for payment',    'PROCESSED', RECEIVED, DUE, '2021-03-16 17:00:00', null, { paid: DAY }, 'ON_TIME'],
  ['a day and a second late after one day waiting for payment', 'PROCESSED', RECEIVED, DUE, '2021-03-16 17:00:01', null, { paid: DAY }, 'LATE'],
  ['two days late after a day of supplement and a day of payment waiting', 'PROCESSED', RECEIVED, DUE, '2021-03-17 17:00:00', null, { supplements: [1, DAY], paid: DAY }, 'ON_TIME'],
  ['two days late after two days of payment waiting, returned later', 'RETURNED', RECEIVED, DUE, '2021-03-17 16:00:00', '2021-03-19 09:00:00', { paid: 2 * DAY }, 'ON_TIME'],
];

// prettier-ignore
const OPEN: Case[] = [
  ['in progress, due in 2099',                                  'IN_PROGRESS',          '2099-12-01 08:00:00', '2099-12-31 17:00:00', null, null, none, 'PENDING'],
  ['in progress, due in 2001',                                  'IN_PROGRESS',          OLD_RECEIVED, OLD_DUE, null, null, none, 'OVERDUE'],
  ['received, due in 2001',                                     'RECEIVED',             OLD_RECEIVED, OLD_DUE, null, null, none, 'OVERDUE'],
  ['submitted online, not yet received, so no due date',        'SUBMITTED',            null,         null,    null, null, none, 'PENDING'],
  ['waiting for a supplement, due in 2099',                     'SUPPLEMENT_REQUESTED', '2099-12-01 08:00:00', '2099-12-31 17:00:00', null, null, { supplementOpenSince: '2099-12-02 09:00:00' }, 'PENDING'],
  ['due in 2001, clock stopped 2,000,000,000 s (63 years) for a supplement', 'IN_PROGRESS', OLD_RECEIVED, OLD_DUE, null, null, supplements(1, 2_000_000_000), 'PENDING'],
  ['due in 2001, one week of closed supplement waiting: still overdue', 'IN_PROGRESS', OLD_RECEIVED, OLD_DUE, null, null, supplements(1, 7 * DAY), 'OVERDUE'],
  ['two supplement requests answered, still open, due in 2099', 'IN_PROGRESS',          '2099-12-01 08:00:00', '2099-12-31 17:00:00', null, null, supplements(2, DAY), 'PENDING'],
  // the clock stops while the dossier waits for the applicant
  ['waiting for a supplement since before the due time, now long past the due time', 'SUPPLEMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, { supplementOpenSince: '2001-03-05 10:00:00' }, 'PENDING'],
  ['waiting for payment since before the due time, now long past the due time', 'PAYMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, { paymentOpenSince: '2001-03-07 15:00:00' }, 'PENDING'],
  ['waiting for a supplement since exactly the due time',       'SUPPLEMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, { supplementOpenSince: '2001-03-08 17:00:00' }, 'PENDING'],
  ['waiting for a supplement since one second after the due time', 'SUPPLEMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, { supplementOpenSince: '2001-03-08 17:00:01' }, 'OVERDUE'],
  ['waiting for payment since a day after the due time',        'PAYMENT_REQUESTED',    OLD_RECEIVED, OLD_DUE, null, null, { paymentOpenSince: '2001-03-09 17:00:00' }, 'OVERDUE'],
  ['waiting for a supplement since a day after the due time, after two days of paid waiting', 'SUPPLEMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, { paid: 2 * DAY, supplementOpenSince: '2001-03-09 17:00:00' }, 'PENDING'],
  ['waiting for payment since three days after the due time, after two days of supplement waiting', 'PAYMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, { supplements: [1, 2 * DAY], paymentOpenSince: '2001-03-11 17:00:00' }, 'OVERDUE'],
  ['payment pending since before the due time, supplement open since after it: the earlier wait counts', 'PAYMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, { paymentOpenSince: '2001-03-06 09:00:00', supplementOpenSince: '2001-03-10 09:00:00' }, 'PENDING'],
  // the status alone does not stop the clock: the wait's start is what the rule needs
  ['status says payment requested, but no payment wait is recorded, due in 2001', 'PAYMENT_REQUESTED', OLD_RECEIVED, OLD_DUE, null, null, none, 'OVERDUE'],
];

// Refused (3), withdrawn (7) and stopped (8) dossiers are outside the on-time rate (DOMAIN.md, Decision 766).
// prettier-ignore
const NOT_COUNTED: Case[] = [
  ['refused at the counter: no receipt, no due date',           'REFUSED',   null,     null, '2021-03-08 09:00:00', null, none, 'NOT_COUNTED'],
  ['refused after receipt, past the due time',                  'REFUSED',   RECEIVED, DUE,  '2021-03-16 09:00:00', null, none, 'NOT_COUNTED'],
  ['withdrawn by the applicant after the due time',             'WITHDRAWN', RECEIVED, DUE,  '2021-03-20 10:00:00', null, none, 'NOT_COUNTED'],
  ['stopped before the due date',                               'STOPPED',   RECEIVED, DUE,  '2021-03-10 10:00:00', null, none, 'NOT_COUNTED'],
  ['stopped after two supplement requests',                     'STOPPED',   RECEIVED, DUE,  '2021-03-12 10:00:00', null, supplements(2, DAY), 'NOT_COUNTED'],
  ['withdrawn with no end time recorded, due in 2001',          'WITHDRAWN', OLD_RECEIVED, OLD_DUE, null, null, none, 'NOT_COUNTED'],
  ['withdrawn while waiting for payment, due in 2099',          'WITHDRAWN', '2099-12-01 08:00:00', '2099-12-31 17:00:00', null, null, { paymentOpenSince: '2099-12-02 09:00:00' }, 'NOT_COUNTED'],
];

const CASES = [...RESOLVED, ...OPEN, ...NOT_COUNTED];
/** Every hand-built dossier has this applicant, so a search finds exactly them. */
const APPLICANT = 'Công ty TNHH Kiểm Thử Thời Hạn';
const SEARCH = 'kiem thu thoi han';
/** The cases are inserted in both provinces: one request judging both must give the same answers. */
const PROVINCES = ['40', '96'] as const;

const vn = (t: string) => `${t.replace(' ', 'T')}+07:00`;
const at = (t: VnTime) => (t === null ? null : vn(t));
const yyMMdd = (t: string) => t.slice(2, 10).replaceAll('-', '');

let hub: TestHub;
/** Search by applicant name needs `pii:read`. */
let pii: { headers: Record<string, string> };
/** Dossier code of each case in each province, by province then description. */
const codes = new Map<string, Map<string, string>>();
const codeOf = (province: string, description: string) => codes.get(province)!.get(description)!;

/** Inserts every case into one province's database, with the supplement episodes and payment waits behind it. */
async function insertCases(province: string): Promise<void> {
  const db = hub.rt.sources.byCode(province)!.db;
  const procedure = (await db('procedures')
    .select('id')
    .where('national_code', '1.001193')
    .orderBy('id')
    .first()) as { id: number };
  const unit = (await db('units')
    .select('id', 'code')
    .where({ level: 'COMMUNE' })
    .orderBy('code')
    .first()) as {
    id: number;
    code: string;
  };
  const mine = new Map<string, string>();
  codes.set(province, mine);
  for (const [i, c] of CASES.entries()) {
    const [description, status, receivedAt, dueAt, resolvedAt, returnedAt, waits] = c;
    const submittedAt = receivedAt ?? '2021-03-07 21:15:00';
    const code = `${unit.code}-${yyMMdd(submittedAt)}-${String(9001 + i)}`;
    mine.set(description, code);
    const [count, seconds] = waits.supplements ?? [0, 0];
    const [row] = (await db('dossiers')
      .insert({
        code,
        procedure_id: procedure.id,
        receiving_unit_id: unit.id,
        applicant_type: 'BUSINESS',
        applicant_name: APPLICANT,
        channel: receivedAt ? 'DIRECT' : 'ONLINE',
        status: STATUS_CODES[status],
        submitted_at: vn(submittedAt),
        received_at: at(receivedAt),
        due_at: at(dueAt),
        finished_at: at(resolvedAt),
        returned_at: at(returnedAt),
        supplement_count: count + (waits.supplementOpenSince ? 1 : 0),
        supplement_seconds: seconds,
        payment_seconds: waits.paid ?? 0,
      })
      .returning('id')) as { id: number }[];
    const dossierId = row!.id;
    const received = Date.parse(vn(receivedAt ?? submittedAt));
    // the closed episodes behind the counters: each request answered after its share of the wait
    for (let k = 0; k < count; k++) {
      const requested = new Date(received + (k + 1) * 3600_000);
      await db('dossier_supplements').insert({
        dossier_id: dossierId,
        requested_at: requested,
        answered_at: new Date(requested.getTime() + (seconds / count) * 1000),
        reason: 'Bổ sung bản sao giấy chứng sinh',
      });
    }
    if (waits.paid) {
      const requested = new Date(received + 1800_000);
      await db('dossier_payment_waits').insert({
        dossier_id: dossierId,
        requested_at: requested,
        paid_at: new Date(requested.getTime() + waits.paid * 1000),
        amount_vnd: 50_000,
      });
    }
    if (waits.supplementOpenSince)
      await db('dossier_supplements').insert({
        dossier_id: dossierId,
        requested_at: vn(waits.supplementOpenSince),
        answered_at: null,
        reason: 'Bổ sung giấy tờ chứng minh nơi cư trú',
      });
    if (waits.paymentOpenSince)
      await db('dossier_payment_waits').insert({
        dossier_id: dossierId,
        requested_at: vn(waits.paymentOpenSince),
        paid_at: null,
        amount_vnd: 100_000,
      });
  }
}

beforeAll(async () => {
  hub = await startTestHub({ provinces: [...PROVINCES] });
  pii = await hub.key(['read', 'pii:read']);
  for (const province of PROVINCES) await insertCases(province);
});
afterAll(() => hub?.close());

describe('timeliness of one dossier', () => {
  it.each(CASES.map((c) => [`${c[0]}: ${c[7]}`, c] as const))('%s', async (_title, c) => {
    const [description, status, , , , , , expected] = c;
    for (const province of PROVINCES) {
      const res = await hub.gql<{ dossier: { status: string; timeliness: string } | null }>(
        `query($code: String!) { dossier(code: $code) { status timeliness } }`,
        { code: codeOf(province, description) },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.dossier, `province ${province}`).toEqual({ status, timeliness: expected });
    }
  });
});

describe('the timeliness filter', () => {
  const expectedCodes = (values: Timeliness[]) =>
    CASES.filter((c) => values.includes(c[7]))
      .flatMap((c) => PROVINCES.map((p) => codeOf(p, c[0])))
      .sort();

  it('the search finds exactly the hand-built dossiers', async () => {
    const res = await hub.gql<{ dossiers: { totalCount: number } }>(
      `query($s: String) { dossiers(first: 0, filter: { search: $s }) { totalCount } }`,
      { s: SEARCH },
      pii,
    );
    expect(res.data!.dossiers.totalCount).toBe(CASES.length * PROVINCES.length);
  });

  it.each([
    [['EARLY']],
    [['ON_TIME']],
    [['LATE']],
    [['PENDING']],
    [['OVERDUE']],
    [['NOT_COUNTED']],
    [['EARLY', 'ON_TIME']],
    [['PENDING', 'OVERDUE']],
    [['EARLY', 'ON_TIME', 'LATE', 'PENDING', 'OVERDUE', 'NOT_COUNTED']],
  ] as Timeliness[][][])(
    '%j selects the cases written with those values, in both provinces',
    async (values) => {
      const res = await hub.gql<{ dossiers: { totalCount: number; nodes: { code: string }[] } }>(
        `query($s: String, $t: [Timeliness!]) {
        dossiers(first: 200, filter: { search: $s, timeliness: $t }) { totalCount nodes { code } }
      }`,
        { s: SEARCH, t: values },
        pii,
      );
      expect(res.errors).toBeUndefined();
      const expected = expectedCodes(values);
      expect(expected.length).toBeGreaterThan(0);
      expect(res.data!.dossiers.nodes.map((n) => n.code).sort()).toEqual(expected);
      expect(res.data!.dossiers.totalCount).toBe(expected.length);
    },
  );
});

describe('one clock per request', () => {
  it('every province judges at the instant the request started, bound as a parameter', async () => {
    const capture = captureSql(hub);
    try {
      const before = Date.now();
      const { res, statements } = await capture.gql<{
        dossiers: { nodes: { timeliness: string }[] };
        one: { timeliness: string } | null;
      }>(
        `query($code: String!) {
          dossiers(first: 5, filter: { timeliness: [PENDING, OVERDUE] }) { nodes { timeliness } }
          one: dossier(code: $code) { timeliness }
        }`,
        { code: codeOf('96', 'waiting for payment since before the due time, now long past the due time') },
      );
      const after = Date.now();
      expect(res.errors).toBeUndefined();
      expect(res.data!.one).toEqual({ timeliness: 'PENDING' });
      const judging = statements.filter((s) => s.sql.includes("'NOT_COUNTED'"));
      // the list and its count in each province, and the lookup by code in each
      expect(new Set(judging.map((s) => s.source))).toEqual(new Set(PROVINCES));
      expect(judging.length).toBeGreaterThanOrEqual(PROVINCES.length * 2);
      for (const s of judging) expect(s.sql).not.toMatch(/now\(\)|current_timestamp|clock_timestamp/i);
      // a statement both listing and filtering binds the clock twice: every binding is the same instant
      const clocks = new Set<number>();
      for (const s of judging) {
        const times = s.bindings.filter((b): b is Date => b instanceof Date);
        expect(times.length).toBeGreaterThan(0);
        for (const t of times) clocks.add(t.getTime());
      }
      expect(clocks.size).toBe(1);
      const [clock] = clocks;
      expect(clock).toBeGreaterThanOrEqual(before);
      expect(clock).toBeLessThanOrEqual(after);
    } finally {
      capture.stop();
    }
  });
});
