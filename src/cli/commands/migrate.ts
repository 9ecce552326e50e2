import { migrateLatest } from '../../db/migrate.ts';
import type { Command } from '../command.ts';
import { cliConfig, withRuntime } from '../context.ts';
import { parseFlags } from '../flags.ts';
import { describeProvince, knownProvinces, pickProvinces } from '../provinces.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply database migrations to the hub and/or provincial sources',
  usage: `Usage: lienthong migrate [--source CODE | --all]

Applies pending knex migrations. Without options: the hub database and every source.
  --source CODE   only this province's database, by code, slug or name (40, nghe-an, "Nghệ An");
                  comma-separated for several
  --all           the hub and every provincial source`,
  async run(argv, io) {
    const { values } = parseFlags(argv, { source: { type: 'string' }, all: { type: 'boolean' } });
    const config = cliConfig(io);
    const provinces = pickProvinces(values.source, values.all, knownProvinces(config), {
      flag: 'source',
      defaultAll: true,
    });
    return withRuntime(io, config, { createCluster: true }, async (rt) => {
      if (values.source === undefined) {
        const applied = await migrateLatest(rt.hub, 'hub');
        io.stdout(`hub: ${applied.length ? applied.join(', ') : 'up to date'}`);
      }
      for (const province of provinces) {
        const applied = await migrateLatest(rt.sources.byCode(province.code)!.db, 'province');
        io.stdout(`${describeProvince(province)}: ${applied.length ? applied.join(', ') : 'up to date'}`);
      }
      return 0;
    });
  },
};
