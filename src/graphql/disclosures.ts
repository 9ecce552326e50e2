import { encodeId } from './ids.ts';

/**
 * The personal data one response shows unmasked: which dossiers and which fields, never the values.
 * Field resolvers note each disclosure as they resolve; before the response leaves, the audit plugin
 * writes one record of it (src/server/audit.ts), or sends no personal data at all.
 */
export interface Disclosures {
  /** Notes that `field` (a schema coordinate such as `Applicant.name`) of this dossier is in the response. */
  note(dossier: { province: string; id: number; code: string }, field: string): void;
  /**
   * Notes a search over applicants (by name or identity number) in these provinces: what it matched, even
   * a bare count, says something about a person, so it is audited like the data itself.
   */
  noteSearch(provinces: readonly string[]): void;
  /** Nothing personal was shown or searched. */
  readonly empty: boolean;
  /** Dossier global ids with their codes, and the fields shown, each sorted. */
  summary(): { dossiers: string[]; dossierCodes: string[]; fields: string[]; provinces: string[] };
}

/** The audit record's field for a search over applicants. */
export const SEARCH_FIELD = 'DossierFilter.search';

export function createDisclosures(): Disclosures {
  const dossiers = new Map<string, string>();
  const fields = new Set<string>();
  const provinces = new Set<string>();
  return {
    note(d, field) {
      provinces.add(d.province);
      dossiers.set(encodeId('Dossier', d.province, d.id), d.code);
      fields.add(field);
    },
    noteSearch(searched) {
      fields.add(SEARCH_FIELD);
      for (const p of searched) provinces.add(p);
    },
    get empty() {
      return fields.size === 0;
    },
    summary() {
      const ids = [...dossiers.keys()].sort();
      return {
        dossiers: ids,
        dossierCodes: ids.map((id) => dossiers.get(id)!),
        fields: [...fields].sort(),
        provinces: [...provinces].sort(),
      };
    },
  };
}
