import { migrateLatest } from '../../db/migrate.ts';
import { parseFlags, pickSources, type Command } from '../command.ts';
import { withRuntime } from '../context.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply database migrations to the hub and/or provincial sources',
  usage: `Usage: lienthong migrate [--source CODE | --all]

Applies pending knex migrations. Without options: the hub database and every source.
  --source CODE   only this province's database (comma-separated codes allowed)
  --all           the hub and every provincial source`,
  async run(argv, io) {
    const { values } = parseFlags(argv, { source: { type: 'string' }, all: { type: 'boolean' } });
    return withRuntime(io, {}, async (rt) => {
      const codes = pickSources(
        values,
        rt.sources.all.map((s) => s.code),
        { defaultAll: true },
      );
      if (!values.source) {
        const applied = await migrateLatest(rt.hub, 'hub');
        io.stdout(`hub: ${applied.length ? applied.join(', ') : 'up to date'}`);
      }
      for (const code of codes) {
        const applied = await migrateLatest(rt.sources.byCode(code)!.db, 'province');
        io.stdout(`${code}: ${applied.length ? applied.join(', ') : 'up to date'}`);
      }
      return 0;
    });
  },
};
