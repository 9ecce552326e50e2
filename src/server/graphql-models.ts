import type { DocumentEntity } from '../modules/documents/document-store.ts';
import type { DossierEntity } from '../modules/dossiers/dossier-store.ts';
import type { ProcedureEntity } from '../modules/procedures/procedure-store.ts';
import type { UnitEntity } from '../modules/units/unit-store.ts';
import type { Connection, Edge } from './connection.ts';

/** Parent types of resolvers (codegen `mappers`): what each GraphQL type is backed by. */
export interface ProvinceModel {
  code: string;
  slug: string;
  name: string;
}

export interface UnitLineageModel {
  province: string;
  kind: string;
  successorId: number;
  effectiveOn: string;
  documentId: number | null;
}

export interface AdministrativeCodeModel {
  system: string;
  code: string;
  validFrom: string;
  validTo: string | null;
}

export type UnitConnectionModel = Connection<UnitEntity>;
export type UnitEdgeModel = Edge<UnitEntity>;
export type ProcedureConnectionModel = Connection<ProcedureEntity>;
export type ProcedureEdgeModel = Edge<ProcedureEntity>;
export type DossierConnectionModel = Connection<DossierEntity>;
export type DossierEdgeModel = Edge<DossierEntity>;
export type DocumentConnectionModel = Connection<DocumentEntity>;
export type DocumentEdgeModel = Edge<DocumentEntity>;
