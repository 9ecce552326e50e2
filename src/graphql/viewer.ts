/**
 * The scopes a caller may hold (README "Access"). `read` reads everything with personal data masked;
 * the others add to it.
 */
export const SCOPES = {
  read: 'Read units, procedures, documents and dossiers, with applicants masked',
  'pii:read':
    "Read applicants' personal data unmasked, and search dossiers by applicant (each such answer is audited)",
  'sync:read': 'Read portal sync runs and portal status',
  'audit:read': 'Read the audit log of personal data',
  'metrics:read': 'Read /metrics when the hub is not bound to loopback',
} as const;
export type Scope = keyof typeof SCOPES;
export const isScope = (s: string): s is Scope => Object.hasOwn(SCOPES, s);

/** Who is asking: scopes decide what they may see (e.g. `pii:read` for applicants' personal data). */
export interface Viewer {
  /**
   * Stable actor id for audit and rate limits: `key:<id>`, `oidc:<subject>`, `anonymous`, or `cli:<os user>`
   * for an operator running a CLI command on the hub's databases.
   */
  id: string;
  kind: 'anonymous' | 'api-key' | 'oidc' | 'operator';
  scopes: ReadonlySet<string>;
  /** Provinces the viewer may read; null for all. */
  provinces: ReadonlySet<string> | null;
}

/** A caller without credentials: reads masked data when ANONYMOUS_READ allows it, else nothing but the public lookup. */
export const anonymousViewer = (mayRead: boolean): Viewer => ({
  id: 'anonymous',
  kind: 'anonymous',
  scopes: new Set(mayRead ? ['read'] : []),
  provinces: null,
});

export const hasScope = (viewer: Viewer, scope: Scope) => viewer.scopes.has(scope);

/** Whether the viewer may read this province's data. */
export const mayReadProvince = (viewer: Viewer, code: string) =>
  viewer.provinces == null || viewer.provinces.has(code);
