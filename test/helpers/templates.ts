/** Dossiers per province in the test templates: enough for paging and filters, small enough to seed fast. */
export const TEMPLATE_DOSSIERS = 1500;
export const templateName = (code: string) => `tpl_${code}`;
/** The demo's today for the test templates: fixed, so test data does not change with the date. */
export const TEMPLATE_TODAY = '2026-11-20';
