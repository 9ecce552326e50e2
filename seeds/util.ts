import crypto from 'node:crypto';

/** Helpers shared by the catalogue seeds (units, documents, procedures). */

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const nfc = (s: string) => s.normalize('NFC');

export const CHUNK = 1000;

/** Inserts rows CHUNK per statement; `insert` is the (typed) INSERT of one chunk. */
export async function insertMany<R>(
  rows: readonly R[],
  insert: (chunk: R[]) => PromiseLike<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The same with INSERT … RETURNING id: the new ids, in the order of the rows. */
export async function insertReturningIds<R>(
  rows: readonly R[],
  insert: (chunk: R[]) => PromiseLike<{ id: number }[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    ids.push(...(await insert(rows.slice(i, i + CHUNK))).map((r) => r.id));
  }
  return ids;
}

export const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
