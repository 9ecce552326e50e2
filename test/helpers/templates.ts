/** Dossiers per province in the test templates: enough for paging and filters, small enough to seed fast. */
export const TEMPLATE_DOSSIERS = 1500;
export const templateName = (code: string) => `tpl_${code}`;
