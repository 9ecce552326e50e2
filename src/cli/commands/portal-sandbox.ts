import { PORTAL_SANDBOX_USAGE, runPortalSandbox } from '../../portal-sandbox/cli.ts';
import type { Command } from '../command.ts';

export const portalSandboxCommand: Command = {
  name: 'portal-sandbox',
  summary: 'run a local stand-in for the national public service portal',
  usage: PORTAL_SANDBOX_USAGE,
  run: (argv, io) =>
    runPortalSandbox(argv, {
      stdout: (s) => io.stdout(s.replace(/\n$/, '')),
      stderr: (s) => io.stderr(s.replace(/\n$/, '')),
    }),
};
