import { countRows, rowsBeforeSeed, seedMoreDossiers, seedProvince } from '../../../seeds/index.ts';
import { provinceInfo } from '../../sources/demo.ts';
import type { Command } from '../command.ts';
import { cliConfig, count, demoToday, withRuntime } from '../context.ts';
import { intFlag, parseFlags } from '../flags.ts';
import { describeProvince, knownProvinces, pickProvinces } from '../provinces.ts';
import { seedReporter } from '../seed-progress.ts';

export const DEFAULT_DOSSIERS = 20_000;

export const seedCommand: Command = {
  name: 'seed',
  summary: 'load demo data into provincial sources (scalable dossier volume)',
  usage: `Usage: lienthong seed [--source CODE | --all] [--dossiers N]

Seeds the demo catalogue (units, procedures, documents) and dossiers into provinces that are empty.
With --dossiers N, a province that already has data is topped up to at least N dossiers.
  --source CODE   one province by code, slug or name (40, nghe-an, "Nghệ An"); comma-separated
                  for several; default: all
  --all           every provincial source
  --dossiers N    dossiers per province (default ${DEFAULT_DOSSIERS}; millions load in minutes)`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      source: { type: 'string' },
      all: { type: 'boolean' },
      dossiers: { type: 'string' },
    });
    const topUp = intFlag('dossiers', values.dossiers, { min: 0, max: 100_000_000 });
    const target = topUp ?? DEFAULT_DOSSIERS;
    const config = cliConfig(io);
    const provinces = pickProvinces(values.source, values.all, knownProvinces(config), {
      flag: 'source',
      defaultAll: true,
    });
    return withRuntime(io, config, { migrate: true, createCluster: true }, async (rt) => {
      const reporter = seedReporter(io);
      for (const province of provinces) {
        const source = rt.sources.byCode(province.code)!;
        const info = provinceInfo(source);
        const before = await rowsBeforeSeed(source.db);
        if (before.units === 0) {
          await reporter.province(province, target, (onProgress) =>
            seedProvince(source.db, info, { dossiers: target, today: demoToday(config), onProgress }),
          );
        } else if (topUp !== undefined && before.dossiers < topUp) {
          await reporter.province(
            province,
            topUp - before.dossiers,
            async () => {
              await seedMoreDossiers(source.db, info, topUp - before.dossiers);
              return countRows(source.db);
            },
            `adding to ${count(before.dossiers)}`,
          );
        } else {
          const why = topUp === undefined ? '' : `, at least --dossiers ${count(topUp)}`;
          io.stdout(
            `province ${describeProvince(province)} already seeded (${count(before.dossiers)} dossiers${why}); nothing to do`,
          );
        }
      }
      const summary = reporter.summary();
      if (summary) io.stdout(summary);
      else if (provinces.length > 1) io.stdout(`nothing to do: all ${provinces.length} provinces are seeded`);
      return 0;
    });
  },
};
