/** Vietnamese personal and business names for generated applicants, officials and signers. */

/** Family names with rough national frequencies (per mille). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 380],
  ['Trần', 110],
  ['Lê', 95],
  ['Phạm', 70],
  ['Hoàng', 50],
  ['Phan', 45],
  ['Vũ', 39],
  ['Võ', 25],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Đinh', 8],
  ['Đào', 6],
  ['Cao', 5],
  ['Trương', 5],
  ['Lương', 4],
  ['Mai', 3],
  ['Tạ', 2],
  ['Chu', 2],
  ['Lưu', 2],
  ['Thái', 3],
  ['Đoàn', 4],
  ['Đàm', 2],
  ['Kiều', 1],
  ['Tô', 2],
  ['Hà', 3],
];

/**
 * Family names of ethnic groups that put the family name first (Mường, Thái, Tày, Nùng, Hmông, Khơ Mú,
 * Khmer, Hoa), added on top of SURNAMES with weights on the same per-mille scale, so a province's share of
 * them is roughly its share of those groups: Hòa Bình is about 63% Mường; Nghệ An about 15% minorities
 * (Thái, Khơ Mú, Hmông); Cà Mau a few per cent Khmer and Hoa; Đắk Nông's Tày, Nùng and Dao settlers. Ê Đê
 * and M'nông names do not fit "family middle given" at all: they are in ETHNIC_NAMES. "Y", "H'", "Điểu"
 * and "Thị" are never family names.
 */
export const LOCAL_SURNAMES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  '40': [
    ['Lô', 45],
    ['Vi', 35],
    ['Lữ', 15],
    ['Lương', 12],
    ['Lang', 12],
    ['Ngân', 8],
    ['Kha', 5],
    ['Quang', 5],
    ['Moong', 6],
    ['Xồng', 3],
    ['Vừ', 6],
    ['Lầu', 4],
    ['Thò', 2],
  ],
  '17': [
    ['Bùi', 620],
    ['Đinh', 330],
    ['Quách', 170],
    ['Hà', 180],
    ['Xa', 60],
    ['Bạch', 60],
    ['Cao', 40],
  ],
  '67': [
    ['Nông', 25],
    ['Hoàng', 20],
    ['Lục', 8],
    ['Triệu', 10],
    ['Lý', 8],
    ['Lường', 5],
  ],
  '30': [
    ['Phạm', 20],
    ['Vũ', 15],
    ['Đỗ', 8],
  ],
  '96': [
    ['Huỳnh', 40],
    ['Lâm', 8],
    ['Quách', 5],
    ['Thạch', 8],
    ['Danh', 10],
    ['Kim', 4],
    ['Sơn', 4],
    ['Châu', 4],
    ['Trương', 6],
  ],
};

/**
 * Naming of ethnic groups whose names are not "family middle given": Ê Đê (Rađê) names are a gender
 * prefix, a given name and the clan name last ("Y Bhim Niê", "H'Hen Niê"); M'nông names are a gender
 * prefix and a given name, sometimes followed by a clan name ("Điểu K'Ré", "Thị Hoa", "Y Thuận Bing").
 * `share` is the part of a province's citizens named this way. `malePrefix`/`femalePrefix` include their
 * separator ("Y " with a space, "H'" attached).
 */
export interface EthnicNaming {
  group: string;
  share: number;
  malePrefix: readonly string[];
  femalePrefix: readonly string[];
  maleGiven: readonly string[];
  femaleGiven: readonly string[];
  /** Clan names written last; empty strings mean no clan name. */
  clans: readonly (readonly [string, number])[];
}

export const ETHNIC_NAMES: Readonly<Record<string, readonly EthnicNaming[]>> = {
  '67': [
    {
      group: 'Ê Đê',
      share: 0.05,
      malePrefix: ['Y '],
      femalePrefix: ["H'"],
      maleGiven: [
        'Bhim',
        'Ngông',
        'Moan',
        'Jut',
        'Bih',
        'Tlam',
        'Bhin',
        'Wang',
        'Kông',
        'Nuê',
        'Blô',
        'Khuê',
        'Thuột',
        'Dhông',
        'Suôn',
        'Siêng',
      ],
      femaleGiven: [
        'Hen',
        'Nga',
        'Bla',
        'Linh',
        'Yim',
        'Ngơn',
        'Mai',
        'Loan',
        'Zen',
        'Liêm',
        'Ruth',
        'Xuân',
        'Hiên',
        'Juen',
      ],
      clans: [
        ['Niê', 30],
        ['Mlô', 12],
        ['Êban', 10],
        ['Ayun', 6],
        ['Byă', 8],
        ['Adrơng', 6],
        ['Ênuôl', 5],
        ['Buôn Yă', 4],
        ['Hđơk', 4],
        ['Ktla', 4],
        ['Kbuôr', 3],
      ],
    },
    {
      group: "M'nông",
      share: 0.08,
      malePrefix: ['Điểu ', 'Y '],
      femalePrefix: ['Thị ', "H'"],
      maleGiven: [
        "K'Ré",
        'Xiêng',
        'Lơng',
        'Bình',
        "K'Lơi",
        'Thuận',
        'Đăk',
        'Mol',
        'Brông',
        'Sor',
        'Điêng',
        'Krah',
      ],
      femaleGiven: ['Hoa', 'Ly', 'Bré', 'Mai', 'Hương', 'Lim', 'Đen', 'Nhung', 'Thuyên', "K'Rông"],
      clans: [
        ['', 60],
        ['Bing', 8],
        ['Nơ Trang', 6],
        ['Bon Jốc', 4],
        ["B'Krông", 4],
        ['Rơ Lam', 3],
      ],
    },
  ],
};

/** A person's full name in an ETHNIC_NAMES naming; `pick` chooses from a list, `weighted` from a weighted one. */
export function ethnicName(
  naming: EthnicNaming,
  male: boolean,
  pick: <T>(items: readonly T[]) => T,
  weighted: <T>(items: readonly T[], weights: readonly number[]) => T,
): string {
  const prefix = pick(male ? naming.malePrefix : naming.femalePrefix);
  const given = pick(male ? naming.maleGiven : naming.femaleGiven);
  const clan = weighted(
    naming.clans.map((c) => c[0]),
    naming.clans.map((c) => c[1]),
  );
  return `${prefix}${given}${clan ? ` ${clan}` : ''}`;
}

/** Middle names; repeats are weights ("Văn" for about a third of men, "Thị" for about half of women). */
export const MALE_MIDDLE = [
  'Văn',
  'Văn',
  'Văn',
  'Văn',
  'Văn',
  'Văn',
  'Đức',
  'Minh',
  'Hữu',
  'Quang',
  'Đình',
  'Công',
  'Xuân',
  'Thanh',
  'Ngọc',
  'Tiến',
  'Duy',
  'Trọng',
  'Đăng',
];
export const FEMALE_MIDDLE = [
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Ngọc',
  'Thu',
  'Thanh',
  'Minh',
  'Hồng',
  'Phương',
  'Mai',
  'Kim',
  'Diệu',
  'Bích',
];

export const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Đạt',
  'Đông',
  'Đức',
  'Hải',
  'Nam',
  'Tuấn',
  'Long',
  'Quân',
  'Sơn',
  'Thắng',
  'Trung',
  'Việt',
  'Hiếu',
  'Hoàng',
  'Huy',
  'Khánh',
  'Lâm',
  'Phong',
  'Tài',
  'Thành',
  'Tùng',
  'Vinh',
  'Định',
  'Đại',
  'Điệp',
  'Cường',
  'Bình',
  'Chiến',
  'Công',
  'Hà',
  'Hưng',
  'Kiên',
  'Lợi',
  'Mạnh',
  'Nghĩa',
  'Phúc',
  'Quang',
  'Quyết',
  'Tâm',
  'Thái',
  'Thịnh',
  'Toàn',
  'Trí',
  'Tú',
  'Vũ',
  'Anh',
  'Bảo',
  'Duy',
  'Hiển',
  'Khoa',
  'Lộc',
  'Nhật',
  'Phát',
  'Sang',
  'Thông',
];
export const FEMALE_GIVEN = [
  'Hương',
  'Lan',
  'Hà',
  'Linh',
  'Mai',
  'Ngọc',
  'Phương',
  'Thảo',
  'Trang',
  'Huyền',
  'Hằng',
  'Hoa',
  'Nhung',
  'Oanh',
  'Yến',
  'Vân',
  'Thủy',
  'Dung',
  'Giang',
  'Hạnh',
  'Loan',
  'Nga',
  'Quỳnh',
  'Tâm',
  'Đào',
  'Diệp',
  'Đan',
  'Anh',
  'Chi',
  'Dịu',
  'Duyên',
  'Hiền',
  'Hồng',
  'Hậu',
  'Liên',
  'Lý',
  'My',
  'Nhàn',
  'Nhi',
  'Như',
  'Sen',
  'Tuyết',
  'Uyên',
  'Vy',
  'Xuân',
  'Thơ',
  'Trâm',
  'Ánh',
  'Bích',
  'Cúc',
  'Gấm',
  'Hiên',
  'Khánh',
  'Lệ',
  'Luyến',
  'Thư',
  'Thúy',
  'Trinh',
];

/** Parts of company names: `Công ty TNHH <trade> <brand>`. */
export const COMPANY_FORMS = [
  'Công ty TNHH',
  'Công ty TNHH',
  'Công ty TNHH MTV',
  'Công ty Cổ phần',
  'Công ty Cổ phần',
  'Doanh nghiệp tư nhân',
  'Hợp tác xã',
];
export const COMPANY_TRADES = [
  'Xây dựng',
  'Thương mại và Dịch vụ',
  'Đầu tư và Phát triển',
  'Vận tải',
  'Nông sản',
  'Tư vấn Thiết kế',
  'Vật liệu xây dựng',
  'Du lịch',
  'Dược phẩm',
  'Thực phẩm',
  'May mặc',
  'Cơ khí',
  'Xuất nhập khẩu',
  'Công nghệ',
  'Môi trường',
  'Giáo dục',
  'Điện nước',
  'Bất động sản',
];
export const COMPANY_BRANDS = [
  'Hồng Lam',
  'Phú Thành',
  'Minh Khang',
  'An Phát',
  'Đức Thịnh',
  'Đông Á',
  'Hoàng Long',
  'Thành Đạt',
  'Việt Hưng',
  'Tân Phú',
  'Bảo Minh',
  'Đại Dương',
  'Phương Đông',
  'Trường Sơn',
  'Hưng Thịnh',
  'Kim Ngân',
  'Đồng Tâm',
  'Quang Minh',
  'Thiên Phúc',
  'Hải Đăng',
  'Sao Việt',
  'Đất Việt',
  'Nam Việt',
  'Hợp Lực',
  'Thái Bình Dương',
  'Lộc Phát',
  'Đức Anh',
];

/**
 * Applicants that are state agencies or organisations: the kind of body, named after its place (a commune,
 * ward or district: "Trường Tiểu học Nghi Phong", "Trạm Y tế xã Nghi Phong") — never after the department
 * that receives the dossier. The dossier generator appends a place name; it must be the applicant's
 * commune or district, not the receiving unit when that is a department (see ORGANISATION_KINDS).
 */
export const AGENCY_APPLICANTS = [
  'Trường Mầm non',
  'Trường Tiểu học',
  'Trường Trung học cơ sở',
  'Trạm Y tế',
  'Hội Nông dân',
  'Hội Liên hiệp Phụ nữ',
  'Đoàn Thanh niên',
  'Hội Cựu chiến binh',
];

/**
 * Organisations by how they are named: `place` kinds take a commune, ward or district name ("Hợp tác xã
 * Nông nghiệp Diễn Hồng"); `patron` kinds take a person from SCHOOL_PATRONS ("Trường THPT Phan Bội Châu");
 * `brand` kinds take a COMPANY_BRANDS name ("Quỹ Tín dụng nhân dân Hồng Lam").
 */
export const ORGANISATION_KINDS: readonly (readonly [string, 'place' | 'patron' | 'brand', number])[] = [
  ['Trường Mầm non', 'place', 12],
  ['Trường Tiểu học', 'place', 12],
  ['Trường Trung học cơ sở', 'place', 10],
  ['Trường Trung học phổ thông', 'patron', 6],
  ['Trường Tiểu học', 'patron', 3],
  ['Trường Trung học cơ sở', 'patron', 3],
  ['Trạm Y tế', 'place', 8],
  ['Hợp tác xã Nông nghiệp', 'place', 8],
  ['Hợp tác xã Dịch vụ nông nghiệp', 'place', 4],
  ['Quỹ Tín dụng nhân dân', 'place', 3],
  ['Hội Nông dân', 'place', 5],
  ['Hội Liên hiệp Phụ nữ', 'place', 5],
  ['Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'place', 3],
  ['Hội Cựu chiến binh', 'place', 4],
  ['Hội Người cao tuổi', 'place', 3],
  ['Ban Quản lý chợ', 'place', 2],
  ['Nhà văn hóa', 'place', 2],
  ['Công ty TNHH', 'brand', 4],
];

/** People schools and streets are named after (historical figures; common across provinces). */
export const SCHOOL_PATRONS = [
  'Lê Hồng Phong',
  'Phan Bội Châu',
  'Nguyễn Du',
  'Trần Phú',
  'Lê Lợi',
  'Quang Trung',
  'Nguyễn Trãi',
  'Chu Văn An',
  'Lý Tự Trọng',
  'Võ Thị Sáu',
  'Kim Đồng',
  'Trần Hưng Đạo',
  'Lê Quý Đôn',
  'Nguyễn Văn Trỗi',
  'Hai Bà Trưng',
  'Ngô Quyền',
  'Phan Đình Phùng',
  'Nguyễn Thị Minh Khai',
  'Tô Hiệu',
  'Nguyễn Bỉnh Khiêm',
];

/** An organisation's name: `kind` from ORGANISATION_KINDS, `place` a commune/ward/district name without its prefix. */
export function organisationName(
  kind: (typeof ORGANISATION_KINDS)[number],
  place: string,
  patron: string,
  brand: string,
): string {
  const [name, by] = kind;
  const suffix = by === 'place' ? place : by === 'patron' ? patron : brand;
  return `${name} ${suffix}`;
}

/** Province-of-birth codes (first 3 digits of the 12-digit personal ID) for people born elsewhere. */
export const OTHER_BIRTH_PROVINCES = [
  '001',
  '079',
  '038',
  '042',
  '040',
  '017',
  '030',
  '067',
  '096',
  '095',
  '066',
  '031',
  '036',
  '034',
  '046',
  '048',
  '092',
  '094',
  '025',
  '068',
];

/** Prefix of the 10-digit tax codes issued in each province. */
export const TAX_PREFIX: Readonly<Record<string, string>> = {
  '40': '29',
  '17': '54',
  '67': '64',
  '30': '08',
  '96': '20',
};
