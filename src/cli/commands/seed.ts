import { countRows, seedMoreDossiers, seedProvince } from '../../../seeds/index.ts';
import { provinceInfo } from '../../sources/demo.ts';
import { intFlag, parseFlags, pickSources, type Command } from '../command.ts';
import { table, withRuntime } from '../context.ts';

export const DEFAULT_DOSSIERS = 20_000;

export const seedCommand: Command = {
  name: 'seed',
  summary: 'load demo data into provincial sources (scalable dossier volume)',
  usage: `Usage: lienthong seed [--source CODE | --all] [--dossiers N]

Seeds the demo catalogue (units, procedures, documents) and dossiers into provinces that are empty.
With --dossiers N, a province that already has data is topped up to at least N dossiers.
  --source CODE   one province (comma-separated codes allowed); default: all
  --all           every provincial source
  --dossiers N    dossiers per province (default ${DEFAULT_DOSSIERS}; millions load in minutes)`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      source: { type: 'string' },
      all: { type: 'boolean' },
      dossiers: { type: 'string' },
    });
    const target = intFlag('dossiers', values.dossiers, DEFAULT_DOSSIERS, 0, 100_000_000);
    return withRuntime(io, { migrate: true }, async (rt) => {
      const codes = pickSources(
        values,
        rt.sources.all.map((s) => s.code),
        { defaultAll: true },
      );
      const rows: (string | number)[][] = [
        ['province', 'units', 'procedures', 'documents', 'dossiers', 'events', 'seconds'],
      ];
      for (const code of codes) {
        const source = rt.sources.byCode(code)!;
        const info = provinceInfo(source);
        const t0 = performance.now();
        const before = await countRows(source.db);
        if (before.units === 0) {
          await seedProvince(source.db, info, { dossiers: target });
        } else if (values.dossiers !== undefined && before.dossiers < target) {
          await seedMoreDossiers(source.db, info, target - before.dossiers);
        }
        const after = await countRows(source.db);
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        rows.push([
          `${code} ${source.name}`,
          after.units,
          after.procedures,
          after.documents,
          after.dossiers,
          after.dossierEvents,
          secs,
        ]);
      }
      io.stdout(table(rows));
      return 0;
    });
  },
};
