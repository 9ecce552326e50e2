import { startBaseline } from './baseline-server.ts';
import type { SourceInfo } from '../sources/registry.ts';

// Runs the baseline in its own process (as the hub does), so neither shares an event loop with autocannon.
const sources = JSON.parse(process.argv[2] ?? '[]') as SourceInfo[];
const baseline = await startBaseline(sources);
process.stdout.write(`baseline ready: ${baseline.url}\n`);
process.once('SIGTERM', () => {
  void baseline.close().then(() => process.exit(0));
});
