import type { Federation } from '../sources/federation.ts';
import type { Disclosures } from './disclosures.ts';
import type { Relations } from './embed.ts';
import type { Renders } from './render.ts';
import type { Viewer } from './viewer.ts';

/**
 * The services of the domain modules, one property each. Each module adds its own by declaration
 * merging (`declare module '…/graphql/context.ts' { interface Services { units: UnitService } }`),
 * so this layer never imports the modules built on it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

/** Everything a resolver may use, created fresh for every request (so loaders never leak across users). */
export interface GraphQLContext extends Services {
  requestId: string;
  /**
   * The request's clock, taken once when it starts: whatever depends on "now" (open dossiers pending or
   * overdue) is judged at this instant in every province, not at each database's own now().
   */
  requestTime: Date;
  viewer: Viewer;
  /** The caller's network address (the socket's; the hub trusts no forwarding header), for per-address limits. */
  clientAddress: string;
  fed: Federation;
  /** The relations a statement may read for its rows' resolvers (src/graphql/embed.ts). */
  relations: Relations<GraphQLContext>;
  /** What PostgreSQL can write as the response's JSON (src/graphql/render.ts); null: nothing is rendered. */
  renders: Renders<GraphQLContext> | null;
  /** Set when the operation was answered by a rendered read (reported with the debug statement count). */
  rendered?: boolean;
  /** Personal data this response shows unmasked, for its audit record. */
  disclosures: Disclosures;
}
