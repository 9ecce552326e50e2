import type { Knex } from 'knex';
import { afterAll } from 'vitest';
import { createKnex, dropDatabase } from '../../src/db/knex.ts';
import { adminUrl, cloneDatabase, dbUrl } from './hub.ts';
import { templateName } from './templates.ts';

/**
 * Copies of the provinces' seeded test templates for one test file, made on first use and dropped after
 * the file. Never a connection to a template itself: while one is open, other files cannot clone it
 * (CREATE DATABASE … TEMPLATE fails with SQLSTATE 55006).
 */
export function seededCopies(prefix: string): (code: string) => Promise<Knex> {
  const opened: Knex[] = [];
  const created: string[] = [];
  const copies = new Map<string, Promise<Knex>>();
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.destroy()));
    for (const name of created) await dropDatabase(adminUrl(), name);
  });
  return (code) => {
    let copy = copies.get(code);
    if (!copy) {
      const name = `${prefix}_${code}`;
      created.push(name);
      copy = cloneDatabase(templateName(code), name).then(() => {
        const db = createKnex(dbUrl(name));
        opened.push(db);
        return db;
      });
      copies.set(code, copy);
    }
    return copy;
  };
}

/** The rows of a raw SQL statement. */
export const rows = async <T>(db: Knex, sql: string, bindings: readonly Knex.RawBinding[] = []) =>
  (await db.raw<{ rows: T[] }>(sql, bindings)).rows;
