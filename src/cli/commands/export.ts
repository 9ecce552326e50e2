import fs from 'node:fs';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { UsageError } from '../../errors.ts';
import type { Viewer } from '../../graphql/viewer.ts';
import { createAccess } from '../../server/access.ts';
import {
  checkExportParams,
  EXPORT_KINDS,
  ExportParamError,
  startExport,
  type ExportKind,
  type ExportSummary,
  type Sink,
} from '../../server/export/index.ts';
import { createGraphQLRoute } from '../../server/graphql-route.ts';
import { buildSchema } from '../../server/schema.ts';
import type { CliIO, Command } from '../command.ts';
import { cliConfig, count, withRuntime } from '../context.ts';
import { parseFlags } from '../flags.ts';
import { knownProvinces, resolveProvince } from '../provinces.ts';

const USAGE = `Usage: lienthong export dossiers [filters] [--limit N] [--unmasked] [--out FILE]
       lienthong export indicators --from DATE --to DATE [--group-by DIM[,DIM]] [filters] [--out FILE]

Writes a CSV (UTF-8 with a BOM, CRLF, RFC 4180) of a dossier list or an indicator table, as
GET /export/dossiers.csv and /export/indicators.csv do (README "Exports"), to stdout or --out FILE.
Runs as the operator (actor cli:<os user>): applicants' personal data masked unless --unmasked,
which shows it and leaves an audit record.

dossiers:
  --province P        province code, slug or name; repeat or comma-separate for several
  --status S          DossierStatus (RECEIVED, IN_PROGRESS, …); repeatable
  --timeliness T      EARLY, ON_TIME, LATE, PENDING, OVERDUE, NOT_COUNTED; repeatable
  --channel C         DIRECT, ONLINE or POSTAL
  --procedure ID      Procedure global id        --unit ID   Unit global id (receiving unit)
  --received-from D   --received-to D   --due-from D   --due-to D   --resolved-from D   --resolved-to D
                      dates YYYY-MM-DD (UTC+7), both ends included
  --search TEXT       part of a dossier code (with --unmasked also an applicant's name or id number)
  --order-by F        RECEIVED_AT (default), DUE_AT or CODE     --direction ASC|DESC (default DESC)
  --limit N           at most N rows (default: all, up to EXPORT_MAX_ROWS)
  --unmasked          applicants' names, id numbers and phones in clear (audited)
indicators:
  --from D --to D     the period, YYYY-MM-DD, both ends included (at most 3,660 days)
  --group-by DIMS     one or two of PROVINCE, UNIT, FIELD, PROCEDURE, MONTH, QUARTER, YEAR, CHANNEL
  --province P        as above          --unit ID  --procedure ID  (repeatable)
  --field NAME        field (lĩnh vực), accent-insensitive; repeat for several (names hold commas)
  --channel C         repeatable
  --order-by MEASURE  e.g. ON_TIME_RATE, RECEIVED   --direction ASC|DESC   --first N (1–1000)
  --roll-up           count merged units and provinces under their successors
both:
  --out FILE          write to FILE instead of stdout

Exit codes: 0 done (also when the reader of stdout stops early, e.g. | head); 1 refused or failed;
2 written but incomplete (a province did not answer, or cut at EXPORT_MAX_ROWS: see the last rows).`;

/** Each flag and the export parameter it sets. */
const DOSSIER_FLAGS: Readonly<Record<string, string>> = {
  province: 'provinces',
  status: 'status',
  timeliness: 'timeliness',
  channel: 'channel',
  procedure: 'procedure',
  unit: 'unit',
  'received-from': 'receivedFrom',
  'received-to': 'receivedTo',
  'due-from': 'dueFrom',
  'due-to': 'dueTo',
  'resolved-from': 'resolvedFrom',
  'resolved-to': 'resolvedTo',
  search: 'search',
  'order-by': 'orderBy',
  direction: 'direction',
  limit: 'limit',
};
const INDICATOR_FLAGS: Readonly<Record<string, string>> = {
  from: 'from',
  to: 'to',
  'group-by': 'groupBy',
  province: 'provinces',
  unit: 'units',
  procedure: 'procedures',
  field: 'fields',
  channel: 'channels',
  'order-by': 'orderBy',
  direction: 'direction',
  first: 'first',
};
/** Flags that may repeat (their parameter is a list). */
const REPEATABLE = new Set([
  'province',
  'status',
  'timeliness',
  'group-by',
  'unit',
  'procedure',
  'field',
  'channel',
]);

/** Who runs the export: the OS account, for the audit record. */
function osUser(): string {
  try {
    return os.userInfo().username || 'cli';
  } catch {
    return 'cli'; // no passwd entry for this uid (some containers)
  }
}

/**
 * A writable stream as a sink: writes wait for 'drain'; an error (EPIPE when `| head` has read enough) or
 * a close ends the export quietly.
 */
function streamSink(stream: NodeJS.WritableStream): Sink & { dispose(): void } {
  const gone = new AbortController();
  const stop = () => gone.abort();
  stream.on('error', stop);
  stream.on('close', stop);
  return {
    signal: gone.signal,
    write: (text) =>
      new Promise((resolve) => {
        if (gone.signal.aborted) return resolve();
        let ok: boolean;
        try {
          ok = stream.write(text);
        } catch {
          gone.abort(); // written after the stream was destroyed
          return resolve();
        }
        if (ok) return resolve();
        const done = () => {
          stream.off('drain', done);
          gone.signal.removeEventListener('abort', done);
          resolve();
        };
        stream.once('drain', done);
        gone.signal.addEventListener('abort', done, { once: true });
      }),
    dispose() {
      stream.off('error', stop);
      stream.off('close', stop);
    },
  };
}

/** The export's parameters from the flags, named as the URL names them. */
function paramsOfFlags(
  kind: ExportKind,
  values: Record<string, string | boolean | (string | boolean)[] | undefined>,
  provinces: ReturnType<typeof knownProvinces>,
): Map<string, string[]> {
  const flags = kind === 'dossiers' ? DOSSIER_FLAGS : INDICATOR_FLAGS;
  const raw = new Map<string, string[]>();
  for (const [flag, param] of Object.entries(flags)) {
    const v = values[flag];
    if (v === undefined) continue;
    let list = (Array.isArray(v) ? v : [v]).map(String);
    if (flag === 'province')
      list = list.flatMap((p) => p.split(',')).map((p) => resolveProvince(p, provinces).code);
    raw.set(param, list);
  }
  if (values['roll-up']) raw.set('rollUpToSuccessors', ['true']);
  return raw;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a dossier list or an indicator table as CSV (as GET /export/… does)',
  usage: USAGE,
  async run(argv, io) {
    const [kindArg, ...rest] = argv;
    if (!kindArg || !(EXPORT_KINDS as readonly string[]).includes(kindArg))
      throw new UsageError(
        kindArg
          ? `unknown export "${kindArg}": dossiers or indicators`
          : 'missing what to export: dossiers or indicators',
      );
    const kind = kindArg as ExportKind;
    const names = Object.keys(kind === 'dossiers' ? DOSSIER_FLAGS : INDICATOR_FLAGS);
    const { values } = parseFlags(rest, {
      ...Object.fromEntries(names.map((n) => [n, { type: 'string' as const, multiple: REPEATABLE.has(n) }])),
      out: { type: 'string' },
      ...(kind === 'dossiers'
        ? { unmasked: { type: 'boolean' as const } }
        : { 'roll-up': { type: 'boolean' as const } }),
    });
    const base = cliConfig(io);
    // the operator is not a caller of the API: no per-minute budgets (MAX_QUERY_COST still sizes the pages)
    const config = {
      ...base,
      access: { ...base.access, rateLimit: { requestsPerMinute: 0, costPerMinute: 0 } },
    };
    const provinces = knownProvinces(config);
    const raw = paramsOfFlags(
      kind,
      values as Record<string, string | boolean | string[] | undefined>,
      provinces,
    );
    const flagOf = Object.fromEntries(
      Object.entries(kind === 'dossiers' ? DOSSIER_FLAGS : INDICATOR_FLAGS).map(([f, p]) => [p, `--${f}`]),
    );
    const ctx = {
      schema: buildSchema(),
      provinces: provinces.map((p) => p.code),
      label: (p: string) => flagOf[p] ?? (p === 'rollUpToSuccessors' ? '--roll-up' : p),
    };
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out !== undefined && out.trim() === '') throw new UsageError('--out must not be empty');
    try {
      checkExportParams(kind, raw, ctx, config.exportMaxRows);
    } catch (err) {
      if (err instanceof ExportParamError) throw new UsageError(err.message);
      throw err;
    }
    const viewer: Viewer = {
      id: `cli:${osUser()}`,
      kind: 'operator',
      scopes: new Set((values as { unmasked?: boolean }).unmasked ? ['read', 'pii:read'] : ['read']),
      provinces: null,
    };
    return withRuntime(io, config, {}, async (rt) => {
      const access = createAccess(rt);
      try {
        const gql = await createGraphQLRoute(rt, access);
        const started = await startExport(kind, raw, ctx, {
          execute: gql.execute,
          viewer,
          clientAddress: 'cli',
          requestId: randomUUID(),
          requestTime: new Date(),
          maxRows: config.exportMaxRows,
        });
        if (!started.ok) {
          for (const e of started.errors)
            io.stderr(`error: ${e.message} (${String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')})`);
          return 1;
        }
        const summary = out ? await toFile(out, started.writeTo) : await toStdout(io, started.writeTo);
        if (summary.outcome !== 'closed') {
          io.stderr(
            `exported ${count(summary.rows)} ${kind === 'dossiers' ? 'dossiers' : 'rows'}${out ? ` to ${out}` : ''}` +
              (summary.outcome === 'complete' ? '' : ` (${summary.outcome}: see the #ERROR rows at the end)`),
          );
        }
        return summary.outcome === 'truncated' || summary.outcome === 'incomplete' ? 2 : 0;
      } finally {
        access.close();
      }
    });
  },
};

type WriteTo = (sink: Sink) => Promise<ExportSummary>;

async function toStdout(io: CliIO, writeTo: WriteTo): Promise<ExportSummary> {
  if (!io.out) {
    // an embedding without a byte stream (tests): every chunk ends with CRLF, so no newline is added
    const signal = new AbortController().signal;
    return writeTo({ signal, write: async (text) => void io.stdout(text) });
  }
  const sink = streamSink(io.out);
  try {
    return await writeTo(sink);
  } finally {
    sink.dispose();
  }
}

async function toFile(file: string, writeTo: WriteTo): Promise<ExportSummary> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'w');
  } catch (err) {
    throw new Error(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const stream = fs.createWriteStream('', { fd });
  const sink = streamSink(stream);
  try {
    const summary = await writeTo(sink);
    if (summary.outcome === 'closed') throw new Error(`writing ${file} failed`);
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(resolve);
    });
    return summary;
  } finally {
    sink.dispose();
  }
}
