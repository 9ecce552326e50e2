import { BadUserInputError } from '../../errors.ts';
import { federatedConnection, type Connection } from '../../graphql/connection.ts';
import { decodeId } from '../../graphql/ids.ts';
import { entityLoader, listLoader, type LocalKey } from '../../graphql/loaders.ts';
import { nestedConnections } from '../../graphql/nested.ts';
import type { Source } from '../../sources/registry.ts';
import { embedList, type Embedding } from '../../graphql/embed.ts';
import { pageRequest, type PageArgs } from '../../graphql/pagination.ts';
import type { Federation } from '../../sources/federation.ts';
import { dateRange, localKeyOf, searchText, sortSpec, sourcesFor } from '../common/args.ts';
import { DOCUMENT_SORTS, documentStore } from './document-store.ts';
import type { DocumentEntity, UnitEntity } from '../../graphql/models.ts';
import type { DocumentType } from '../../graphql/generated/schema-types.ts';

export interface DocumentListArgs extends PageArgs {
  filter?: {
    provinces?: string[] | null;
    type?: DocumentType | null;
    issuer?: string | null;
    issuedFrom?: string | null;
    issuedTo?: string | null;
    search?: string | null;
  } | null;
  orderBy?: { field: keyof typeof DOCUMENT_SORTS; direction?: 'ASC' | 'DESC' | null } | null;
}

const DEFAULT_ORDER = { field: 'ISSUED_ON', direction: 'DESC' } as const;

/** Documents (văn bản): queries and this request's loaders. */
export function createDocumentService(fed: Federation) {
  const byId = entityLoader(fed, (s, ids) => documentStore(s.db, s.code).byIds(ids));
  const attachments = listLoader(
    fed,
    (s, ids) => documentStore(s.db, s.code).attachments(ids),
    (r) => r.documentId,
  );
  const ofProcedure = listLoader(
    fed,
    (s, ids) => documentStore(s.db, s.code).ofProcedures(ids),
    (r) => r.parentId,
  );
  const ofDossier = listLoader(
    fed,
    (s, ids) => documentStore(s.db, s.code).ofDossiers(ids),
    (r) => r.parentId,
  );
  const issuedBy = nestedConnections<DocumentEntity, null>(
    fed,
    (s, ids, _f, q) => documentStore(s.db, s.code).issuedByUnits(ids, q),
    (s, ids) => documentStore(s.db, s.code).countIssuedByUnits(ids),
  );

  return {
    async list(args: DocumentListArgs): Promise<Connection<DocumentEntity>> {
      const f = args.filter ?? {};
      const spec = sortSpec(DOCUMENT_SORTS, args.orderBy, DEFAULT_ORDER);
      const page = pageRequest(args, spec);
      dateRange(f.issuedFrom, f.issuedTo, 'issued');
      // issuer: a unit id pins one province; anything else is an issuer symbol (UBND, CP, TTg, …)
      const issuerUnit = f.issuer != null ? decodeId(f.issuer) : undefined;
      if (issuerUnit && issuerUnit.type !== 'Unit') {
        throw new BadUserInputError(`Argument "filter.issuer" must be a Unit id or an issuer symbol`, {
          argument: 'filter.issuer',
        });
      }
      if (f.issuer != null && !issuerUnit && !/^[\p{L}\d]{1,20}$/u.test(f.issuer)) {
        throw new BadUserInputError(
          `Argument "filter.issuer" is neither a Unit id nor an issuer symbol: "${f.issuer}"`,
          {
            argument: 'filter.issuer',
          },
        );
      }
      const sources = sourcesFor(fed, f.provinces, issuerUnit);
      const filter = {
        type: f.type,
        issuerUnitId: issuerUnit?.localId,
        issuerSymbol: issuerUnit ? undefined : (f.issuer ?? undefined),
        issuedFrom: f.issuedFrom,
        issuedTo: f.issuedTo,
        search: searchText(f.search),
      };
      return federatedConnection(
        fed,
        sources,
        spec,
        page,
        (s, q) => documentStore(s.db, s.code).list(filter, q),
        (s) => documentStore(s.db, s.code).count(filter),
      );
    },
    async get(args: {
      id?: string | null;
      numberSymbol?: string | null;
      province?: string | null;
    }): Promise<DocumentEntity | null> {
      if (args.id != null) {
        if (args.numberSymbol != null)
          throw new BadUserInputError('Give either "id" or "numberSymbol" with "province", not both');
        const key = localKeyOf(fed, args.id, 'Document');
        return key && byId.load(key);
      }
      if (args.numberSymbol == null)
        throw new BadUserInputError('Give "id", or "numberSymbol" with "province"');
      if (args.province == null) {
        throw new BadUserInputError(
          'Argument "province" is required with "numberSymbol": numbers repeat across issuers and years',
          {
            argument: 'province',
          },
        );
      }
      const [source] = fed.select([args.province], 'province');
      const numberSymbol = args.numberSymbol.normalize('NFC').trim();
      return (
        (await fed.one(source!, (s) =>
          documentStore(s.db, s.code)
            .byNumberSymbol(numberSymbol)
            .then((d) => d ?? null),
        )) ?? null
      );
    },
    load: (key: LocalKey) => byId.load(key),
    attachments: (d: DocumentEntity) => attachments.load({ province: d.province, id: d.id }),
    async ofProcedure(p: { province: string; id: number }, role: 'LEGAL_BASIS' | 'PUBLISHING_DECISION') {
      return (await ofProcedure.load({ province: p.province, id: p.id })).filter((d) => d.role === role);
    },
    ofDossier: (d: { province: string; id: number }) => ofDossier.load({ province: d.province, id: d.id }),
    /** `Dossier.documents` read in the dossier's statement (src/graphql/embed.ts). */
    embedOfDossier(source: Source): Embedding {
      const s = documentStore(source.db, source.code);
      return embedList(
        ofDossier,
        s.ofDossierJson,
        s.linkedFromJson,
        (d: { province: string; id: number }) => ({
          province: d.province,
          id: d.id,
        }),
      );
    },
    issuedBy: (u: UnitEntity, args: Omit<DocumentListArgs, 'filter'>) => {
      const spec = sortSpec(DOCUMENT_SORTS, args.orderBy, DEFAULT_ORDER);
      return issuedBy({ province: u.province, id: u.id }, spec, pageRequest(args, spec), null);
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;

declare module '../../graphql/context.ts' {
  interface Services {
    documents: DocumentService;
  }
}
