import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createKnex } from '../db/knex.ts';
import { createLogger } from '../logger.ts';
import { openRuntime } from '../runtime.ts';
import type { ProvinceInfo } from '../sources/demo.ts';
import { addDays, ensureVolume, type VolumeInfo } from './volume.ts';

/**
 * Indicator timings at provincial scale (BENCH_PARTS=indicators): for each volume (BENCH_INDICATOR_VOLUMES,
 * e.g. 100k,1m,10m) a bench database per province with that many dossiers over one year (src/bench/volume.ts,
 * generated once and reused), a hub started on those databases alone (a sources file), and warm sequential
 * GraphQL requests over HTTP for the usual indicator tables: p50/p95/max per query. A volume of 5M or more is
 * generated in the first province only ("10M in one province"); smaller ones in every province asked, so
 * the unfiltered queries show a multi-province answer. With `explain`, the statements of the year-by-unit
 * table are run again under EXPLAIN (ANALYZE, BUFFERS) and summarised (whole plans in a file).
 */

export type StartHub = (
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
) => Promise<{ child: ChildProcess; url: string }>;

export interface IndicatorBenchOptions {
  /** Admin URL of the embedded server (the bench databases are created there). */
  adminUrl: string;
  /** The bench's hub database, shared by the hubs this part starts. */
  hubDatabaseUrl: string;
  dataDir: string;
  /** Volume labels: 100k, 1m, 10m, 2.5m, 250000. */
  volumes: string[];
  provinces: ProvinceInfo[];
  /** Last day of the generated year (YYYY-MM-DD). */
  asOf: string;
  /** Timed requests per query (after 3 warm-up requests). */
  requests: number;
  explain: boolean;
  start: StartHub;
  log: (line: string) => void;
}

export interface IndicatorTiming {
  volume: string;
  query: string;
  rows: number;
  /** Groups before the cut to `first`. */
  groups: number;
  /** Errors in the timed answers (by code in the log). */
  errors: number;
  sql: number;
  p50: number;
  p95: number;
  max: number;
}

/** 100k → 100000, 1m → 1000000, 2.5m → 2500000; undefined when not a volume. */
export function parseVolume(label: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(label.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1e6 : m[2]?.toLowerCase() === 'k' ? 1e3 : 1);
  return Number.isInteger(n) && n >= 1000 ? n : undefined;
}

/** At this volume and above, one province only. */
const ONE_PROVINCE_FROM = 5_000_000;

const MEASURES = `fragment M on IndicatorRow {
  received receivedOnline resolved early onTime late pending overdue notCounted onTimeRate
  averageProcessingDays medianProcessingDays onlineShare onlinePaymentRate digitisedRate electronicResultRate
  dataReusedRate ratings satisfactionAverage goodRatingShare procedures fullOnlineShare partialOnlineShare
  points { timeliness onlineServices onlinePayment digitisation satisfaction }
}`;

/** What a row shows of each dimension, beside the measures. */
const LABELS: Record<string, string> = {
  PROVINCE: 'province { code }',
  UNIT: 'unit { code name }',
  PROCEDURE: 'procedure { nationalCode name }',
  FIELD: 'field',
  MONTH: 'period',
};

/** The operation of one table; rows show the labels of its dimensions only (the cost limit counts fields). */
const query = (
  groupBy: string[],
) => `query IndicatorBench($from: Date!, $to: Date!, $provinces: [String!], $groupBy: [IndicatorDimension!], $first: Int, $orderBy: IndicatorOrder) {
  indicators(period: { from: $from, to: $to }, filter: { provinces: $provinces }, groupBy: $groupBy, first: $first, orderBy: $orderBy) {
    totalRows
    rows { ...M ${groupBy.map((d) => LABELS[d]).join(' ')} }
    total { ...M }
  }
}
${MEASURES}`;

interface Case {
  name: string;
  variables: Record<string, unknown>;
}

interface Answer {
  data?: { indicators: { totalRows: number; rows: unknown[]; total: { received: number } } };
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { sqlStatements?: { total: number } };
}

function cases(
  year: { from: string; to: string },
  month: { from: string; to: string },
  codes: string[],
): Case[] {
  const one = [codes[0]!];
  const list: Case[] = [
    { name: 'year by unit', variables: { ...year, provinces: one, groupBy: ['UNIT'], first: 500 } },
    {
      name: 'year by unit × month',
      variables: { ...year, provinces: one, groupBy: ['UNIT', 'MONTH'], first: 500 },
    },
    { name: 'year by field', variables: { ...year, provinces: one, groupBy: ['FIELD'], first: 500 } },
    {
      name: 'year by procedure, top 100 received',
      variables: {
        ...year,
        provinces: one,
        groupBy: ['PROCEDURE'],
        first: 100,
        orderBy: { measure: 'RECEIVED' },
      },
    },
    { name: 'month by unit', variables: { ...month, provinces: one, groupBy: ['UNIT'], first: 500 } },
    { name: 'year total', variables: { ...year, provinces: one, groupBy: [] } },
  ];
  if (codes.length > 1) {
    list.push(
      {
        name: `year by unit, ${codes.length} provinces`,
        variables: { ...year, groupBy: ['UNIT'], first: 500 },
      },
      {
        name: `year by province × month, ${codes.length} provinces`,
        variables: { ...year, groupBy: ['PROVINCE', 'MONTH'], first: 500 },
      },
    );
  }
  return list;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

async function post(url: string, body: string, debug = false): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(debug ? { 'x-lienthong-debug': 'sql' } : {}) },
    body,
  });
  return (await res.json()) as Answer;
}

export async function benchIndicators(o: IndicatorBenchOptions): Promise<IndicatorTiming[]> {
  const timings: IndicatorTiming[] = [];
  const year = { from: addDays(o.asOf, -364), to: o.asOf };
  // the last whole month of the year
  const monthStart = `${addDays(`${o.asOf.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const month = { from: monthStart, to: addDays(`${o.asOf.slice(0, 7)}-01`, -1) };
  for (const label of o.volumes) {
    const n = parseVolume(label);
    if (n === undefined)
      throw new Error(`BENCH_INDICATOR_VOLUMES: ${label} is not a volume such as 100k, 1m or 10m`);
    const provinces = n >= ONE_PROVINCE_FROM ? o.provinces.slice(0, 1) : o.provinces;
    const volumes: VolumeInfo[] = [];
    for (const p of provinces) {
      const t0 = performance.now();
      const v = await ensureVolume(
        o.adminUrl,
        {
          province: p,
          dossiers: n,
          asOf: o.asOf,
          database: `bench_indicators_${p.code}_${label.toLowerCase().replace('.', '_')}`,
        },
        (line) => o.log(`  ${label} ${p.code}: ${line}`),
      );
      const steps = ['catalogue', 'dossiers', 'rebuild', 'vacuum']
        .map((k) => `${k} ${v.seconds[k] ?? '?'} s`)
        .join(', ');
      o.log(
        `indicators ${label}: ${p.code} ${p.name} ${n.toLocaleString('en')} dossiers ${v.from}…${v.to}, ` +
          `${(v.bytes / 2 ** 20).toFixed(0)} MB, ${v.created ? `generated in ${((performance.now() - t0) / 1000).toFixed(0)} s` : 'reused, generated'} (${steps})`,
      );
      volumes.push(v);
    }
    const file = path.join(o.dataDir, `indicators-${label.toLowerCase()}.sources.json`);
    fs.writeFileSync(
      file,
      JSON.stringify(
        provinces.map((p, i) => ({
          code: p.code,
          slug: p.slug,
          name: p.name,
          url: volumes[i]!.url,
          agencySuffix: p.agencySuffix,
        })),
      ),
    );
    const hubEnv = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: o.hubDatabaseUrl,
      LIENTHONG_SOURCES: file,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_REQUESTS: '0',
      RATE_LIMIT_COST: '0',
      // measure the statements however long they take (the default 5 s would cut the slowest at 10M)
      SOURCE_STATEMENT_TIMEOUT_MS: '120000',
      // on a saturated machine a 2 s health check fails and the hub skips the province
      SOURCE_CONNECT_TIMEOUT_MS: '15000',
    };
    const hub = await o.start(['src/cli/lienthong.mjs', 'serve'], hubEnv, /ready: (http:\/\/\S+)\/graphql/);
    try {
      const url = `${hub.url.replace('localhost', '127.0.0.1')}/graphql`;
      for (const c of cases(
        year,
        month,
        provinces.map((p) => p.code),
      )) {
        const body = JSON.stringify({
          query: query(c.variables.groupBy as string[]),
          variables: c.variables,
        });
        const probe = await post(url, body, true);
        if (probe.errors?.length || !probe.data)
          throw new Error(`indicators ${label} ${c.name}: ${JSON.stringify(probe.errors)}`);
        if (c.name === 'year by unit')
          await checkTotals(volumes[0]!, year, probe.data.indicators.total.received, o.log);
        for (let i = 0; i < 3; i++) await post(url, body);
        const ms: number[] = [];
        const errors: string[] = [];
        for (let i = 0; i < o.requests; i++) {
          const t0 = performance.now();
          const a = await post(url, body);
          ms.push(performance.now() - t0);
          // counted, not fatal: a table of timings with the errors beside them says more than a stack
          for (const e of a.errors ?? []) errors.push(e.extensions?.code ?? e.message);
        }
        if (errors.length) o.log(`  ${label} ${c.name}: errors ${JSON.stringify(errors)}`);
        ms.sort((a, b) => a - b);
        timings.push({
          volume: `${n.toLocaleString('en')} × ${provinces.length}`,
          query: c.name,
          rows: probe.data.indicators.rows.length,
          groups: probe.data.indicators.totalRows,
          errors: errors.length,
          sql: probe.extensions?.sqlStatements?.total ?? 0,
          p50: percentile(ms, 0.5),
          p95: percentile(ms, 0.95),
          max: ms[ms.length - 1]!,
        });
      }
    } finally {
      hub.child.kill('SIGTERM');
      await new Promise<void>((r) => (hub.child.exitCode !== null ? r() : hub.child.once('exit', () => r())));
    }
    if (o.explain) {
      const out = path.join(o.dataDir, `indicators-${label.toLowerCase()}-explain.txt`);
      await explainYearByUnit(o, file, volumes[0]!, cases(year, month, [provinces[0]!.code])[0]!, out);
    }
  }
  return timings;
}

/** The year table's received count against the dossiers themselves: the aggregates must agree with the rows. */
async function checkTotals(
  v: VolumeInfo,
  year: { from: string; to: string },
  received: number,
  log: (line: string) => void,
): Promise<void> {
  const db = createKnex(v.url);
  try {
    const r = await db.raw<{ rows: { n: number }[] }>(
      `SELECT count(*)::int AS n FROM dossiers
        WHERE received_at >= lt_at_local(?::date, interval '0') AND received_at < lt_at_local(?::date + 1, interval '0')`,
      [year.from, year.to],
    );
    const want = r.rows[0]!.n;
    log(
      `  ${v.database}: indicators received ${received.toLocaleString('en')}, dossiers received ${want.toLocaleString('en')}` +
        (want === received ? ' (agree)' : ' — MISMATCH'),
    );
  } finally {
    await db.destroy();
  }
}

interface Captured {
  sql: string;
  bindings: readonly unknown[];
}

/**
 * Runs the year-by-unit request once in an in-process hub on the same databases, records the statements
 * it sends to the province, and runs each again under EXPLAIN (ANALYZE, BUFFERS): the summary is logged,
 * the whole plans are written to `out`.
 */
async function explainYearByUnit(
  o: IndicatorBenchOptions,
  sourcesFile: string,
  v: VolumeInfo,
  c: Case,
  out: string,
): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: o.hubDatabaseUrl,
    LIENTHONG_SOURCES: sourcesFile,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_REQUESTS: '0',
    RATE_LIMIT_COST: '0',
    SOURCE_STATEMENT_TIMEOUT_MS: '120000',
    SOURCE_CONNECT_TIMEOUT_MS: '15000',
  });
  const rt = await openRuntime(config, createLogger('warn'));
  const app = await createApp(rt);
  const captured: Captured[] = [];
  try {
    const port = await app.listen(0, '127.0.0.1');
    const source = rt.sources.all[0]!;
    const listener = (q: { sql: string; bindings?: readonly unknown[] }) =>
      captured.push({ sql: q.sql, bindings: q.bindings ?? [] });
    const url = `http://127.0.0.1:${port}/graphql`;
    const body = JSON.stringify({ query: query(c.variables.groupBy as string[]), variables: c.variables });
    await post(url, body); // warm: the plans below run on a warm cache, like the timings
    source.db.on('query', listener);
    await post(url, body);
    source.db.off('query', listener);
  } finally {
    await app.close();
  }
  // the statements as the driver sent them ($1 placeholders), so through the driver, not knex.raw
  const db = new pg.Client({ connectionString: v.url });
  await db.connect();
  const text: string[] = [];
  try {
    o.log(
      `  EXPLAIN (ANALYZE, BUFFERS) of the ${captured.length} statements of "${c.name}" on ${v.database}:`,
    );
    for (const [i, s] of captured.entries()) {
      const r = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`,
        s.bindings as unknown[],
      );
      const plan = r.rows.map((x) => x['QUERY PLAN']);
      text.push(
        `-- statement ${i + 1}\n${s.sql}\n-- bindings ${JSON.stringify(s.bindings)}\n${plan.join('\n')}\n`,
      );
      const exec = plan.find((l) => l.startsWith('Execution Time'));
      const buffers = plan.find((l) => l.trim().startsWith('Buffers'))?.trim();
      o.log(
        `    ${i + 1}. ${exec ?? '?'}; ${buffers ?? 'no buffers'}; top: ${plan[0]!.trim().slice(0, 110)}`,
      );
    }
    fs.writeFileSync(out, text.join('\n'));
    o.log(`  whole plans: ${out}`);
  } finally {
    await db.end();
  }
}
