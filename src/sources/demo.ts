/** The five provinces of the seed articles, each seeded into its own database. */
export interface ProvinceInfo {
  /** National administrative-unit code (mã đơn vị hành chính), e.g. 40 for Nghệ An. */
  code: string;
  slug: string;
  name: string;
  /** The H-group of the agency electronic identifier (QCVN 102), e.g. H41 for Nghệ An. */
  agencySuffix: string;
}

export const DEMO_PROVINCES: readonly ProvinceInfo[] = [
  { code: '40', slug: 'nghe-an', name: 'Nghệ An', agencySuffix: 'H41' },
  { code: '17', slug: 'hoa-binh', name: 'Hòa Bình', agencySuffix: 'H28' },
  { code: '67', slug: 'dak-nong', name: 'Đắk Nông', agencySuffix: 'H63' },
  { code: '30', slug: 'hai-duong', name: 'Hải Dương', agencySuffix: 'H24' },
  { code: '96', slug: 'ca-mau', name: 'Cà Mau', agencySuffix: 'H12' },
];

export const HUB_DATABASE = 'lienthong_hub';
export const provinceDatabase = (code: string) => `province_${code}`;

/** Province facts for any source: the demo table when the code is known, a derived agency suffix otherwise. */
export function provinceInfo(source: { code: string; slug: string; name: string }): ProvinceInfo {
  return (
    DEMO_PROVINCES.find((p) => p.code === source.code) ?? {
      code: source.code,
      slug: source.slug,
      name: source.name,
      agencySuffix: `H${source.code.padStart(2, '0')}`,
    }
  );
}
