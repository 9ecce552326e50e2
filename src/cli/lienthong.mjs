#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run as they are, then hands over to the CLI.
import { register } from 'tsx/esm/api';

// graphql-js runs extra development-time checks on every field unless told it is in production
process.env.NODE_ENV ??= 'production';
register();
// a reader that stops early (`lienthong … | head`) ends the output, not the command: no EPIPE stack trace
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
