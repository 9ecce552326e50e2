/** The five provinces of the seed articles, each seeded into its own database. */
export interface ProvinceInfo {
  /** National administrative-unit code (mã đơn vị hành chính), e.g. 40 for Nghệ An. */
  code: string;
  slug: string;
  name: string;
  /**
   * The H-group of the agency electronic identifier (Decision 20/2020/QĐ-TTg, QCVN 102), e.g. H41 for Nghệ
   * An: the province's place in the alphabetical list of the 63 pre-2025 provinces (DOMAIN.md).
   */
  agencySuffix: string;
  /** Last day the province existed, when it was merged into another (Resolution 202/2025/QH15). */
  validTo?: string;
  /**
   * The province that took it over on the next day. Usually not a source of the hub, hence a code and a
   * name rather than a link: `code` is the successor's national administrative-unit code.
   */
  successor?: ProvinceSuccessor;
  /** Provinces merged into this one, which continues under its own name and code. */
  mergedFrom?: readonly (ProvinceSuccessor & { validTo: string })[];
}

export interface ProvinceSuccessor {
  /** National administrative-unit code of the successor province (Decision 124/2004), e.g. 25 for Phú Thọ. */
  code: string;
  name: string;
}

/** 1 July 2025: 63 provinces became 34 (Resolution 202/2025/QH15). */
const MERGED_ON_2025 = '2025-06-30';

export const DEMO_PROVINCES: readonly ProvinceInfo[] = [
  { code: '40', slug: 'nghe-an', name: 'Nghệ An', agencySuffix: 'H41' },
  {
    code: '17',
    slug: 'hoa-binh',
    name: 'Hòa Bình',
    agencySuffix: 'H28',
    validTo: MERGED_ON_2025,
    successor: { code: '25', name: 'Phú Thọ' },
  },
  {
    code: '67',
    slug: 'dak-nong',
    name: 'Đắk Nông',
    agencySuffix: 'H17',
    validTo: MERGED_ON_2025,
    successor: { code: '68', name: 'Lâm Đồng' },
  },
  {
    code: '30',
    slug: 'hai-duong',
    name: 'Hải Dương',
    agencySuffix: 'H26',
    validTo: MERGED_ON_2025,
    successor: { code: '31', name: 'Hải Phòng' },
  },
  // Bạc Liêu merged into Cà Mau, which continues under its own name and code (Bạc Liêu's own units are not
  // in this demo database: its system is not a source of the hub)
  {
    code: '96',
    slug: 'ca-mau',
    name: 'Cà Mau',
    agencySuffix: 'H12',
    mergedFrom: [{ code: '95', name: 'Bạc Liêu', validTo: MERGED_ON_2025 }],
  },
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
