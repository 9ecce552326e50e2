/** Who is asking: scopes decide what they may see (e.g. `pii:read` for applicants' personal data). */
export interface Viewer {
  id: string;
  scopes: ReadonlySet<string>;
  /** Provinces the viewer may read; null for all. */
  provinces: ReadonlySet<string> | null;
}

export const ANONYMOUS: Viewer = { id: 'anonymous', scopes: new Set(), provinces: null };

export const hasScope = (viewer: Viewer, scope: string) => viewer.scopes.has(scope);
