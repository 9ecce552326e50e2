import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/** True when `dataDir` holds an embedded PostgreSQL cluster (`pg` may be a symlink to it elsewhere). */
export const hasCluster = (dataDir: string): boolean => fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));

/**
 * Commands that only read or push existing data refuse an embedded data directory without a cluster:
 * starting one there would create an empty hub and report nonsense (a forgotten LIENTHONG_DATA_DIR).
 */
export function requireCluster(config: Pick<Config, 'databaseUrl' | 'dataDir'>): void {
  if (config.databaseUrl || hasCluster(config.dataDir)) return;
  throw new Error(
    `no lienthong data in ${config.dataDir} (LIENTHONG_DATA_DIR); run \`lienthong serve\` or \`npm start\` ` +
      `there first, or set LIENTHONG_DATA_DIR to the directory that holds the data`,
  );
}
