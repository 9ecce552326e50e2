#!/usr/bin/env -S node --max-semi-space-size=64
// The young generation is raised from 16 to 64 MB per semi-space: a page of nested dossiers allocates about
// 1 MB while it waits on PostgreSQL, so 32 requests in flight outgrow the default and promote what would
// have died young (garbage collection then took a quarter of the hub's CPU under load). `npm start`
// passes the same flag; src/bench reads it from this line.
// Entry point: registers tsx so the TypeScript sources run as they are, then hands over to the CLI.
import { register } from 'tsx/esm/api';

// graphql-js runs extra development-time checks on every field unless told it is in production
process.env.NODE_ENV ??= 'production';
register();

// an error nothing caught: one line, every runtime closed (no embedded PostgreSQL left behind), exit 1
let dying = false;
const fatal = async (err) => {
  if (dying) return;
  dying = true;
  const { onFatal } = await import('./main.ts');
  process.exit(await onFatal(err));
};
process.on('uncaughtException', (err) => void fatal(err));
process.on('unhandledRejection', (err) => void fatal(err));
// a reader that stops early (`lienthong … | head`) ends the output, not the command: the command finishes
// its work, closes what it opened and exits with its own code, without an EPIPE stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') void fatal(err);
  });
}

const { main } = await import('./main.ts');
// explicit exit: an interrupted command may still hold sockets to a server it shares with `serve`
process.exit(await main(process.argv.slice(2)));
