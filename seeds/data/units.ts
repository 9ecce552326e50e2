/**
 * Administrative structure of the five demo provinces as of 2024, and the 2025 reorganisation: the
 * department model of Decree 45/2025/NĐ-CP from 1 March 2025, districts abolished and communes
 * consolidated on 1 July 2025. District GSO codes are the real ones; commune lists start with real names
 * and are topped up with plausible generated ones (demo data, never official).
 */

export type DeptKey =
  | 'VP'
  | 'NV'
  | 'TP'
  | 'KHDT'
  | 'TC'
  | 'CT'
  | 'NN'
  | 'GTVT'
  | 'XD'
  | 'TNMT'
  | 'TTTT'
  | 'LDTBXH'
  | 'VHTT'
  | 'DL'
  | 'KHCN'
  | 'GDDT'
  | 'YT'
  | 'NGV'
  | 'BDT'
  | 'KKT'
  | 'CA'
  // Decree 45/2025/NĐ-CP (from 2025-03-01)
  | 'NNMT'
  | 'DTTG'
  | 'VHTTDL';

export interface DepartmentDef {
  key: DeptKey;
  name: string;
  /** Issuer symbol used in document numbers, e.g. STP in 1203/STP-HCTP. */
  symbol: string;
  kind: 'DEPARTMENT' | 'SECTOR_AGENCY';
  /** Drafting divisions used in công văn symbols. */
  divisions: readonly string[];
}

const DEPARTMENTS: Record<DeptKey, DepartmentDef> = {
  VP: {
    key: 'VP',
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    symbol: 'VPUBND',
    kind: 'SECTOR_AGENCY',
    divisions: ['TH', 'KSTT', 'HCTC'],
  },
  NV: {
    key: 'NV',
    name: 'Sở Nội vụ',
    symbol: 'SNV',
    kind: 'DEPARTMENT',
    divisions: ['TCBC', 'CCVC', 'CCHC', 'TĐKT'],
  },
  TP: {
    key: 'TP',
    name: 'Sở Tư pháp',
    symbol: 'STP',
    kind: 'DEPARTMENT',
    divisions: ['HCTP', 'BTTP', 'XDKTVB', 'PBGDPL'],
  },
  KHDT: {
    key: 'KHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    symbol: 'SKHĐT',
    kind: 'DEPARTMENT',
    divisions: ['ĐKKD', 'DN', 'TH'],
  },
  TC: {
    key: 'TC',
    name: 'Sở Tài chính',
    symbol: 'STC',
    kind: 'DEPARTMENT',
    divisions: ['QLNS', 'QLG-CS', 'TCDN'],
  },
  CT: {
    key: 'CT',
    name: 'Sở Công Thương',
    symbol: 'SCT',
    kind: 'DEPARTMENT',
    divisions: ['QLTM', 'QLCN', 'QLNL'],
  },
  NN: {
    key: 'NN',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    symbol: 'SNN',
    kind: 'DEPARTMENT',
    divisions: ['KHTC', 'TTBVTV', 'CNTY'],
  },
  GTVT: {
    key: 'GTVT',
    name: 'Sở Giao thông vận tải',
    symbol: 'SGTVT',
    kind: 'DEPARTMENT',
    divisions: ['QLVT', 'QLCL', 'QLKCHT'],
  },
  XD: {
    key: 'XD',
    name: 'Sở Xây dựng',
    symbol: 'SXD',
    kind: 'DEPARTMENT',
    divisions: ['QLHĐXD', 'QHKT', 'QLN'],
  },
  TNMT: {
    key: 'TNMT',
    name: 'Sở Tài nguyên và Môi trường',
    symbol: 'STNMT',
    kind: 'DEPARTMENT',
    divisions: ['QLĐĐ', 'MT', 'TNN'],
  },
  TTTT: {
    key: 'TTTT',
    name: 'Sở Thông tin và Truyền thông',
    symbol: 'STTTT',
    kind: 'DEPARTMENT',
    divisions: ['CNTT', 'TTBCXB', 'BCVT'],
  },
  LDTBXH: {
    key: 'LDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    symbol: 'SLĐTBXH',
    kind: 'DEPARTMENT',
    divisions: ['NCC', 'BTXH', 'LĐVL'],
  },
  VHTT: {
    key: 'VHTT',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    symbol: 'SVHTTDL',
    kind: 'DEPARTMENT',
    divisions: ['QLVH', 'QLTDTT', 'QLDL'],
  },
  DL: { key: 'DL', name: 'Sở Du lịch', symbol: 'SDL', kind: 'DEPARTMENT', divisions: ['QLDL', 'NVDL'] },
  KHCN: {
    key: 'KHCN',
    name: 'Sở Khoa học và Công nghệ',
    symbol: 'SKHCN',
    kind: 'DEPARTMENT',
    divisions: ['QLKH', 'QLCN', 'TĐC'],
  },
  GDDT: {
    key: 'GDDT',
    name: 'Sở Giáo dục và Đào tạo',
    symbol: 'SGDĐT',
    kind: 'DEPARTMENT',
    divisions: ['GDTrH', 'GDMN-TH', 'QLCL'],
  },
  YT: { key: 'YT', name: 'Sở Y tế', symbol: 'SYT', kind: 'DEPARTMENT', divisions: ['NVY', 'NVD', 'TCCB'] },
  NGV: { key: 'NGV', name: 'Sở Ngoại vụ', symbol: 'SNgV', kind: 'DEPARTMENT', divisions: ['LS', 'HTQT'] },
  BDT: { key: 'BDT', name: 'Ban Dân tộc', symbol: 'BDT', kind: 'SECTOR_AGENCY', divisions: ['CSDT', 'KHTH'] },
  KKT: {
    key: 'KKT',
    name: 'Ban Quản lý Khu kinh tế',
    symbol: 'BQL',
    kind: 'SECTOR_AGENCY',
    divisions: ['QLĐT', 'QLDN'],
  },
  CA: {
    key: 'CA',
    name: 'Công an tỉnh',
    symbol: 'CAT',
    kind: 'SECTOR_AGENCY',
    divisions: ['PC07', 'PX01', 'PC06'],
  },
  NNMT: {
    key: 'NNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    symbol: 'SNNMT',
    kind: 'DEPARTMENT',
    divisions: ['QLĐĐ', 'MT', 'TTBVTV', 'CNTY'],
  },
  DTTG: {
    key: 'DTTG',
    name: 'Sở Dân tộc và Tôn giáo',
    symbol: 'SDTTG',
    kind: 'DEPARTMENT',
    divisions: ['CSDT', 'TG'],
  },
  VHTTDL: {
    key: 'VHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    symbol: 'SVHTTDL',
    kind: 'DEPARTMENT',
    divisions: ['QLVH', 'QLTDTT', 'QLDL'],
  },
};

/** The day the Decree 45/2025 departments start, and the last day of those they replace. */
export const DECREE_45_FROM = '2025-03-01';
export const DECREE_45_LAST_DAY = '2025-02-28';
/** The day the district level is abolished and communes are consolidated, and the last day before. */
export const REORG_FROM = '2025-07-01';
export const REORG_LAST_DAY = '2025-06-30';

/**
 * Decree 45/2025/NĐ-CP (28/2/2025), as DOMAIN.md reports it: each department on the left ends on
 * 28 February 2025 and MERGED_INTO the one on the right. A target the province had before continues
 * (Sở Tài chính takes Kế hoạch và Đầu tư in); a target it did not have is a new unit from 1 March 2025
 * (Sở Nông nghiệp và Môi trường from Nông nghiệp và PTNT with Tài nguyên và Môi trường). Lao động – Thương
 * binh và Xã hội also gave tasks to Y tế and Giáo dục; its lineage names Nội vụ, which took the most.
 * Ban Dân tộc becomes Sở Dân tộc và Tôn giáo where the province had one; Nghệ An's separate Sở Du lịch and
 * Sở Văn hóa và Thể thao merge into Sở Văn hóa, Thể thao và Du lịch (reported; check each province's
 * decisions).
 */
export const DECREE_45: readonly { from: DeptKey; into: DeptKey }[] = [
  { from: 'KHDT', into: 'TC' },
  { from: 'GTVT', into: 'XD' },
  { from: 'TTTT', into: 'KHCN' },
  { from: 'LDTBXH', into: 'NV' },
  { from: 'NN', into: 'NNMT' },
  { from: 'TNMT', into: 'NNMT' },
  { from: 'BDT', into: 'DTTG' },
  { from: 'DL', into: 'VHTTDL' },
];

/** Decree 45's merges that apply to a province: those whose old department it had. */
export function decree45(def: ProvinceDef): { from: DeptKey; into: DeptKey }[] {
  const had = new Set(def.departments);
  const out = DECREE_45.filter((m) => had.has(m.from));
  // a province with both a culture-and-sports and a tourism department merges both into a new one
  if (had.has('DL') && had.has('VHTT')) out.push({ from: 'VHTT', into: 'VHTTDL' });
  return out;
}

export type DistrictKind = 'thành phố' | 'thị xã' | 'huyện';

export interface DistrictDef {
  gso: string;
  kind: DistrictKind;
  name: string;
  communes: number;
  /** Real commune-level names: `p:` ward (phường), `t:` town (thị trấn), otherwise a commune (xã). */
  known: string;
  /** Top-up names: `Diễn *` puts a word after a fixed syllable, `* Sơn` before it. */
  pattern?: string;
  /**
   * Urban districts (thành phố, thị xã): the wards (phường) formed on 1 July 2025 from all of the
   * district's communes, comma-separated (reported names; unverified outside Nghệ An).
   */
  wards2025?: string;
}

/** Commune-level units on the province's former territory from 1 July 2025. */
export interface CommuneReorg {
  /** Communes (xã) and wards (phường); their sum is the post-2025 commune-level count. */
  xa: number;
  phuong: number;
  /** Whether the counts are reported in DOMAIN.md; the others are believed figures, unverified. */
  verified: boolean;
}

export interface ProvinceDef {
  code: string;
  name: string;
  capital: string;
  /** Departments in agency-code order (000.00.01 … ). */
  departments: readonly DeptKey[];
  /** Overrides of department names (Nghệ An has a separate tourism department, …). */
  names?: Partial<Record<DeptKey, string>>;
  districts: readonly DistrictDef[];
  /** First GSO commune code; real codes step by 3. */
  communeBase: number;
  /** Tax code prefix (first 2 digits). */
  taxPrefix: string;
  /** Where the province went on 1 July 2025 (Resolution 202/2025/QH15), if merged. */
  mergedInto?: string;
  /** Number of the Standing Committee resolution that merged communes in 2025 (demo value). */
  communeResolution: number;
  /** Communes after 1 July 2025: urban districts become their `wards2025`, the rest share the `xa`. */
  reorg2025: CommuneReorg;
}

export function department(key: DeptKey, province: ProvinceDef): DepartmentDef {
  const base = DEPARTMENTS[key];
  const name = province.names?.[key] ?? base.name;
  return { ...base, name };
}

const STANDARD: readonly DeptKey[] = [
  'VP',
  'NV',
  'TP',
  'KHDT',
  'TC',
  'CT',
  'NN',
  'GTVT',
  'XD',
  'TNMT',
  'TTTT',
  'LDTBXH',
  'VHTT',
  'KHCN',
  'GDDT',
  'YT',
];

export const PROVINCES: Readonly<Record<string, ProvinceDef>> = {
  '40': {
    code: '40',
    name: 'Nghệ An',
    capital: 'thành phố Vinh',
    departments: [...STANDARD, 'DL', 'NGV', 'BDT', 'KKT', 'CA'],
    names: {
      VHTT: 'Sở Văn hóa và Thể thao',
      KKT: 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An',
      CA: 'Công an tỉnh Nghệ An',
    },
    communeBase: 16681,
    taxPrefix: '29',
    communeResolution: 1678,
    // DOMAIN.md: Nghệ An 130 (119 xã, 11 phường) from 1 July 2025 (reported)
    reorg2025: { xa: 119, phuong: 11, verified: true },
    districts: [
      {
        gso: '412',
        kind: 'thành phố',
        name: 'Vinh',
        wards2025: 'Thành Vinh,Trường Vinh,Vinh Hưng,Vinh Phú,Vinh Lộc',
        communes: 24,
        known:
          'p:Đông Vĩnh,p:Hà Huy Tập,p:Lê Lợi,p:Quán Bàu,p:Hưng Bình,p:Hưng Phúc,p:Hưng Dũng,p:Cửa Nam,p:Quang Trung,p:Đội Cung,p:Lê Mao,p:Trường Thi,p:Bến Thủy,p:Hồng Sơn,p:Trung Đô,p:Vinh Tân,p:Hưng Đông,p:Vinh Tân Lộc,Nghi Phú,Hưng Chính,Nghi Đức,Hưng Lộc,Nghi Ân,Nghi Kim,Nghi Liên,Hưng Hòa',
      },
      {
        gso: '413',
        kind: 'thị xã',
        name: 'Cửa Lò',
        wards2025: 'Cửa Lò',
        communes: 7,
        known: 'p:Nghi Thủy,p:Thu Thủy,p:Nghi Hòa,p:Nghi Hải,p:Nghi Hương,p:Nghi Thu,p:Nghi Tân',
      },
      {
        gso: '414',
        kind: 'thị xã',
        name: 'Thái Hòa',
        wards2025: 'Thái Hòa,Tây Hiếu',
        communes: 9,
        known:
          'p:Hòa Hiếu,p:Quang Tiến,p:Quang Phong,p:Long Sơn,Tây Hiếu,Nghĩa Thuận,Nghĩa Mỹ,Đông Hiếu,Nghĩa Tiến',
      },
      {
        gso: '415',
        kind: 'huyện',
        name: 'Quế Phong',
        communes: 14,
        known:
          't:Kim Sơn,Thông Thụ,Đồng Văn,Hạnh Dịch,Tiền Phong,Nậm Giải,Tri Lễ,Châu Kim,Mường Nọc,Châu Thôn,Nậm Nhoóng,Quang Phong,Căm Muộn',
      },
      {
        gso: '416',
        kind: 'huyện',
        name: 'Quỳ Châu',
        communes: 12,
        known:
          't:Tân Lạc,Châu Bính,Châu Thuận,Châu Hội,Châu Nga,Châu Tiến,Châu Hạnh,Châu Thắng,Châu Phong,Châu Bình,Châu Hoàn,Diên Lãm',
      },
      {
        gso: '417',
        kind: 'huyện',
        name: 'Kỳ Sơn',
        communes: 21,
        known:
          't:Mường Xén,Mỹ Lý,Bắc Lý,Keng Đu,Đoọc Mạy,Huồi Tụ,Mường Lống,Na Loi,Nậm Cắn,Bảo Nam,Phà Đánh,Bảo Thắng,Hữu Lập,Tà Cạ,Chiêu Lưu,Mường Típ,Hữu Kiệm,Tây Sơn,Mường Ải,Na Ngoi,Nậm Càn',
      },
      {
        gso: '418',
        kind: 'huyện',
        name: 'Tương Dương',
        communes: 17,
        known:
          't:Thạch Giám,Mai Sơn,Nhôn Mai,Hữu Khuông,Yên Tĩnh,Nga My,Xiêng My,Lưỡng Minh,Yên Hòa,Yên Na,Lưu Kiền,Xá Lượng,Tam Thái,Tam Đình,Yên Thắng,Tam Quang,Tam Hợp',
      },
      {
        gso: '419',
        kind: 'huyện',
        name: 'Nghĩa Đàn',
        communes: 24,
        known:
          't:Nghĩa Đàn,Nghĩa Mai,Nghĩa Yên,Nghĩa Lạc,Nghĩa Lâm,Nghĩa Sơn,Nghĩa Lợi,Nghĩa Bình,Nghĩa Thọ,Nghĩa Minh,Nghĩa Phú,Nghĩa Hưng,Nghĩa Hồng,Nghĩa Thịnh,Nghĩa Trung,Nghĩa Hội,Nghĩa Thành,Nghĩa Hiếu,Nghĩa Đức,Nghĩa An,Nghĩa Long,Nghĩa Lộc,Nghĩa Khánh',
        pattern: 'Nghĩa *',
      },
      {
        gso: '420',
        kind: 'huyện',
        name: 'Quỳ Hợp',
        communes: 21,
        known:
          't:Quỳ Hợp,Yên Hợp,Châu Tiến,Châu Hồng,Đồng Hợp,Châu Thành,Liên Hợp,Châu Lộc,Tam Hợp,Châu Cường,Châu Quang,Thọ Hợp,Minh Hợp,Nghĩa Xuân,Châu Thái,Châu Đình,Văn Lợi,Nam Sơn,Châu Lý,Hạ Sơn,Bắc Sơn',
      },
      {
        gso: '421',
        kind: 'huyện',
        name: 'Quỳnh Lưu',
        communes: 33,
        known:
          't:Cầu Giát,Quỳnh Thắng,Quỳnh Tân,Quỳnh Châu,Tân Sơn,Quỳnh Văn,Ngọc Sơn,Quỳnh Tam,Quỳnh Hoa,Quỳnh Thạch,Quỳnh Bảng,Quỳnh Mỹ,Quỳnh Thanh,Quỳnh Hậu,Quỳnh Lâm,Quỳnh Đôi,Quỳnh Lương,Quỳnh Hồng,Quỳnh Yên,Quỳnh Bá,Quỳnh Minh,Quỳnh Diễn,Quỳnh Hưng,Quỳnh Giang,Quỳnh Ngọc,Quỳnh Nghĩa,An Hòa,Tiến Thủy,Sơn Hải,Quỳnh Thọ,Quỳnh Thuận,Quỳnh Long,Tân Thắng',
        pattern: 'Quỳnh *',
      },
      {
        gso: '422',
        kind: 'huyện',
        name: 'Con Cuông',
        communes: 13,
        known:
          't:Trà Lân,Bình Chuẩn,Lạng Khê,Cam Lâm,Thạch Ngàn,Đôn Phục,Mậu Đức,Châu Khê,Chi Khê,Bồng Khê,Yên Khê,Lục Dạ,Môn Sơn',
      },
      {
        gso: '423',
        kind: 'huyện',
        name: 'Tân Kỳ',
        communes: 22,
        known:
          't:Tân Kỳ,Tân Hợp,Tân Phú,Tân Xuân,Giai Xuân,Nghĩa Bình,Nghĩa Đồng,Đồng Văn,Nghĩa Thái,Nghĩa Hợp,Nghĩa Hoàn,Nghĩa Phúc,Tiên Kỳ,Tân An,Nghĩa Dũng,Tân Long,Kỳ Sơn,Hương Sơn,Kỳ Tân,Phú Sơn,Tân Hương,Nghĩa Hành',
      },
      {
        gso: '424',
        kind: 'huyện',
        name: 'Anh Sơn',
        communes: 21,
        known:
          't:Anh Sơn,Thọ Sơn,Thành Sơn,Bình Sơn,Tam Sơn,Đỉnh Sơn,Hùng Sơn,Cẩm Sơn,Đức Sơn,Tường Sơn,Hoa Sơn,Tào Sơn,Vĩnh Sơn,Lạng Sơn,Hội Sơn,Thạch Sơn,Phúc Sơn,Long Sơn,Khai Sơn,Lĩnh Sơn,Cao Sơn',
        pattern: '* Sơn',
      },
      {
        gso: '425',
        kind: 'huyện',
        name: 'Diễn Châu',
        communes: 38,
        known:
          't:Diễn Thành,Diễn Lâm,Diễn Đoài,Diễn Trường,Diễn Yên,Diễn Hoàng,Diễn Hùng,Diễn Mỹ,Diễn Hồng,Diễn Phong,Hùng Hải,Diễn Liên,Diễn Vạn,Diễn Kim,Diễn Kỷ,Diễn Xuân,Diễn Thái,Diễn Đồng,Diễn Bích,Diễn Hạnh,Diễn Ngọc,Diễn Quảng,Diễn Nguyên,Diễn Hoa,Diễn Thịnh,Diễn Phúc,Diễn Cát,Diễn Tân,Minh Châu,Diễn Thọ,Diễn Lợi,Diễn Lộc,Diễn Trung,Diễn An,Diễn Phú,Diễn Hải,Diễn Tháp,Diễn Tiến',
        pattern: 'Diễn *',
      },
      {
        gso: '426',
        kind: 'huyện',
        name: 'Yên Thành',
        communes: 39,
        known:
          't:Hoa Thành,Mã Thành,Tiến Thành,Lăng Thành,Tân Thành,Đức Thành,Kim Thành,Hậu Thành,Hùng Thành,Đô Thành,Thọ Thành,Quang Thành,Tây Thành,Phúc Thành,Hồng Thành,Đồng Thành,Phú Thành,Mỹ Thành,Tăng Thành,Văn Thành,Thịnh Thành,Hợp Thành,Xuân Thành,Bắc Thành,Nhân Thành,Trung Thành,Long Thành,Minh Thành,Nam Thành,Vĩnh Thành,Lý Thành,Khánh Thành,Viên Thành,Quang Thành,Liên Thành,Bảo Thành,Công Thành,Sơn Thành',
        pattern: '* Thành',
      },
      {
        gso: '427',
        kind: 'huyện',
        name: 'Đô Lương',
        communes: 32,
        known:
          't:Đô Lương,Giang Sơn Đông,Giang Sơn Tây,Lam Sơn,Bồi Sơn,Hồng Sơn,Bài Sơn,Ngọc Sơn,Bắc Sơn,Tràng Sơn,Thượng Sơn,Hòa Sơn,Đặng Sơn,Đông Sơn,Nam Sơn,Lưu Sơn,Yên Sơn,Văn Sơn,Đà Sơn,Lạc Sơn,Tân Sơn,Thái Sơn,Quang Sơn,Thịnh Sơn,Trung Sơn,Xuân Sơn,Minh Sơn,Nhân Sơn,Hiến Sơn,Mỹ Sơn,Trù Sơn,Đại Sơn',
        pattern: '* Sơn',
      },
      {
        gso: '428',
        kind: 'huyện',
        name: 'Thanh Chương',
        communes: 37,
        known:
          't:Thanh Chương,Cát Văn,Thanh Nho,Hạnh Lâm,Thanh Sơn,Thanh Hòa,Phong Thịnh,Thanh Phong,Thanh Mỹ,Thanh Tiên,Thanh Liên,Đại Đồng,Thanh Đồng,Thanh Ngọc,Thanh Hương,Ngọc Lâm,Thanh Lĩnh,Đồng Văn,Ngọc Sơn,Thanh Thịnh,Thanh An,Thanh Chi,Xuân Tường,Thanh Dương,Thanh Lương,Thanh Khê,Võ Liệt,Thanh Long,Thanh Thủy,Thanh Khai,Thanh Yên,Thanh Hà,Thanh Giang,Thanh Tùng,Thanh Lâm,Thanh Mai,Thanh Xuân,Thanh Đức',
        pattern: 'Thanh *',
      },
      {
        gso: '429',
        kind: 'huyện',
        name: 'Nghi Lộc',
        communes: 29,
        known:
          't:Quán Hành,Nghi Văn,Nghi Yên,Nghi Tiến,Nghi Hưng,Nghi Đồng,Nghi Thiết,Nghi Lâm,Nghi Quang,Nghi Kiều,Nghi Mỹ,Nghi Phương,Nghi Thuận,Nghi Long,Nghi Xá,Nghi Hoa,Khánh Hợp,Nghi Thịnh,Nghi Công Bắc,Nghi Công Nam,Nghi Thạch,Nghi Trung,Nghi Trường,Nghi Diên,Nghi Phong,Nghi Xuân,Nghi Vạn,Phúc Thọ,Nghi Thái',
        pattern: 'Nghi *',
      },
      {
        gso: '430',
        kind: 'huyện',
        name: 'Nam Đàn',
        communes: 19,
        known:
          't:Nam Đàn,Nam Hưng,Nam Nghĩa,Nam Thanh,Nam Anh,Nam Xuân,Nam Thái,Vân Diên,Nam Lĩnh,Nam Giang,Xuân Hòa,Hùng Tiến,Thượng Tân Lộc,Kim Liên,Xuân Lâm,Nam Cát,Khánh Sơn,Trung Phúc Cường,Nam Kim',
        pattern: 'Nam *',
      },
      {
        gso: '431',
        kind: 'huyện',
        name: 'Hưng Nguyên',
        communes: 18,
        known:
          't:Hưng Nguyên,Hưng Trung,Hưng Yên,Hưng Yên Bắc,Hưng Tây,Hưng Đạo,Hưng Thịnh,Hưng Lĩnh,Thông Tân,Hưng Nghĩa,Hưng Phúc,Long Xá,Châu Nhân,Xuân Lam,Hưng Thành,Hưng Lợi,Hưng Tân,Hưng Xuân',
        pattern: 'Hưng *',
      },
      {
        gso: '432',
        kind: 'thị xã',
        name: 'Hoàng Mai',
        wards2025: 'Hoàng Mai,Tân Mai,Quỳnh Mai',
        communes: 10,
        known:
          'p:Quỳnh Thiện,p:Mai Hùng,p:Quỳnh Dị,p:Quỳnh Phương,p:Quỳnh Xuân,Quỳnh Vinh,Quỳnh Trang,Quỳnh Lộc,Quỳnh Liên,Quỳnh Lập',
      },
    ],
  },
  '17': {
    code: '17',
    name: 'Hòa Bình',
    capital: 'thành phố Hòa Bình',
    departments: [...STANDARD, 'BDT', 'KKT', 'CA'],
    names: { KKT: 'Ban Quản lý các khu công nghiệp tỉnh', CA: 'Công an tỉnh Hòa Bình' },
    communeBase: 4924,
    taxPrefix: '54',
    mergedInto: 'Phú Thọ',
    communeResolution: 1676,
    // believed: 151 → 40 (35 xã, 5 phường) of Phú Thọ's 148; unverified
    reorg2025: { xa: 35, phuong: 5, verified: false },
    districts: [
      {
        gso: '148',
        kind: 'thành phố',
        name: 'Hòa Bình',
        wards2025: 'Hòa Bình,Kỳ Sơn,Tân Hòa,Thống Nhất,Thịnh Lang',
        communes: 19,
        known:
          'p:Thái Bình,p:Tân Hòa,p:Thịnh Lang,p:Hữu Nghị,p:Tân Thịnh,p:Đồng Tiến,p:Phương Lâm,p:Quỳnh Lâm,p:Dân Chủ,p:Kỳ Sơn,p:Trung Minh,Yên Mông,Hòa Bình,Thống Nhất,Độc Lập,Mông Hóa,Quang Tiến,Hợp Thành,Dân Hòa',
      },
      {
        gso: '150',
        kind: 'huyện',
        name: 'Đà Bắc',
        communes: 17,
        known:
          't:Đà Bắc,Đồng Chum,Giáp Đắt,Đoàn Kết,Tân Minh,Tiền Phong,Đồng Ruộng,Trung Thành,Tú Lý,Hào Lý,Toàn Sơn,Mường Chiềng,Cao Sơn,Nánh Nghê,Suối Nánh,Vầy Nưa,Yên Hòa',
      },
      {
        gso: '152',
        kind: 'huyện',
        name: 'Lương Sơn',
        communes: 11,
        known:
          't:Lương Sơn,Lâm Sơn,Hòa Sơn,Tân Vinh,Nhuận Trạch,Cao Sơn,Cư Yên,Liên Sơn,Cao Dương,Thanh Sơn,Thanh Cao',
      },
      {
        gso: '153',
        kind: 'huyện',
        name: 'Kim Bôi',
        communes: 17,
        known:
          't:Bo,Đú Sáng,Bình Sơn,Hùng Sơn,Sơn Thủy,Kim Bôi,Vĩnh Tiến,Xuân Thủy,Vĩnh Đồng,Kim Lập,Hợp Tiến,Tú Sơn,Nuông Dăm,Cuối Hạ,Mỵ Hòa,Nam Thượng,Bắc Sơn',
      },
      {
        gso: '154',
        kind: 'huyện',
        name: 'Cao Phong',
        communes: 10,
        known:
          't:Cao Phong,Thung Nai,Bắc Phong,Thu Phong,Tân Phong,Xuân Phong,Dũng Phong,Nam Phong,Thạch Yên,Bình Thanh',
      },
      {
        gso: '155',
        kind: 'huyện',
        name: 'Tân Lạc',
        communes: 16,
        known:
          't:Mãn Đức,Suối Hoa,Phú Vinh,Phú Cường,Mỹ Hòa,Quyết Chiến,Phong Phú,Tử Nê,Thanh Hối,Ngọc Mỹ,Đông Lai,Vân Sơn,Nhân Mỹ,Lỗ Sơn,Ngổ Luông,Gia Mô',
      },
      {
        gso: '156',
        kind: 'huyện',
        name: 'Mai Châu',
        communes: 15,
        known:
          't:Mai Châu,Sơn Thủy,Pà Cò,Hang Kia,Đồng Tân,Cun Pheo,Bao La,Tòng Đậu,Nà Phòn,Săm Khóe,Chiềng Châu,Mai Hạ,Thành Sơn,Mai Hịch,Vạn Mai',
      },
      {
        gso: '157',
        kind: 'huyện',
        name: 'Lạc Sơn',
        communes: 24,
        known:
          't:Vụ Bản,Quý Hòa,Miền Đồi,Mỹ Thành,Tuân Đạo,Văn Nghĩa,Văn Sơn,Tân Lập,Nhân Nghĩa,Thượng Cốc,Quyết Thắng,Xuất Hóa,Yên Phú,Bình Hẻm,Định Cư,Chí Đạo,Ngọc Sơn,Hương Nhượng,Vũ Bình,Tự Do,Yên Nghiệp,Tân Mỹ,Ân Nghĩa,Ngọc Lâu',
      },
      {
        gso: '158',
        kind: 'huyện',
        name: 'Yên Thủy',
        communes: 11,
        known:
          't:Hàng Trạm,Lạc Sỹ,Lạc Lương,Bảo Hiệu,Đa Phúc,Hữu Lợi,Lạc Thịnh,Đoàn Kết,Phú Lai,Yên Trị,Ngọc Lương',
      },
      {
        gso: '159',
        kind: 'huyện',
        name: 'Lạc Thủy',
        communes: 11,
        known:
          't:Ba Hàng Đồi,t:Chi Nê,Phú Nghĩa,Phú Thành,Hưng Thi,Khoan Dụ,Đồng Tâm,Yên Bồng,Thống Nhất,An Bình,An Lạc',
      },
    ],
  },
  '67': {
    code: '67',
    name: 'Đắk Nông',
    capital: 'thành phố Gia Nghĩa',
    departments: [...STANDARD, 'BDT', 'CA'],
    names: { CA: 'Công an tỉnh Đắk Nông' },
    communeBase: 24611,
    taxPrefix: '64',
    mergedInto: 'Lâm Đồng',
    communeResolution: 1671,
    // believed: 71 → 40 (37 xã, 3 phường) of Lâm Đồng's 124; unverified
    reorg2025: { xa: 37, phuong: 3, verified: false },
    districts: [
      {
        gso: '660',
        kind: 'thành phố',
        name: 'Gia Nghĩa',
        wards2025: 'Bắc Gia Nghĩa,Nam Gia Nghĩa,Đông Gia Nghĩa',
        communes: 8,
        known:
          "p:Nghĩa Đức,p:Nghĩa Thành,p:Nghĩa Phú,p:Nghĩa Tân,p:Nghĩa Trung,Đăk R'Moan,Quảng Thành,Đắk Nia",
      },
      {
        gso: '661',
        kind: 'huyện',
        name: 'Đăk Glong',
        communes: 7,
        known: "Quảng Sơn,Quảng Hoà,Đắk Ha,Đắk R'Măng,Quảng Khê,Đắk Plao,Đắk Som",
      },
      {
        gso: '662',
        kind: 'huyện',
        name: 'Cư Jút',
        communes: 8,
        known: "t:Ea T'Ling,Đắk Wil,Ea Pô,Nam Dong,Đắk DRông,Tâm Thắng,Cư Knia,Trúc Sơn",
      },
      {
        gso: '663',
        kind: 'huyện',
        name: 'Đắk Mil',
        communes: 10,
        known: "t:Đắk Mil,Đắk Lao,Đắk R'La,Đắk Gằn,Đức Mạnh,Đắk N'Drót,Long Sơn,Đắk Sắk,Thuận An,Đức Minh",
      },
      {
        gso: '664',
        kind: 'huyện',
        name: 'Krông Nô',
        communes: 12,
        known:
          "t:Đắk Mâm,Đắk Sôr,Nam Xuân,Buôn Choah,Nam Đà,Tân Thành,Đắk Drô,Nâm Nung,Đức Xuyên,Đắk Nang,Quảng Phú,Nâm N'Đir",
      },
      {
        gso: '665',
        kind: 'huyện',
        name: 'Đắk Song',
        communes: 9,
        known: "t:Đức An,Đắk Môl,Đắk Hòa,Nam Bình,Thuận Hà,Thuận Hạnh,Đắk N'Dung,Nâm N'Jang,Trường Xuân",
      },
      {
        gso: '666',
        kind: 'huyện',
        name: "Đắk R'Lấp",
        communes: 11,
        known:
          't:Kiến Đức,Quảng Tín,Đắk Wer,Nhân Cơ,Kiến Thành,Nghĩa Thắng,Đạo Nghĩa,Đắk Sin,Hưng Bình,Đắk Ru,Nhân Đạo',
      },
      {
        gso: '667',
        kind: 'huyện',
        name: 'Tuy Đức',
        communes: 6,
        known: "Quảng Trực,Đắk Búk So,Quảng Tâm,Đắk R'Tíh,Đắk Ngo,Quảng Tân",
      },
    ],
  },
  '30': {
    code: '30',
    name: 'Hải Dương',
    capital: 'thành phố Hải Dương',
    departments: [...STANDARD, 'KKT', 'CA'],
    names: { KKT: 'Ban Quản lý các khu công nghiệp tỉnh', CA: 'Công an tỉnh Hải Dương' },
    communeBase: 10507,
    taxPrefix: '08',
    mergedInto: 'Hải Phòng',
    communeResolution: 1669,
    // believed: → 60 (40 xã, 20 phường) of Hải Phòng's 114; unverified
    reorg2025: { xa: 40, phuong: 20, verified: false },
    districts: [
      {
        gso: '288',
        kind: 'thành phố',
        name: 'Hải Dương',
        wards2025: 'Hải Dương,Thành Đông,Lê Thanh Nghị,Việt Hòa,Tân Hưng,Thạch Khôi,Tứ Minh,Ái Quốc',
        communes: 25,
        known:
          'p:Cẩm Thượng,p:Bình Hàn,p:Ngọc Châu,p:Nhị Châu,p:Quang Trung,p:Nguyễn Trãi,p:Phạm Ngũ Lão,p:Trần Hưng Đạo,p:Trần Phú,p:Thanh Bình,p:Tân Bình,p:Lê Thanh Nghị,p:Hải Tân,p:Tứ Minh,p:Việt Hòa,p:Ái Quốc,p:Nam Đồng,p:Thạch Khôi,p:Tân Hưng,p:Tân Phú,p:Tiền Tiến,An Thượng,Gia Xuyên,Ngọc Sơn,Quyết Thắng',
      },
      {
        gso: '290',
        kind: 'thành phố',
        name: 'Chí Linh',
        wards2025: 'Chu Văn An,Chí Linh,Trần Hưng Đạo,Nguyễn Trãi,Trần Nhân Tông,Lê Đại Hành',
        communes: 19,
        known:
          'p:Phả Lại,p:Sao Đỏ,p:Bến Tắm,p:Hoàng Tân,p:Cộng Hòa,p:Hoàng Tiến,p:Văn An,p:Chí Minh,p:Văn Đức,p:Thái Học,p:Cổ Thành,p:An Lạc,p:Đồng Lạc,p:Tân Dân,Hoàng Hoa Thám,Bắc An,Hưng Đạo,Lê Lợi,Nhân Huệ',
      },
      {
        gso: '291',
        kind: 'huyện',
        name: 'Nam Sách',
        communes: 14,
        known:
          't:Nam Sách,Nam Hưng,Nam Tân,Hợp Tiến,Hiệp Cát,Thanh Quang,Quốc Tuấn,Nam Chính,An Bình,Nam Trung,An Sơn,Cộng Hòa,Thái Tân,Trần Phú',
      },
      {
        gso: '292',
        kind: 'thị xã',
        name: 'Kinh Môn',
        wards2025: 'Kinh Môn,Nguyễn Đại Năng,Trần Liễu,Bắc An Phụ,Phạm Sư Mạnh,Nhị Chiểu',
        communes: 23,
        known:
          'p:An Lưu,p:Hiệp An,p:Long Xuyên,p:Thái Thịnh,p:Hiến Thành,p:Minh Tân,p:Phạm Thái,p:An Phụ,p:Hiệp Sơn,p:An Sinh,p:Thất Hùng,p:Duy Tân,p:Phú Thứ,p:Tân Dân,Bạch Đằng,Lê Ninh,Hoành Sơn,Hiệp Hòa,Lạc Long,Thăng Long,Hiệp Lễ,Minh Hòa,Quang Thành',
      },
      {
        gso: '293',
        kind: 'huyện',
        name: 'Kim Thành',
        communes: 18,
        known:
          't:Phú Thái,Lai Vu,Cộng Hòa,Thượng Vũ,Cổ Dũng,Tuấn Việt,Kim Xuyên,Phúc Thành A,Ngũ Phúc,Kim Anh,Kim Liên,Kim Tân,Kim Đính,Bình Dân,Tam Kỳ,Đồng Cẩm,Liên Hòa,Đại Đức',
      },
      {
        gso: '294',
        kind: 'huyện',
        name: 'Thanh Hà',
        communes: 20,
        known:
          't:Thanh Hà,Hồng Lạc,Việt Hồng,Tân Việt,Cẩm Việt,Thanh An,Thanh Lang,Tân An,Liên Mạc,Thanh Hải,Thanh Khê,Thanh Xá,Thanh Xuân,An Phượng,Thanh Sơn,Thanh Quang,Thanh Hồng,Thanh Cường,Vĩnh Lập,Thanh Thủy',
      },
      {
        gso: '295',
        kind: 'huyện',
        name: 'Cẩm Giàng',
        communes: 17,
        known:
          't:Cẩm Giang,t:Lai Cách,Cẩm Hưng,Cẩm Hoàng,Cẩm Văn,Ngọc Liên,Thạch Lỗi,Cẩm Vũ,Đức Chính,Định Sơn,Lương Điền,Cao An,Tân Trường,Cẩm Phúc,Cẩm Điền,Cẩm Đông,Cẩm Đoài',
      },
      {
        gso: '296',
        kind: 'huyện',
        name: 'Bình Giang',
        communes: 16,
        known:
          't:Kẻ Sặt,Vĩnh Hưng,Hùng Thắng,Vĩnh Hồng,Long Xuyên,Tân Việt,Thúc Kháng,Tân Hồng,Bình Minh,Hồng Khê,Thái Học,Cổ Bì,Nhân Quyền,Thái Dương,Thái Hòa,Bình Xuyên',
      },
      {
        gso: '297',
        kind: 'huyện',
        name: 'Gia Lộc',
        communes: 18,
        known:
          't:Gia Lộc,Thống Nhất,Yết Kiêu,Gia Tân,Tân Tiến,Gia Khánh,Gia Lương,Lê Lợi,Toàn Thắng,Hoàng Diệu,Hồng Hưng,Phạm Trấn,Đoàn Thượng,Thống Kênh,Quang Minh,Đồng Quang,Nhật Tân,Đức Xương',
      },
      {
        gso: '298',
        kind: 'huyện',
        name: 'Tứ Kỳ',
        communes: 23,
        known:
          't:Tứ Kỳ,Ngọc Kỳ,Bình Lãng,Minh Đức,Quang Phục,Tân Kỳ,Dân An,Kỳ Sơn,Đại Sơn,Hưng Đạo,Ngọc Sơn,Quang Khải,Đại Hợp,Quảng Nghiệp,An Thanh,Tiên Động,Cộng Lạc,Phượng Kỳ,Chí Minh,Văn Tố,Nguyên Giáp,Hà Kỳ,Hà Thanh',
      },
      {
        gso: '299',
        kind: 'huyện',
        name: 'Ninh Giang',
        communes: 20,
        known:
          't:Ninh Giang,Ứng Hòe,Nghĩa An,Hồng Đức,An Đức,Vĩnh Hòa,Đông Xuyên,Tân Phong,Kiến Phúc,Hồng Dụ,Văn Hội,Hồng Phong,Hiệp Lực,Hồng Phúc,Hưng Long,Tân Quang,Nghĩa Phúc,Đức Phúc,Hưng Thái,Vĩnh Lại',
      },
      {
        gso: '300',
        kind: 'huyện',
        name: 'Thanh Miện',
        communes: 17,
        known:
          't:Thanh Miện,Thanh Giang,Cao Thắng,Ngũ Hùng,Lam Sơn,Chi Lăng Bắc,Chi Lăng Nam,Hồng Phong,Thanh Tùng,Đoàn Tùng,Lê Hồng,Tứ Cường,Hồng Quang,Ngô Quyền,Tân Trào,Đoàn Kết,Phạm Kha',
      },
    ],
  },
  '96': {
    code: '96',
    name: 'Cà Mau',
    capital: 'thành phố Cà Mau',
    departments: [...STANDARD, 'BDT', 'KKT', 'CA'],
    names: { KKT: 'Ban Quản lý Khu kinh tế tỉnh', CA: 'Công an tỉnh Cà Mau' },
    communeBase: 32002,
    taxPrefix: '20',
    communeResolution: 1655,
    // believed: 101 → 40 (36 xã, 4 phường), with Bạc Liêu's 24 making the new Cà Mau's 64; unverified
    reorg2025: { xa: 36, phuong: 4, verified: false },
    districts: [
      {
        gso: '964',
        kind: 'thành phố',
        name: 'Cà Mau',
        wards2025: 'An Xuyên,Lý Văn Lâm,Tân Thành,Hòa Thành',
        communes: 17,
        known:
          'p:1,p:2,p:4,p:5,p:6,p:7,p:8,p:9,p:Tân Xuyên,p:Tân Thành,p:Tân Xuyên Bắc,An Xuyên,Tân Thành,Định Bình,Hòa Thành,Hòa Tân,Lý Văn Lâm',
      },
      {
        gso: '966',
        kind: 'huyện',
        name: 'U Minh',
        communes: 8,
        known: 't:U Minh,Khánh Hòa,Khánh Thuận,Khánh Tiến,Nguyễn Phích,Khánh Lâm,Khánh An,Khánh Hội',
      },
      {
        gso: '967',
        kind: 'huyện',
        name: 'Thới Bình',
        communes: 12,
        known:
          't:Thới Bình,Biển Bạch,Tân Bằng,Trí Phải,Trí Lực,Biển Bạch Đông,Thới Bình,Tân Phú,Tân Lộc Bắc,Tân Lộc,Tân Lộc Đông,Hồ Thị Kỷ',
      },
      {
        gso: '968',
        kind: 'huyện',
        name: 'Trần Văn Thời',
        communes: 13,
        known:
          't:Trần Văn Thời,t:Sông Đốc,Khánh Bình Tây Bắc,Khánh Bình Tây,Trần Hợi,Khánh Lộc,Khánh Bình,Khánh Hưng,Khánh Bình Đông,Khánh Hải,Lợi An,Phong Điền,Phong Lạc',
      },
      {
        gso: '969',
        kind: 'huyện',
        name: 'Cái Nước',
        communes: 11,
        known:
          't:Cái Nước,Thạnh Phú,Lương Thế Trân,Phú Hưng,Tân Hưng,Hưng Mỹ,Hòa Mỹ,Đông Hưng,Đông Thới,Tân Hưng Đông,Trần Thới',
      },
      {
        gso: '970',
        kind: 'huyện',
        name: 'Đầm Dơi',
        communes: 16,
        known:
          't:Đầm Dơi,Tạ An Khương,Tạ An Khương Đông,Trần Phán,Tân Trung,Tân Đức,Tân Thuận,Tạ An Khương Nam,Tân Duyệt,Tân Dân,Tân Tiến,Quách Phẩm Bắc,Quách Phẩm,Thanh Tùng,Ngọc Chánh,Nguyễn Huân',
      },
      {
        gso: '971',
        kind: 'huyện',
        name: 'Năm Căn',
        communes: 8,
        known: 't:Năm Căn,Hàm Rồng,Hiệp Tùng,Đất Mới,Lâm Hải,Hàng Vịnh,Tam Giang,Tam Giang Đông',
      },
      {
        gso: '972',
        kind: 'huyện',
        name: 'Phú Tân',
        communes: 9,
        known:
          't:Cái Đôi Vàm,Phú Thuận,Phú Mỹ,Phú Tân,Tân Hải,Việt Thắng,Tân Hưng Tây,Rạch Chèo,Nguyễn Việt Khái',
      },
      {
        gso: '973',
        kind: 'huyện',
        name: 'Ngọc Hiển',
        communes: 7,
        known: 't:Rạch Gốc,Tân Ân,Tân Ân Tây,Viên An Đông,Viên An,Đất Mũi,Tam Giang Tây',
      },
    ],
  },
};

/** Syllables for generated commune names. */
export const NAME_FIRST = [
  'Xuân',
  'Hòa',
  'Tân',
  'Phú',
  'Minh',
  'Hồng',
  'Thanh',
  'Quang',
  'Đức',
  'Bình',
  'Long',
  'Hưng',
  'Nghĩa',
  'Đông',
  'Tây',
  'Kim',
  'Ngọc',
  'Trung',
  'Đồng',
  'Mỹ',
  'Vĩnh',
  'Phúc',
  'Thịnh',
  'An',
  'Hợp',
  'Thuận',
  'Tiến',
  'Đại',
  'Văn',
  'Liên',
];
export const NAME_SECOND = [
  'Sơn',
  'Lâm',
  'Thành',
  'Hòa',
  'Phú',
  'Lộc',
  'Hưng',
  'Thủy',
  'Hải',
  'Long',
  'Tân',
  'Phong',
  'Hợp',
  'Đức',
  'Lợi',
  'Mỹ',
  'Xuân',
  'Bình',
  'Tiến',
  'Lĩnh',
  'Đông',
  'Hà',
  'Trung',
  'Thịnh',
  'Khánh',
  'Quang',
  'Yên',
  'Đạt',
  'Điền',
  'Phúc',
];
