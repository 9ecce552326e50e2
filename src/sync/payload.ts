import { CHANNELS, contentHashOf } from './payload-schema.ts';
import type {
  Fee,
  LegalBasis,
  ProcedureContent,
  ProcedurePayload,
  ProcessingTime,
  Requirement,
} from './payload-schema.ts';

/** A procedure of a province's catalogue with everything the national portal receives about it. */
export interface CatalogueProcedure {
  id: number;
  nationalCode: string;
  name: string;
  field: string;
  level: ProcedurePayload['level'];
  onlineService: ProcedurePayload['onlineService'];
  status: ProcedurePayload['status'];
  revision: number;
  /** Processing time and fee per channel and case (procedure_channels). */
  channels: CatalogueChannel[];
  requirements: CatalogueRequirement[];
  /** procedure_documents with role LEGAL_BASIS. */
  legalBasis: CatalogueDocument[];
  /** units.code of procedure_units with role IMPLEMENTING. */
  implementingAgencies: string[];
}

export interface CatalogueChannel {
  channel: ProcessingTime['channel'];
  case: string;
  processingTime: number;
  timeUnit: ProcessingTime['unit'];
  feeVnd: number;
  feeNote: string | null;
}

export interface CatalogueRequirement {
  case: string;
  position: number;
  name: string;
  form: string | null;
  originals: number;
  copies: number;
}

export interface CatalogueDocument {
  numberSymbol: string;
  issuedOn: string;
  summary: string;
}

/** Byte-order comparison, the same in every locale, so the hash never depends on the machine. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const channelRank = (c: string) => CHANNELS.indexOf(c as (typeof CHANNELS)[number]);
const byChannelAndCase = (a: { channel: string; case: string }, b: { channel: string; case: string }) =>
  channelRank(a.channel) - channelRank(b.channel) || compareText(a.case, b.case);

/**
 * The payload the national portal receives for a procedure. Pure: lists are put in a canonical order so
 * the content hash depends on the content only, never on the order rows came back from the database.
 */
export function toProcedurePayload(p: CatalogueProcedure): ProcedurePayload {
  const channels = [...p.channels].sort(byChannelAndCase);
  const processingTimes: ProcessingTime[] = channels.map((c) => ({
    channel: c.channel,
    case: c.case,
    value: c.processingTime,
    unit: c.timeUnit,
  }));
  const fees: Fee[] = channels.map((c) => ({
    channel: c.channel,
    case: c.case,
    amountVnd: c.feeVnd,
    note: c.feeNote,
  }));
  const requirements: Requirement[] = [...p.requirements]
    .sort((a, b) => compareText(a.case, b.case) || a.position - b.position)
    .map((r) => ({
      case: r.case,
      position: r.position,
      name: r.name,
      form: r.form,
      originals: r.originals,
      copies: r.copies,
    }));
  const legalBasis: LegalBasis[] = [...p.legalBasis]
    .sort(
      (a, b) =>
        compareText(a.issuedOn, b.issuedOn) ||
        compareText(a.numberSymbol, b.numberSymbol) ||
        compareText(a.summary, b.summary),
    )
    .map((d) => ({ numberSymbol: d.numberSymbol, issuedOn: d.issuedOn, summary: d.summary }));
  const content: ProcedureContent = {
    nationalCode: p.nationalCode,
    name: p.name,
    field: p.field,
    level: p.level,
    onlineService: p.onlineService,
    processingTimes,
    fees,
    requirements,
    legalBasis,
    implementingAgencies: [...new Set(p.implementingAgencies)].sort(compareText),
    status: p.status,
  };
  return { ...content, revision: p.revision, contentHash: contentHashOf(content) };
}
