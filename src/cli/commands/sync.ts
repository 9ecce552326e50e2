import cliProgress from 'cli-progress';
import { SyncAlreadyRunningError, UsageError } from '../../errors.ts';
import type { Runtime } from '../../runtime.ts';
import { exitCodeOf, portalClientFor, runSync, syncDepsFor } from '../../sync/job.ts';
import type { SyncEvent, SyncResult } from '../../sync/job.ts';
import type { PlanEntry } from '../../sync/plan.ts';
import { hasDrift, verifyProvince } from '../../sync/verify.ts';
import type { Drift } from '../../sync/verify.ts';
import type { CliIO, Command } from '../command.ts';
import { cliConfig, count, table, withRuntime } from '../context.ts';
import { parseFlags } from '../flags.ts';
import { describeProvince, knownProvinces, pickProvinces, type ProvinceRef } from '../provinces.ts';

const USAGE = `Usage: lienthong sync procedures (--province CODE | --all) [--dry-run] [--full] [--json]
       lienthong sync verify (--province CODE | --all) [--json]

procedures   push each province's procedure list to the national portal (PORTAL_URL): only the
             procedures whose content changed since the portal last acknowledged them
  --province CODE   a province by code, slug or name (40, nghe-an, "Nghệ An"); comma-separated
                    for several
  --all             every province
  --dry-run         print what would be sent and why (NEW, CHANGED, WITHDRAW, FULL, RESUME) as a
                    table; write nothing to the hub and send nothing
  --full            push every procedure, changed or not
  --json            print the result as one JSON document instead of tables
verify       compare what the portal holds with each catalogue; list missing, extra and different
  --province CODE | --all, --json as above

Progress: a bar on a terminal; otherwise (and with --json) JSON lines on stderr. stdout holds only
the result: tables, or with --json one JSON document.
Exit codes: 0 success; 1 failure (verify: drift found); 2 the portal rejected some items.`;

/** Worst exit code first: a failure outranks a partial success. */
const worst = (codes: number[]) => (codes.includes(1) ? 1 : codes.includes(2) ? 2 : 0);

const provinceFlags = {
  province: { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

interface Reporter {
  onEvent(event: SyncEvent): void;
  done(): void;
}

/** JSON lines on stderr, one per event: for logs and pipelines; stdout keeps the result. */
const jsonLinesReporter = (io: CliIO): Reporter => ({
  onEvent: (event) => io.stderr(JSON.stringify({ time: new Date().toISOString(), ...event })),
  done: () => undefined,
});

/** A progress bar per province on the terminal, cleared before the summary. */
function barReporter(terminal: NodeJS.WriteStream): Reporter {
  let bar: cliProgress.SingleBar | undefined;
  let resumed = 0;
  const start = (province: string, total: number) => {
    bar?.stop();
    bar = new cliProgress.SingleBar(
      {
        stream: terminal,
        format: `${province} [{bar}] {value}/{total} items | {eta_formatted} left`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
  };
  return {
    onEvent(event) {
      switch (event.event) {
        case 'resume':
          resumed = event.items;
          start(event.province, resumed);
          break;
        case 'plan':
          if (event.runId === null) break;
          if (!bar) start(event.province, event.items);
          else bar.setTotal(resumed + event.items);
          break;
        case 'batch':
        case 'batch-failed':
          bar?.increment(event.items);
          break;
        case 'finish':
          bar?.stop();
          bar = undefined;
          resumed = 0;
          break;
        default:
          break;
      }
    },
    done: () => bar?.stop(),
  };
}

const noProgress: Reporter = { onEvent: () => undefined, done: () => undefined };

interface Row {
  province: ProvinceRef;
  result?: SyncResult;
  status: string;
  seconds: number;
  error: string | null;
}

interface SyncFlags {
  dryRun: boolean;
  full: boolean;
  json: boolean;
}

async function syncProcedures(
  rt: Runtime,
  provinces: ProvinceRef[],
  io: CliIO,
  flags: SyncFlags,
): Promise<number> {
  const portal = portalClientFor(rt.config.portal);
  // a dry run sends nothing, so there is no progress to show
  const reporter = flags.dryRun
    ? noProgress
    : io.terminal && !flags.json
      ? barReporter(io.terminal)
      : jsonLinesReporter(io);
  const rows: Row[] = [];
  for (const province of provinces) {
    const source = rt.sources.byCode(province.code)!;
    const t0 = performance.now();
    try {
      const result = await runSync(syncDepsFor(rt, source, portal), {
        full: flags.full,
        dryRun: flags.dryRun,
        trigger: 'CLI',
        onProgress: (e) => reporter.onEvent(e),
      });
      rows.push({
        province,
        result,
        status: result.dryRun && result.status === 'SUCCEEDED' ? 'DRY RUN' : result.status,
        seconds: result.durationMs / 1000,
        error: result.error,
      });
      if (result.error) io.stderr(`error: province ${province.code}: ${result.error}`);
    } catch (err) {
      reporter.done();
      const already = err instanceof SyncAlreadyRunningError;
      const message = already ? err.message : `province ${province.code}: ${(err as Error).message}`;
      io.stderr(`error: ${message}`);
      rows.push({
        province,
        status: already ? 'ALREADY RUNNING' : 'FAILED',
        seconds: (performance.now() - t0) / 1000,
        error: (err as Error).message,
      });
    }
  }
  reporter.done();
  const exitCode = worst(rows.map((r) => (r.result ? exitCodeOf(r.result.status) : 1)));

  if (flags.json) io.stdout(JSON.stringify(syncDocument(rt, rows, flags, exitCode)));
  else if (flags.dryRun) printPlan(io, rows, rt.config.portal.url);
  else printRuns(io, rows);
  return exitCode;
}

/** The machine-readable result of `sync procedures --json`: one document. */
function syncDocument(rt: Runtime, rows: Row[], flags: SyncFlags, exitCode: number) {
  return {
    command: 'sync procedures',
    portal: rt.config.portal.url,
    dryRun: flags.dryRun,
    full: flags.full,
    exitCode,
    provinces: rows.map((r) => ({
      province: r.province.code,
      name: r.province.name,
      status: r.status.replace(' ', '_'),
      counts: r.result?.counts ?? null,
      seconds: Number(r.seconds.toFixed(3)),
      error: r.error,
      ...(flags.dryRun && { plan: r.result?.plan ?? [] }),
      rejected: r.result?.rejected ?? [],
    })),
  };
}

/** The dry run: one headed table of what would be sent, then one summary line. */
function printPlan(io: CliIO, rows: Row[], portalUrl: string): void {
  const planned = rows.flatMap((r) =>
    (r.result?.plan ?? []).map((p): [ProvinceRef, PlanEntry] => [r.province, p]),
  );
  if (planned.length > 0) {
    io.stdout(
      table([
        ['province', 'change', 'national code', 'revision', 'status', 'name'],
        ...planned.map(([province, p]) => [
          province.code,
          p.change,
          p.nationalCode,
          p.revision,
          p.status,
          p.name,
        ]),
      ]),
    );
  }
  const byChange = new Map<string, number>();
  for (const [, p] of planned) byChange.set(p.change, (byChange.get(p.change) ?? 0) + 1);
  const ok = rows.filter((r) => r.result);
  if (ok.length === 0) return; // every province failed: the errors on stderr say why
  const where = ok.length === 1 ? describeProvince(ok[0]!.province) : `${ok.length} provinces`;
  const what =
    planned.length === 0
      ? `nothing to send for ${where}`
      : `would send ${count(planned.length)} ${planned.length === 1 ? 'procedure' : 'procedures'} for ${where} ` +
        `to ${portalUrl} (${[...byChange].map(([change, n]) => `${count(n)} ${change}`).join(', ')})`;
  io.stdout(`dry run: ${what}; nothing was sent or recorded`);
}

/** A real run: the summary table, then the items the portal rejected and why. */
function printRuns(io: CliIO, rows: Row[]): void {
  const header = ['province', 'planned', 'accepted', 'unchanged', 'rejected', 'failed', 'seconds', 'status'];
  io.stdout(
    table([
      header,
      ...rows.map((r) => {
        const c = r.result?.counts;
        return [
          r.province.code,
          c?.planned ?? 0,
          c?.accepted ?? 0,
          c?.unchanged ?? 0,
          c?.rejected ?? 0,
          c?.failed ?? 0,
          r.seconds.toFixed(1),
          r.status,
        ];
      }),
    ]),
  );
  const rejected = rows.flatMap((r) =>
    (r.result?.rejected ?? []).map((item) => ({ province: r.province.code, ...item })),
  );
  if (rejected.length > 0) {
    io.stdout(
      `\nRejected by the portal (${rejected.length}):\n` +
        rejected.map((i) => `  ${i.province}  ${i.nationalCode}  r${i.revision}  ${i.reason}`).join('\n'),
    );
  }
}

function printDrift(io: CliIO, province: ProvinceRef, d: Drift): void {
  const name = describeProvince(province);
  if (!hasDrift(d)) {
    io.stdout(`${name}: no drift (${d.expected} procedures in force, ${d.held} held by the portal)`);
    return;
  }
  io.stdout(`${name}: ${d.missing.length} missing, ${d.extra.length} extra, ${d.different.length} different`);
  for (const m of d.missing) io.stdout(`  missing    ${m.nationalCode}  ${m.name}`);
  for (const x of d.extra) io.stdout(`  extra      ${x.nationalCode}  ${x.name}`);
  for (const f of d.different) {
    io.stdout(
      `  different  ${f.nationalCode}  portal r${f.portalRevision}, catalogue r${f.expectedRevision}  ${f.name}`,
    );
  }
}

async function verify(rt: Runtime, provinces: ProvinceRef[], io: CliIO, json: boolean): Promise<number> {
  const portal = portalClientFor(rt.config.portal);
  const results: { province: ProvinceRef; drift?: Drift; error?: string }[] = [];
  for (const province of provinces) {
    const source = rt.sources.byCode(province.code)!;
    try {
      const drift = await verifyProvince({ source, portal });
      results.push({ province, drift });
      if (!json) printDrift(io, province, drift);
    } catch (err) {
      io.stderr(`error: province ${province.code}: ${(err as Error).message}`);
      results.push({ province, error: (err as Error).message });
    }
  }
  const exitCode = results.some((r) => !r.drift || hasDrift(r.drift)) ? 1 : 0;
  if (json) {
    io.stdout(
      JSON.stringify({
        command: 'sync verify',
        portal: rt.config.portal.url,
        exitCode,
        provinces: results.map((r) => ({
          province: r.province.code,
          name: r.province.name,
          drift: r.drift ? hasDrift(r.drift) : null,
          error: r.error ?? null,
          ...r.drift,
        })),
      }),
    );
  }
  return exitCode;
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'push procedure lists to the national portal (sync procedures), or compare them (sync verify)',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'procedures') {
      const { values } = parseFlags(rest, {
        ...provinceFlags,
        'dry-run': { type: 'boolean' },
        full: { type: 'boolean' },
      });
      const config = cliConfig(io);
      const provinces = pickProvinces(values.province, values.all, knownProvinces(config), {
        flag: 'province',
      });
      return withRuntime(io, config, { migrate: true }, (rt) =>
        syncProcedures(rt, provinces, io, {
          dryRun: values['dry-run'] ?? false,
          full: values.full ?? false,
          json: values.json ?? false,
        }),
      );
    }
    if (sub === 'verify') {
      const { values } = parseFlags(rest, provinceFlags);
      const config = cliConfig(io);
      const provinces = pickProvinces(values.province, values.all, knownProvinces(config), {
        flag: 'province',
      });
      return withRuntime(io, config, { migrate: true }, (rt) =>
        verify(rt, provinces, io, values.json ?? false),
      );
    }
    if (sub === undefined || sub.startsWith('-'))
      throw new UsageError('missing subcommand: procedures or verify');
    throw new UsageError(`unknown subcommand "${sub}" (expected procedures or verify)`);
  },
};
