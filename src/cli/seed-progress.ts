import cliProgress from 'cli-progress';
import type { SeedCounts, SeedProgress } from '../../seeds/index.ts';
import type { CliIO } from './command.ts';
import { count } from './context.ts';
import { describeProvince, type ProvinceRef } from './provinces.ts';

/**
 * Progress of seeding, province by province, on stdout: a line updated in place on a terminal
 * (`seeding 40 Nghệ An [████░░░░] 12,000/20,000 dossiers`), then one plain line per province when it
 * is done (the only output when stdout is not a terminal), and a summary line.
 */
export interface SeedReporter {
  /**
   * Runs one province's load of `dossiers` dossiers; `work` receives the callback for seedProvince's
   * onProgress. `first` says what happens before the first dossier arrives.
   */
  province(
    province: ProvinceRef,
    dossiers: number,
    work: (onProgress: (p: SeedProgress) => void) => Promise<SeedCounts>,
    first?: string,
  ): Promise<SeedCounts>;
  /** `5 provinces seeded in 61.2 s (100,000 dossiers)`; undefined when nothing was seeded. */
  summary(): string | undefined;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export function seedReporter(io: CliIO): SeedReporter {
  const started = performance.now();
  let provinces = 0;
  let dossiers = 0;
  return {
    async province(province, target, work, first = 'catalogue first') {
      const t0 = performance.now();
      const bar = io.terminal
        ? new cliProgress.SingleBar(
            {
              stream: io.terminal,
              format: `seeding ${describeProvince(province)} [{bar}] {value}/{total} dossiers{step}`,
              formatValue: (v, _options, type) =>
                type === 'value' || type === 'total' ? count(v) : String(v),
              clearOnComplete: true,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      bar?.start(target, 0, { step: ` (${first})` });
      let counts: SeedCounts;
      try {
        counts = await work((p) => bar?.update(p.dossiers, { step: '' }));
      } finally {
        bar?.stop();
      }
      provinces++;
      dossiers += target;
      io.stdout(
        `seeded ${describeProvince(province)} in ${seconds(t0)} s: ${count(counts.units)} units, ` +
          `${count(counts.procedures)} procedures, ${count(counts.documents)} documents, ` +
          `${count(counts.dossiers)} dossiers (${count(counts.dossierEvents)} events)`,
      );
      return counts;
    },
    summary: () =>
      provinces === 0
        ? undefined
        : `${provinces} ${provinces === 1 ? 'province' : 'provinces'} seeded in ${seconds(started)} s ` +
          `(${count(dossiers)} dossiers)`,
  };
}
