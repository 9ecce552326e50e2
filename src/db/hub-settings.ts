import type { Knex } from 'knex';

/**
 * A hub setting, generated on first use: the first hub instance to ask stores `generate()`, every later
 * one (and any instance racing it) reads that same value.
 */
export async function generatedSetting(hub: Knex, name: string, generate: () => string): Promise<string> {
  // two statements: under READ COMMITTED the select sees a row a concurrent instance committed meanwhile
  await hub.raw(`INSERT INTO hub_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, [
    name,
    generate(),
  ]);
  const { rows } = await hub.raw<{ rows: { value: string }[] }>(
    `SELECT value FROM hub_settings WHERE name = ?`,
    [name],
  );
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`hub setting ${name} could not be stored`);
  return value;
}
