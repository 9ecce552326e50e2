#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run as they are, then hands over to the CLI.
import { register } from 'tsx/esm/api';

// graphql-js runs extra development-time checks on every field unless told it is in production
process.env.NODE_ENV ??= 'production';
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
