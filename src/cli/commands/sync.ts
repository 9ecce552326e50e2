import cliProgress from 'cli-progress';
import { SyncAlreadyRunningError, UsageError } from '../../errors.ts';
import type { Runtime } from '../../runtime.ts';
import { exitCodeOf, portalClientFor, runSync, syncDepsFor } from '../../sync/job.ts';
import type { SyncEvent, SyncResult } from '../../sync/job.ts';
import { hasDrift, verifyProvince } from '../../sync/verify.ts';
import type { Drift } from '../../sync/verify.ts';
import { parseFlags, pickSources, type CliIO, type Command } from '../command.ts';
import { table, withRuntime } from '../context.ts';

const USAGE = `Usage: lienthong sync procedures (--province CODE | --all) [--dry-run] [--full]
       lienthong sync verify (--province CODE | --all)

procedures   push each province's procedure list to the national portal (PORTAL_URL): only the
             procedures whose content changed since the portal last acknowledged them
  --province CODE   one province (comma-separated codes allowed)
  --all             every province
  --dry-run         print what would be sent and why (NEW, CHANGED, WITHDRAW, FULL, RESUME);
                    write nothing to the hub and send nothing
  --full            push every procedure, changed or not
verify       compare what the portal holds with each catalogue; list missing, extra and different
  --province CODE | --all

Progress is a bar on a terminal and JSON lines otherwise; a summary table follows.
Exit codes: 0 success; 1 failure (verify: drift found); 2 the portal rejected some items.`;

/** Worst exit code first: a failure outranks a partial success. */
const worst = (codes: number[]) => (codes.includes(1) ? 1 : codes.includes(2) ? 2 : 0);

const provinceFlags = { province: { type: 'string' }, all: { type: 'boolean' } } as const;

function requireTarget(values: { province?: string | undefined; all?: boolean | undefined }): void {
  if (!values.province && !values.all) throw new UsageError('missing --province CODE or --all');
  if (values.province && values.all) throw new UsageError('use either --province CODE or --all, not both');
}

interface Reporter {
  onEvent(event: SyncEvent): void;
  done(): void;
}

/** JSON lines on stdout, one per event: for logs and pipelines. */
const jsonReporter = (io: CliIO): Reporter => ({
  onEvent: (event) => io.stdout(JSON.stringify({ time: new Date().toISOString(), ...event })),
  done: () => undefined,
});

/** A progress bar per province on stderr (stdout keeps the summary). */
function barReporter(): Reporter {
  let bar: cliProgress.SingleBar | undefined;
  let resumed = 0;
  const start = (province: string, total: number) => {
    bar?.stop();
    bar = new cliProgress.SingleBar(
      { format: `${province} [{bar}] {value}/{total} items | {eta_formatted} left`, hideCursor: true },
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

interface Row {
  province: string;
  result?: SyncResult;
  status: string;
  seconds: number;
}

async function syncProcedures(
  rt: Runtime,
  codes: string[],
  io: CliIO,
  flags: { dryRun: boolean; full: boolean },
) {
  const portal = portalClientFor(rt.config.portal);
  const reporter = io.isTTY ? barReporter() : jsonReporter(io);
  const rows: Row[] = [];
  const exitCodes: number[] = [];
  for (const code of codes) {
    const source = rt.sources.byCode(code)!;
    const t0 = performance.now();
    try {
      const result = await runSync(syncDepsFor(rt, source, portal), {
        full: flags.full,
        dryRun: flags.dryRun,
        trigger: 'CLI',
        onProgress: (e) => reporter.onEvent(e),
      });
      rows.push({
        province: code,
        result,
        status: result.dryRun ? 'DRY RUN' : result.status,
        seconds: result.durationMs / 1000,
      });
      exitCodes.push(exitCodeOf(result.status));
      if (result.error) io.stderr(`error: province ${code}: ${result.error}`);
    } catch (err) {
      reporter.done();
      const already = err instanceof SyncAlreadyRunningError;
      io.stderr(`error: ${already ? err.message : `province ${code}: ${(err as Error).message}`}`);
      rows.push({
        province: code,
        status: already ? 'ALREADY RUNNING' : 'FAILED',
        seconds: (performance.now() - t0) / 1000,
      });
      exitCodes.push(1);
    }
  }
  reporter.done();

  if (flags.dryRun) {
    const lines = rows.flatMap((r) =>
      (r.result?.plan ?? []).map(
        (p) => `${r.province}  ${p.change.padEnd(8)}  ${p.nationalCode}  r${p.revision}  ${p.name}`,
      ),
    );
    io.stdout(lines.length > 0 ? `Would send:\n${lines.join('\n')}` : 'Nothing to send.');
  }
  const header = ['province', 'planned', 'accepted', 'unchanged', 'rejected', 'failed', 'seconds', 'status'];
  io.stdout(
    '\n' +
      table([
        header,
        ...rows.map((r) => {
          const c = r.result?.counts;
          return [
            r.province,
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
    (r.result?.rejected ?? []).map((item) => ({ province: r.province, ...item })),
  );
  if (rejected.length > 0) {
    io.stdout(
      `\nRejected by the portal (${rejected.length}):\n` +
        rejected.map((i) => `  ${i.province}  ${i.nationalCode}  r${i.revision}  ${i.reason}`).join('\n'),
    );
  }
  return worst(exitCodes);
}

function printDrift(io: CliIO, name: string, d: Drift): void {
  if (!hasDrift(d)) {
    io.stdout(
      `${d.province} ${name}: no drift (${d.expected} procedures in force, ${d.held} held by the portal)`,
    );
    return;
  }
  io.stdout(
    `${d.province} ${name}: ${d.missing.length} missing, ${d.extra.length} extra, ${d.different.length} different`,
  );
  for (const m of d.missing) io.stdout(`  missing    ${m.nationalCode}  ${m.name}`);
  for (const x of d.extra) io.stdout(`  extra      ${x.nationalCode}  ${x.name}`);
  for (const f of d.different) {
    io.stdout(
      `  different  ${f.nationalCode}  portal r${f.portalRevision}, catalogue r${f.expectedRevision}  ${f.name}`,
    );
  }
}

async function verify(rt: Runtime, codes: string[], io: CliIO): Promise<number> {
  const portal = portalClientFor(rt.config.portal);
  let code = 0;
  for (const province of codes) {
    const source = rt.sources.byCode(province)!;
    try {
      const drift = await verifyProvince({ source, portal });
      printDrift(io, source.name, drift);
      if (hasDrift(drift)) code = 1;
    } catch (err) {
      io.stderr(`error: province ${province}: ${(err as Error).message}`);
      code = 1;
    }
  }
  return code;
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
      requireTarget(values);
      return withRuntime(io, { migrate: true }, (rt) => {
        const codes = pickSources(
          values,
          rt.sources.all.map((s) => s.code),
          { flag: 'province' },
        );
        return syncProcedures(rt, codes, io, {
          dryRun: values['dry-run'] ?? false,
          full: values.full ?? false,
        });
      });
    }
    if (sub === 'verify') {
      const { values } = parseFlags(rest, provinceFlags);
      requireTarget(values);
      return withRuntime(io, { migrate: true }, (rt) =>
        verify(
          rt,
          pickSources(
            values,
            rt.sources.all.map((s) => s.code),
            { flag: 'province' },
          ),
          io,
        ),
      );
    }
    if (sub === undefined || sub.startsWith('-'))
      throw new UsageError('missing subcommand: procedures or verify');
    throw new UsageError(`unknown subcommand "${sub}" (expected procedures or verify)`);
  },
};
