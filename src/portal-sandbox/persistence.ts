import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { SnapshotSchema } from './state.ts';
import type { Snapshot } from './state.ts';

/** The sandbox's `--data FILE`: read once at start, rewritten atomically after changes. */

/** Changes within this window share one write. */
const DEBOUNCE_MS = 20;

/** The snapshot in `file`, or undefined when there is no such file yet. */
export async function readSnapshot(file: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read sandbox data file ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`Cannot read sandbox data file ${file}: not JSON`);
  }
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`Invalid sandbox data file ${file} at ${where}: ${issue?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

export interface SnapshotWriter {
  /** Asks for a write soon; the snapshot is taken when the write starts, so bursts coalesce. */
  schedule(): void;
  /** Writes any pending change now and waits for it; rejects when the write fails. */
  flush(): Promise<void>;
}

export function createSnapshotWriter(
  file: string,
  takeSnapshot: () => Snapshot,
  log: Logger,
): SnapshotWriter {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  // writes run one after another so an older snapshot never renames over a newer one
  let chain: Promise<void> = Promise.resolve();
  const tmpFile = `${file}.${process.pid}.tmp`;

  async function writeNow(): Promise<void> {
    if (!dirty) return;
    dirty = false;
    const json = JSON.stringify(takeSnapshot());
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmpFile, json, 'utf8');
    await rename(tmpFile, file);
  }

  function enqueue(): Promise<void> {
    const next = chain.then(writeNow);
    // a failed write must not block later ones; flush() still sees its rejection
    chain = next.catch((err: unknown) => {
      dirty = true;
      log.error('sandbox data file write failed', { file, error: (err as Error).message });
    });
    return next;
  }

  return {
    schedule() {
      dirty = true;
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void enqueue().catch(() => undefined);
      }, DEBOUNCE_MS);
      timer.unref();
    },

    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      await chain;
      await enqueue();
    },
  };
}
