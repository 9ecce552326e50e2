import type { Knex } from 'knex';
import { builtOnce, columnNames, jsonList, rowOf, type Sql } from '../../db/json-rows.ts';
import {
  applyAfter,
  orderBy,
  firstPerParent,
  sortSelect,
  type SortColumn,
  type SortSpec,
} from '../../db/keyset.ts';
import type { FetchPage, Sorted } from '../../graphql/connection.ts';
import { whereFolded } from '../../db/sql.ts';
import {
  rowsOf,
  type DocumentRow,
  type DossierDocumentRow,
  type ProcedureDocumentRow,
  type Qualified,
  type Selected,
} from '../../db/tables.ts';
import type { AttachmentEntity, DocumentEntity } from '../../graphql/models.ts';
import type { DocumentType } from '../../graphql/generated/schema-types.ts';

export interface DocumentListFilter {
  type?: DocumentType | null | undefined;
  issuerUnitId?: number | undefined;
  issuerSymbol?: string | undefined;
  issuedFrom?: string | null | undefined;
  issuedTo?: string | null | undefined;
  search?: string | null | undefined;
}

export const DOCUMENT_SORTS = {
  ISSUED_ON: { key: 'document.issuedOn', expr: 'dc.issued_on', idExpr: 'dc.id', kind: 'date' },
  NUMBER_SYMBOL: { key: 'document.numberSymbol', expr: 'dc.number_symbol', idExpr: 'dc.id', kind: 'text' },
} as const satisfies Record<string, Omit<SortSpec, 'direction'>>;

const COLUMNS = [
  'dc.id',
  'dc.number_symbol',
  'dc.number',
  'dc.year',
  'dc.type',
  'dc.issuer_symbol',
  'dc.issuer_unit_id',
  'dc.issuer_name',
  'dc.place',
  'dc.issued_on',
  'dc.summary',
  'dc.signer_name',
  'dc.signer_position',
  'dc.signer_authority',
  'dc.urgency',
  'dc.confidentiality',
] as const satisfies readonly Qualified<'dc', DocumentRow>[];
// knex cannot type an aliased table: `documents as dc` rows come through rowsOf<Row>, Row from COLUMNS
type Row = Selected<DocumentRow, typeof COLUMNS>;
type LinkRole = ProcedureDocumentRow['role'] | DossierDocumentRow['role'];
const LINKED_NAMES = [...columnNames(COLUMNS), '_parent', '_role'];

/** A dossier's documents for a rendered read (src/graphql/render.ts), in ofDossiers' order. */
export const DOCUMENTS_OF_DOSSIER = {
  from: (row: string, alias: string) =>
    `dossier_documents ${alias}_l JOIN documents ${alias} ON ${alias}.id = ${alias}_l.document_id WHERE ${alias}_l.dossier_id = ${row}.id`,
  order: (alias: string) => `${alias}.issued_on, ${alias}.id`,
};

export function documentStore(db: Knex, province: string) {
  const entity = (r: Row): DocumentEntity => ({
    province,
    id: r.id,
    numberSymbol: r.number_symbol,
    number: r.number,
    year: r.year,
    type: r.type,
    issuerSymbol: r.issuer_symbol,
    issuerUnitId: r.issuer_unit_id,
    issuerName: r.issuer_name,
    place: r.place,
    issuedOn: r.issued_on,
    summary: r.summary,
    signer: { name: r.signer_name, position: r.signer_position, authority: r.signer_authority },
    urgency: r.urgency,
    confidentiality: r.confidentiality,
  });
  const sorted = (r: Row & SortColumn): Sorted<DocumentEntity> => ({
    entity: entity(r),
    sort: r._sort,
    id: r.id,
  });
  const filtered = (f: DocumentListFilter, qb: Knex.QueryBuilder = db('documents as dc')) => {
    if (f.type) qb.where('dc.type', f.type);
    if (f.issuerUnitId !== undefined) qb.where('dc.issuer_unit_id', f.issuerUnitId);
    if (f.issuerSymbol) qb.where('dc.issuer_symbol', f.issuerSymbol);
    if (f.issuedFrom) qb.where('dc.issued_on', '>=', f.issuedFrom);
    if (f.issuedTo) qb.where('dc.issued_on', '<=', f.issuedTo);
    if (f.search) whereFolded(qb, `dc.number_symbol || ' ' || dc.summary`, f.search);
    return qb;
  };
  /** Linked documents of many parents (procedures or dossiers) with their role. */
  const linked = async (
    table: 'procedure_documents' | 'dossier_documents',
    parentColumn: string,
    ids: number[],
  ) => {
    const qb = db(`${table} as l`)
      .join('documents as dc', 'dc.id', 'l.document_id')
      .select(COLUMNS)
      .select(db.raw(`l.${parentColumn} AS _parent, l.role AS _role`))
      .whereRaw(`l.${parentColumn} = ANY(?)`, [ids])
      .orderBy([{ column: '_parent' }, { column: 'dc.issued_on' }, { column: 'dc.id' }]);
    const rows = await rowsOf<Row & { _parent: number; _role: LinkRole }>(qb);
    return rows.map((r) => ({ ...entity(r), parentId: r._parent, role: r._role }));
  };
  return {
    async list(f: DocumentListFilter, q: FetchPage): Promise<Sorted<DocumentEntity>[]> {
      const qb = filtered(f)
        .select(COLUMNS)
        .select(db.raw(sortSelect(q.spec)))
        .limit(q.limit);
      applyAfter(qb, q.spec, q.from, province);
      orderBy(qb, q.spec);
      return (await rowsOf<Row & SortColumn>(qb)).map(sorted);
    },
    async count(f: DocumentListFilter): Promise<number> {
      const row = await filtered(f).count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },
    async byIds(ids: number[]): Promise<DocumentEntity[]> {
      const qb = db('documents as dc').select(COLUMNS).whereRaw('dc.id = ANY(?)', [ids]);
      return (await rowsOf<Row>(qb)).map(entity);
    },
    /** The most recent document with this number/symbol (numbers restart each year). */
    async byNumberSymbol(numberSymbol: string): Promise<DocumentEntity | undefined> {
      const qb = db('documents as dc')
        .select(COLUMNS)
        .where('dc.number_symbol', numberSymbol)
        .orderBy('dc.issued_on', 'desc');
      // limit(1): the SQL of first(), read through the typed boundary
      const [row] = await rowsOf<Row>(qb.limit(1));
      return row && entity(row);
    },
    ofProcedures: (ids: number[]) => linked('procedure_documents', 'procedure_id', ids),
    ofDossiers: (ids: number[]) => linked('dossier_documents', 'dossier_id', ids),
    /** A dossier's documents as JSON in its statement, ordered as ofDossiers orders them (src/db/json-rows.ts). */
    ofDossierJson(parent: string, alias: string): Sql {
      const inner = builtOnce(`documents.ofDossier|${parent}`, () => {
        const s = db('dossier_documents as l')
          .join('documents as dc', 'dc.id', 'l.document_id')
          .select(COLUMNS)
          .select(db.raw('l.dossier_id AS _parent, l.role AS _role'))
          .select(db.raw('row_number() OVER (ORDER BY dc.issued_on, dc.id) AS _n'))
          .whereRaw(`l.dossier_id = ${parent}.id`)
          .toSQL();
        return { sql: s.sql, bindings: [...s.bindings] };
      });
      return jsonList(inner, LINKED_NAMES, alias, []);
    },
    linkedFromJson: (a: unknown[]) => {
      const r = rowOf<Row & { _parent: number; _role: LinkRole }>(a, LINKED_NAMES);
      return { ...entity(r), parentId: r._parent, role: r._role };
    },
    /** Documents issued by many units, `limit` per unit, one statement. */
    async issuedByUnits(
      unitIds: number[],
      q: FetchPage,
    ): Promise<(Sorted<DocumentEntity> & { parent: number })[]> {
      const inner = db('documents as dc').select(COLUMNS).whereRaw('dc.issuer_unit_id = ANY(?)', [unitIds]);
      const rows = await firstPerParent<Row>(db, inner, 'dc.issuer_unit_id', q, province);
      return rows.map((r) => ({ ...sorted(r), parent: r._parent }));
    },
    async countIssuedByUnits(unitIds: number[]): Promise<Map<number, number>> {
      const rows = await db('documents')
        .select('issuer_unit_id')
        .count({ n: '*' })
        .whereRaw('issuer_unit_id = ANY(?)', [unitIds])
        .groupBy('issuer_unit_id');
      // issuer_unit_id = ANY(…) leaves no NULL issuer
      return new Map(rows.map((r) => [r.issuer_unit_id!, Number(r.n)]));
    },
    async attachments(documentIds: number[]): Promise<AttachmentEntity[]> {
      const rows = await db('document_attachments')
        .select('document_id', 'name', 'media_type', 'size_bytes', 'sha256')
        .whereRaw('document_id = ANY(?)', [documentIds])
        .orderBy(['document_id', 'id']);
      return rows.map((r) => ({
        documentId: r.document_id,
        name: r.name,
        mediaType: r.media_type,
        sizeBytes: Number(r.size_bytes),
        sha256: r.sha256,
      }));
    },
  };
}
export type DocumentStore = ReturnType<typeof documentStore>;
