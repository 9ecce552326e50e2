import { BadUserInputError } from '../errors.ts';

export const NODE_TYPES = ['Province', 'Unit', 'Procedure', 'Dossier', 'Document', 'SyncRun'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface DecodedId {
  type: NodeType;
  /** Province code (the source), or `hub` for hub objects. */
  province: string;
  localId: number;
}

/** Global ids are base64url of `Type:province:localId`: opaque to clients, stable, and carrying the source. */
export function encodeId(type: NodeType, province: string, localId: number | string): string {
  return Buffer.from(`${type}:${province}:${localId}`, 'utf8').toString('base64url');
}

export function decodeId(id: string): DecodedId | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return undefined;
  const parts = Buffer.from(id, 'base64url').toString('utf8').split(':');
  if (parts.length !== 3) return undefined;
  const [type, province, local] = parts as [string, string, string];
  if (!(NODE_TYPES as readonly string[]).includes(type)) return undefined;
  if (!/^[0-9a-z]{1,10}$/.test(province) || !/^\d{1,15}$/.test(local)) return undefined;
  return { type: type as NodeType, province, localId: Number(local) };
}

/** Decodes an id argument that must name an object of `type`; anything else is the caller's mistake. */
export function requireId(id: string, type: NodeType, argument: string): DecodedId {
  const decoded = decodeId(id);
  if (!decoded)
    throw new BadUserInputError(`Argument "${argument}" is not a valid id: "${id}"`, { argument });
  if (decoded.type !== type) {
    throw new BadUserInputError(`Argument "${argument}" must be a ${type} id, got a ${decoded.type} id`, {
      argument,
    });
  }
  return decoded;
}
