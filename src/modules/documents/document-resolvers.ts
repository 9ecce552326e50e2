import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { encodeId } from '../../graphql/ids.ts';
import { fromSource } from '../../graphql/loaders.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { column, globalId, type Renders } from '../../graphql/render.ts';

export const documentResolvers: Resolvers = {
  Query: {
    documents: (_, args, ctx) => ctx.documents.list(args),
    document: (_, args, ctx, info) => fromSource(ctx.fed, info, ctx.documents.get(args)),
  },
  Document: {
    id: (d) => encodeId('Document', d.province, d.id),
    province: (d, _, ctx) => ctx.provinces.of(d),
    issuer: (d, _, ctx, info) =>
      d.issuerUnitId == null
        ? null
        : fromSource(ctx.fed, info, ctx.units.load({ province: d.province, id: d.issuerUnitId })),
    attachments: (d, _, ctx, info) => fromSource(ctx.fed, info, ctx.documents.attachments(d)),
    procedures: (d, _, ctx, info) => fromSource(ctx.fed, info, ctx.procedures.ofDocument(d)),
    dossiers: (d, args, ctx, info) => fromSource(ctx.fed, info, ctx.dossiers.ofDocument(d, args)),
  },
  DocumentConnection: { totalCount: (c, _, ctx, info) => fromSource(ctx.fed, info, c.totalCount()) },
};

/** A document's fields PostgreSQL writes as JSON in a rendered read (src/graphql/render.ts). */
export const documentRenders: Renders<GraphQLContext> = {
  roots: {},
  fields: {
    'Document.id': globalId('Document'),
    'Document.numberSymbol': column('number_symbol'),
    'Document.number': column('number'),
    'Document.year': column('year'),
    'Document.issuerName': column('issuer_name'),
    'Document.place': column('place'),
    'Document.issuedOn': column('issued_on'),
    'Document.summary': column('summary'),
    'Document.urgency': column('urgency'),
    'Document.confidentiality': column('confidentiality'),
  },
};
