import type { CodegenConfig } from '@graphql-codegen/cli';

// Generated code is part of the GraphQL plumbing layer (src/graphql): the schema's types with no
// imports, and the resolver types, whose parents are the entity models and whose context is the
// GraphQLContext of that layer. Paths below are relative to the generated files.
const models = '../models.ts';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/graphql/generated/schema-types.ts': {
      plugins: ['typescript'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'Date | string', Date: 'string', ID: 'string' },
      },
    },
    'src/graphql/generated/resolvers.ts': {
      plugins: [
        { add: { content: "import type * as Types from './schema-types.ts';" } },
        'typescript-resolvers',
      ],
      config: {
        namespacedImportName: 'Types',
        useTypeImports: true,
        useIndexSignature: true,
        enumsAsTypes: true,
        contextType: '../context.ts#GraphQLContext',
        scalars: { DateTime: 'Date | string', Date: 'string', ID: 'string' },
        mappers: {
          Province: `${models}#ProvinceModel`,
          Unit: `${models}#UnitEntity`,
          UnitLineage: `${models}#UnitLineageModel`,
          AdministrativeCode: `${models}#AdministrativeCodeModel`,
          UnitConnection: `${models}#UnitConnectionModel`,
          UnitEdge: `${models}#UnitEdgeModel`,
          Procedure: `${models}#ProcedureEntity`,
          ProcedureChannel: `${models}#ProcedureChannelEntity`,
          ProcedureRequirement: `${models}#ProcedureRequirementEntity`,
          ProcedureConnection: `${models}#ProcedureConnectionModel`,
          ProcedureEdge: `${models}#ProcedureEdgeModel`,
          Dossier: `${models}#DossierEntity`,
          // the applicant is read off its dossier, so each field can mask or note its disclosure
          Applicant: `${models}#DossierEntity`,
          DossierEvent: `${models}#DossierEventEntity`,
          SupplementRequest: `${models}#SupplementEntity`,
          DossierConnection: `${models}#DossierConnectionModel`,
          DossierEdge: `${models}#DossierEdgeModel`,
          Document: `${models}#DocumentEntity`,
          Attachment: `${models}#AttachmentEntity`,
          DocumentConnection: `${models}#DocumentConnectionModel`,
          DocumentEdge: `${models}#DocumentEdgeModel`,
          SyncRun: `${models}#SyncRunEntity`,
          SyncItem: `${models}#SyncItemEntity`,
          SyncRunConnection: `${models}#SyncRunConnectionModel`,
          SyncRunEdge: `${models}#SyncRunEdgeModel`,
          PortalStatus: `${models}#PortalStatusEntity`,
          AuditRecord: `${models}#AuditRecordEntity`,
          AuditRecordConnection: `${models}#AuditRecordConnectionModel`,
          AuditRecordEdge: `${models}#AuditRecordEdgeModel`,
          IndicatorRow: `${models}#IndicatorRowModel`,
          IndicatorTable: `${models}#IndicatorTableModel`,
          // points are computed from their row
          ServiceQualityPoints: `${models}#IndicatorRowModel`,
        },
      },
    },
  },
};

export default config;
