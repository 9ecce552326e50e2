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

/** Family names of ethnic minorities that are common in a province (added on top of SURNAMES). */
export const LOCAL_SURNAMES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  '40': [
    ['Lô', 8],
    ['Vi', 6],
    ['Lữ', 4],
    ['Lang', 3],
    ['Moong', 2],
    ['Vừ', 3],
    ['Lầu', 2],
  ],
  '17': [
    ['Bùi', 40],
    ['Quách', 10],
    ['Xa', 6],
    ['Hà', 12],
    ['Đinh', 15],
  ],
  '67': [
    ['Điểu', 6],
    ['Thị', 2],
    ['Y', 4],
    ['Nông', 6],
  ],
  '30': [
    ['Phạm', 20],
    ['Vũ', 15],
    ['Đỗ', 8],
  ],
  '96': [
    ['Thạch', 6],
    ['Danh', 8],
    ['Huỳnh', 20],
    ['Lâm', 6],
    ['Quách', 4],
  ],
};

export const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Đình', 'Công', 'Xuân', 'Thanh', 'Ngọc', 'Tiến', 'Duy', 'Trọng', 'Đăng'];
export const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Phương', 'Mai', 'Kim', 'Diệu', 'Bích'];

export const MALE_GIVEN = [
  'Hùng', 'Dũng', 'Đạt', 'Đông', 'Đức', 'Hải', 'Nam', 'Tuấn', 'Long', 'Quân', 'Sơn', 'Thắng', 'Trung', 'Việt',
  'Hiếu', 'Hoàng', 'Huy', 'Khánh', 'Lâm', 'Phong', 'Tài', 'Thành', 'Tùng', 'Vinh', 'Định', 'Đại', 'Điệp', 'Cường',
  'Bình', 'Chiến', 'Công', 'Hà', 'Hưng', 'Kiên', 'Lợi', 'Mạnh', 'Nghĩa', 'Phúc', 'Quang', 'Quyết', 'Tâm', 'Thái',
  'Thịnh', 'Toàn', 'Trí', 'Tú', 'Vũ', 'Anh', 'Bảo', 'Duy', 'Hiển', 'Khoa', 'Lộc', 'Nhật', 'Phát', 'Sang', 'Thông',
];
export const FEMALE_GIVEN = [
  'Hương', 'Lan', 'Hà', 'Linh', 'Mai', 'Ngọc', 'Phương', 'Thảo', 'Trang', 'Huyền', 'Hằng', 'Hoa', 'Nhung', 'Oanh',
  'Yến', 'Vân', 'Thủy', 'Dung', 'Giang', 'Hạnh', 'Loan', 'Nga', 'Quỳnh', 'Tâm', 'Đào', 'Diệp', 'Đan', 'Anh', 'Chi',
  'Dịu', 'Duyên', 'Hiền', 'Hồng', 'Hậu', 'Liên', 'Lý', 'My', 'Nhàn', 'Nhi', 'Như', 'Sen', 'Tuyết', 'Uyên', 'Vy',
  'Xuân', 'Thơ', 'Trâm', 'Ánh', 'Bích', 'Cúc', 'Gấm', 'Hiên', 'Khánh', 'Lệ', 'Luyến', 'Thư', 'Thúy', 'Trinh',
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
  'Hồng Lam', 'Phú Thành', 'Minh Khang', 'An Phát', 'Đức Thịnh', 'Đông Á', 'Hoàng Long', 'Thành Đạt', 'Việt Hưng',
  'Tân Phú', 'Bảo Minh', 'Đại Dương', 'Phương Đông', 'Trường Sơn', 'Hưng Thịnh', 'Kim Ngân', 'Đồng Tâm', 'Quang Minh',
  'Thiên Phúc', 'Hải Đăng', 'Sao Việt', 'Đất Việt', 'Nam Việt', 'Hợp Lực', 'Thái Bình Dương', 'Lộc Phát', 'Đức Anh',
];

/** Applicants that are state agencies or organisations. */
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

/** Province-of-birth codes (first 3 digits of the 12-digit personal ID) for people born elsewhere. */
export const OTHER_BIRTH_PROVINCES = ['001', '079', '038', '042', '040', '017', '030', '067', '096', '095', '066', '031', '036', '034', '046', '048', '092', '094', '025', '068'];

/** Prefix of the 10-digit tax codes issued in each province. */
export const TAX_PREFIX: Readonly<Record<string, string>> = { '40': '29', '17': '54', '67': '64', '30': '08', '96': '20' };
