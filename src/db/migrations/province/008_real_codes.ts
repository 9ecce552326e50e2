import type { Knex } from 'knex';

/**
 * Real agency identifiers (Decision 20/2020/QĐ-TTg, shape from QCVN 102) and the tables the 2025
 * reorganisation needs.
 *
 * Identifiers read right to left: `000.ZZ.YY.Hxx` is unit ZZ under level-2 unit YY (a department or a
 * district) of province Hxx. Databases seeded before this migration have three faults, which `up`
 * rewrites in place: the province group of Đắk Nông (H63, should be H17) and Hải Dương (H24, should be
 * H26); commune identifiers with their groups the wrong way round (`000.<district index>.<commune>`
 * instead of `000.<commune>.<district>`); the one-stop centre's malformed `001.00.01.Hxx`, which becomes
 * `000.01.01.Hxx` (a centre directly under the provincial office, 01). Every replaced identifier stays an
 * alias of its unit (`unit_code_aliases`), and every dossier whose code starts with one (`<unit>-yyMMdd-NNNN`)
 * is re-coded, its old code kept in `dossier_code_aliases`. On a database with no units (a fresh one, or
 * one seeded by the current generator) the rewrite changes nothing.
 *
 * The province group is changed only for a province this migration knows by its statistical code (the
 * root unit's GSO code): H24 is Hà Nội's and H63 Yên Bái's, so a suffix alone proves nothing.
 *
 * Tables for the reorganisation:
 * - `unit_external_successors`: a unit's successor in another province's database, which a foreign key
 *   cannot reach (UBND tỉnh Hòa Bình → UBND tỉnh Phú Thọ on 2025-07-01);
 * - `procedure_levels`: a procedure's level by period, since district-level procedures became
 *   commune-level from 2025-07-01 (`procedures.level` is today's level; the national code never changes);
 * - `lt_unit_on(unit, day)`: the unit that stands for `unit` on `day` (itself while valid, else its
 *   successors followed forward; NULL when none in this database is valid that day, e.g. a merged
 *   province's units after 2025-06-30, or a unit not yet created).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- identifiers a unit had before; a lookup by code also finds the unit by an alias
    CREATE TABLE unit_code_aliases (
      alias        text PRIMARY KEY,
      unit_id      bigint NOT NULL REFERENCES units(id),
      replaced_on  date NOT NULL DEFAULT current_date,
      reason       text
    );
    CREATE INDEX unit_code_aliases_unit_idx ON unit_code_aliases (unit_id);

    -- successors outside this database (another province's units): kept by code and name
    CREATE TABLE unit_external_successors (
      unit_id            bigint NOT NULL REFERENCES units(id),
      kind               text NOT NULL CHECK (kind IN ('MERGED_INTO','SPLIT_INTO','RENAMED_TO')),
      province_code      text NOT NULL,   -- national administrative-unit code of the successor's province, e.g. 25
      province_name      text NOT NULL,
      successor_code     text,            -- the successor's agency identifier, when known
      successor_name     text NOT NULL,   -- e.g. UBND tỉnh Phú Thọ
      effective_on       date NOT NULL,
      document_id        bigint REFERENCES documents(id),
      PRIMARY KEY (unit_id, province_code, successor_name)
    );

    -- a procedure's level (cấp thực hiện) by period
    CREATE TABLE procedure_levels (
      procedure_id  bigint NOT NULL REFERENCES procedures(id),
      level         text NOT NULL CHECK (level IN ('PROVINCE','DISTRICT','COMMUNE')),
      valid_from    date NOT NULL,
      valid_to      date,
      PRIMARY KEY (procedure_id, valid_from),
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );

    CREATE OR REPLACE FUNCTION lt_unit_on(unit bigint, day date) RETURNS bigint
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
      WITH RECURSIVE chain(id, depth) AS (
        SELECT unit, 0
        UNION ALL
        SELECT (SELECT l.successor_id FROM unit_lineage l WHERE l.predecessor_id = c.id
                 ORDER BY l.effective_on, l.successor_id LIMIT 1), c.depth + 1
          FROM chain c JOIN units u ON u.id = c.id
         WHERE c.depth < 10 AND u.valid_to IS NOT NULL AND u.valid_to < day
      )
      SELECT c.id FROM chain c JOIN units u ON u.id = c.id
       WHERE u.valid_from <= day AND (u.valid_to IS NULL OR u.valid_to >= day)
       ORDER BY c.depth LIMIT 1
    $$;
  `);
  await rewriteUnitCodes(knex);
}

export async function down(knex: Knex): Promise<void> {
  // rewritten identifiers stay: the old ones were wrong, and their dossier aliases remain findable
  await knex.raw(`
    DROP FUNCTION IF EXISTS lt_unit_on(bigint, date);
    DROP TABLE IF EXISTS procedure_levels, unit_external_successors, unit_code_aliases;`);
}

/** Province group by the province's statistical code, for the provinces whose group was once wrong. */
const AGENCY_SUFFIX_BY_GSO: Readonly<Record<string, string>> = {
  '40': 'H41', // Nghệ An
  '17': 'H28', // Hòa Bình
  '67': 'H17', // Đắk Nông (was H63)
  '30': 'H26', // Hải Dương (was H24)
  '96': 'H12', // Cà Mau
};

export interface CodeRewrite {
  units: number;
  dossiers: number;
}

/**
 * Rewrites old-shape unit identifiers (and the dossier codes built on them) to the real shape, keeping
 * the old ones as aliases. Idempotent: a second run finds nothing to change.
 */
export async function rewriteUnitCodes(knex: Knex): Promise<CodeRewrite> {
  const root = (
    await knex.raw<{ rows: { code: string; gso: string | null }[] }>(`
      SELECT u.code, (SELECT c.code FROM unit_admin_codes c WHERE c.unit_id = u.id AND c.system = 'GSO' ORDER BY c.valid_from DESC LIMIT 1) AS gso
        FROM units u WHERE u.kind = 'PEOPLES_COMMITTEE' AND u.parent_id IS NULL ORDER BY u.id LIMIT 1`)
  ).rows[0];
  if (!root) return { units: 0, dossiers: 0 };
  const current = root.code.split('.').at(-1)!;
  const suffix = (root.gso && AGENCY_SUFFIX_BY_GSO[root.gso]) ?? current;
  // runs inside a transaction (a migration's, or the caller's): temporary tables go with it
  await knex.raw(`SET LOCAL statement_timeout = 0`);
  await knex.raw(`DROP TABLE IF EXISTS pg_temp.lt_unit_code_map, pg_temp.lt_dossier_code_map`);
  await knex.raw(
    `
    CREATE TEMP TABLE lt_unit_code_map ON COMMIT DROP AS
    SELECT u.id, u.code AS old_code,
      CASE
        -- the one-stop centre under the provincial office (01): 001.00.01.Hxx → 000.01.01.Hxx
        WHEN u.kind = 'CENTRE' AND u.code ~ '^001\\.00\\.01\\.H\\d\\d$' THEN '000.01.01.' || :suffix
        -- a unit under a level-2 unit (000.00.YY) reads 000.<own>.<YY>: old communes were 000.<district index>.<own>
        WHEN p.parent_id IS NOT NULL AND p.code ~ '^000\\.00\\.\\d\\d\\.H\\d\\d$' AND u.code ~ '^000\\.\\d\\d\\.\\d\\d\\.H\\d\\d$'
             AND split_part(u.code, '.', 3) <> split_part(p.code, '.', 3)
          THEN '000.' || split_part(u.code, '.', 3) || '.' || split_part(p.code, '.', 3) || '.' || :suffix
        ELSE regexp_replace(u.code, '\\.H\\d\\d$', '.' || :suffix)
      END AS new_code
      FROM units u LEFT JOIN units p ON p.id = u.parent_id`,
    { suffix },
  );
  await knex.raw(`DELETE FROM lt_unit_code_map WHERE new_code = old_code`);
  const clash = (
    await knex.raw<{ rows: { code: string }[] }>(`
      SELECT m.new_code AS code FROM lt_unit_code_map m
       WHERE EXISTS (SELECT 1 FROM units u WHERE u.code = m.new_code AND u.id NOT IN (SELECT id FROM lt_unit_code_map))
          OR (SELECT count(*) FROM lt_unit_code_map n WHERE n.new_code = m.new_code) > 1
       LIMIT 1`)
  ).rows[0];
  if (clash) throw new Error(`Unit code rewrite would give two units the identifier ${clash.code}`);
  // codes move in two steps: a unique index is checked row by row, and one unit's new code can be the old
  // code of another that is moving too (the old commune 000.01.01 and the centre's new 000.01.01)
  await knex.raw(`UPDATE units u SET code = '~' || u.id FROM lt_unit_code_map m WHERE u.id = m.id`);
  const units = await knex.raw<{ rowCount: number }>(`
    WITH a AS (
      INSERT INTO unit_code_aliases (alias, unit_id, reason)
      SELECT old_code, id, 'identifier corrected (Decision 20/2020/QĐ-TTg)' FROM lt_unit_code_map
      ON CONFLICT (alias) DO NOTHING)
    UPDATE units u SET code = m.new_code FROM lt_unit_code_map m WHERE u.id = m.id`);
  if (units.rowCount === 0) return { units: 0, dossiers: 0 };
  await knex.raw(`
    CREATE TEMP TABLE lt_dossier_code_map ON COMMIT DROP AS
    SELECT d.id, d.code AS old_code, m.new_code || substr(d.code, length(m.old_code) + 1) AS new_code
      FROM dossiers d JOIN lt_unit_code_map m ON split_part(d.code, '-', 1) = m.old_code`);
  await knex.raw(`UPDATE dossiers d SET code = '~' || d.id FROM lt_dossier_code_map m WHERE d.id = m.id`);
  const dossiers = await knex.raw<{ rowCount: number }>(`
    WITH a AS (
      INSERT INTO dossier_code_aliases (alias, dossier_id)
      SELECT old_code, id FROM lt_dossier_code_map
      ON CONFLICT (alias) DO NOTHING)
    UPDATE dossiers d SET code = m.new_code FROM lt_dossier_code_map m WHERE d.id = m.id`);
  return { units: units.rowCount, dossiers: dossiers.rowCount };
}
