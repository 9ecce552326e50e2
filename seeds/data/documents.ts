import type { DocumentType } from '../../src/graphql/generated/schema-types.ts';
/**
 * Real national legal documents (laws, decrees, circulars, Government resolutions) used as legal basis
 * and named in the seed articles. Dates and summaries follow the published texts; signers are given only
 * where the signing office is certain (laws are signed by the Chairman of the National Assembly).
 */

export type { DocumentType };

export interface NationalDocument {
  numberSymbol: string;
  type: DocumentType;
  issuedOn: string;
  issuerName: string;
  summary: string;
  signerName?: string;
  signerPosition?: string;
  signerAuthority?: string;
}

const law = (numberSymbol: string, issuedOn: string, summary: string): NationalDocument => ({
  numberSymbol,
  type: 'LAW',
  issuedOn,
  issuerName: 'Quốc hội',
  summary,
  ...naChair(issuedOn),
});
const decree = (numberSymbol: string, issuedOn: string, summary: string): NationalDocument => ({
  numberSymbol,
  type: 'DECREE',
  issuedOn,
  issuerName: 'Chính phủ',
  summary,
  signerAuthority: 'TM. CHÍNH PHỦ',
});
const circular = (
  numberSymbol: string,
  issuedOn: string,
  issuerName: string,
  summary: string,
): NationalDocument => ({
  numberSymbol,
  type: 'CIRCULAR',
  issuedOn,
  issuerName,
  summary,
});

/** Chairs of the National Assembly, who sign laws and its resolutions. */
function naChair(
  issuedOn: string,
): Pick<NationalDocument, 'signerName' | 'signerPosition' | 'signerAuthority'> {
  const chairs: [string, string][] = [
    ['2006-06-27', 'Nguyễn Văn An'],
    ['2011-07-23', 'Nguyễn Phú Trọng'],
    ['2016-03-31', 'Nguyễn Sinh Hùng'],
    ['2021-03-31', 'Nguyễn Thị Kim Ngân'],
    ['2024-05-02', 'Vương Đình Huệ'],
    ['9999-12-31', 'Trần Thanh Mẫn'],
  ];
  const name = chairs.find(([until]) => issuedOn < until)![1];
  return { signerName: name, signerPosition: 'Chủ tịch Quốc hội', signerAuthority: 'CHỦ TỊCH QUỐC HỘI' };
}

/** Keyed by a short name used by the procedure catalogue (legal basis). */
export const NATIONAL_DOCUMENTS = {
  hoTich: law('60/2014/QH13', '2014-11-20', 'Luật Hộ tịch'),
  nd123: decree(
    '123/2015/NĐ-CP',
    '2015-11-15',
    'Quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  ),
  tt04btp: circular(
    '04/2020/TT-BTP',
    '2020-05-28',
    'Bộ Tư pháp',
    'Quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  ),
  nd23: decree(
    '23/2015/NĐ-CP',
    '2015-02-16',
    'Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
  ),
  nuoiConNuoi: law('52/2010/QH12', '2010-06-17', 'Luật Nuôi con nuôi'),
  llTuPhap: law('28/2009/QH12', '2009-06-17', 'Luật Lý lịch tư pháp'),
  quocTich: law('24/2008/QH12', '2008-11-13', 'Luật Quốc tịch Việt Nam'),
  congChung: law('46/2024/QH15', '2024-06-26', 'Luật Công chứng'),
  luatSu: law('65/2006/QH11', '2006-06-29', 'Luật Luật sư'),
  troGiupPhapLy: law('11/2017/QH14', '2017-06-20', 'Luật Trợ giúp pháp lý'),
  nd63: decree('63/2010/NĐ-CP', '2010-06-08', 'Về kiểm soát thủ tục hành chính'),
  nd61: decree(
    '61/2018/NĐ-CP',
    '2018-04-23',
    'Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
  ),
  nd107: decree(
    '107/2021/NĐ-CP',
    '2021-12-06',
    'Sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
  ),
  nd45: decree('45/2020/NĐ-CP', '2020-04-08', 'Về thực hiện thủ tục hành chính trên môi trường điện tử'),
  nd42: decree(
    '42/2022/NĐ-CP',
    '2022-06-24',
    'Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng',
  ),
  nd118: decree(
    '118/2025/NĐ-CP',
    '2025-06-09',
    'Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia',
  ),
  tt01vpcp: circular(
    '01/2018/TT-VPCP',
    '2018-11-23',
    'Văn phòng Chính phủ',
    'Hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
  ),
  nd30: decree('30/2020/NĐ-CP', '2020-03-05', 'Về công tác văn thư'),
  nd13: decree('13/2023/NĐ-CP', '2023-04-17', 'Bảo vệ dữ liệu cá nhân'),
  qd766: {
    numberSymbol: '766/QĐ-TTg',
    type: 'DECISION',
    issuedOn: '2022-06-23',
    issuerName: 'Thủ tướng Chính phủ',
    summary:
      'Phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử',
  },
  qd20: {
    numberSymbol: '20/2020/QĐ-TTg',
    type: 'DECISION',
    issuedOn: '2020-07-22',
    issuerName: 'Thủ tướng Chính phủ',
    summary:
      'Về mã định danh điện tử của các cơ quan, tổ chức phục vụ kết nối, chia sẻ dữ liệu với các bộ, ngành, địa phương',
  },
  nq76: {
    numberSymbol: '76/NQ-CP',
    type: 'RESOLUTION',
    issuedOn: '2021-07-15',
    issuerName: 'Chính phủ',
    summary: 'Ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030',
    signerName: 'Phạm Minh Chính',
    signerPosition: 'Thủ tướng',
    signerAuthority: 'TM. CHÍNH PHỦ',
  },
  nq68: {
    numberSymbol: '68/NQ-CP',
    type: 'RESOLUTION',
    issuedOn: '2020-05-12',
    issuerName: 'Chính phủ',
    summary:
      'Ban hành Chương trình cắt giảm, đơn giản hóa quy định liên quan đến hoạt động kinh doanh giai đoạn 2020 - 2025',
    signerName: 'Nguyễn Xuân Phúc',
    signerPosition: 'Thủ tướng',
    signerAuthority: 'TM. CHÍNH PHỦ',
  },
  ct23: {
    numberSymbol: '23/CT-TTg',
    type: 'DIRECTIVE',
    issuedOn: '2021-09-02',
    issuerName: 'Thủ tướng Chính phủ',
    summary:
      'Về đẩy mạnh triển khai Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030',
    signerName: 'Phạm Minh Chính',
    signerPosition: 'Thủ tướng',
    signerAuthority: 'THỦ TƯỚNG',
  },
  nq202: {
    numberSymbol: '202/2025/QH15',
    type: 'RESOLUTION',
    issuedOn: '2025-06-12',
    issuerName: 'Quốc hội',
    summary: 'Về việc sắp xếp đơn vị hành chính cấp tỉnh',
    ...naChair('2025-06-12'),
  },
  datDai: law('31/2024/QH15', '2024-01-18', 'Luật Đất đai'),
  nd101: decree(
    '101/2024/NĐ-CP',
    '2024-07-29',
    'Quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai',
  ),
  nd102: decree('102/2024/NĐ-CP', '2024-07-30', 'Quy định chi tiết một số điều của Luật Đất đai'),
  xayDung: law('50/2014/QH13', '2014-06-18', 'Luật Xây dựng'),
  xayDungSua: law('62/2020/QH14', '2020-06-17', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng'),
  nd15: decree(
    '15/2021/NĐ-CP',
    '2021-03-03',
    'Quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng',
  ),
  quyHoachDoThi: law('30/2009/QH12', '2009-06-17', 'Luật Quy hoạch đô thị'),
  nhaO: law('27/2023/QH15', '2023-11-27', 'Luật Nhà ở'),
  kdBds: law('29/2023/QH15', '2023-11-28', 'Luật Kinh doanh bất động sản'),
  doanhNghiep: law('59/2020/QH14', '2020-06-17', 'Luật Doanh nghiệp'),
  nd01: decree('01/2021/NĐ-CP', '2021-01-04', 'Về đăng ký doanh nghiệp'),
  dauTu: law('61/2020/QH14', '2020-06-17', 'Luật Đầu tư'),
  nd31: decree(
    '31/2021/NĐ-CP',
    '2021-03-26',
    'Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư',
  ),
  hopTacXa: law('17/2023/QH15', '2023-06-20', 'Luật Hợp tác xã'),
  dauThau: law('22/2023/QH15', '2023-06-23', 'Luật Đấu thầu'),
  taiSanCong: law('15/2017/QH14', '2017-06-21', 'Luật Quản lý, sử dụng tài sản công'),
  gia: law('16/2023/QH15', '2023-06-19', 'Luật Giá'),
  phiLePhi: law('97/2015/QH13', '2015-11-25', 'Luật Phí và lệ phí'),
  tt85btc: circular(
    '85/2019/TT-BTC',
    '2019-11-29',
    'Bộ Tài chính',
    'Hướng dẫn về các khoản phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương',
  ),
  cuTru: law('68/2020/QH14', '2020-11-13', 'Luật Cư trú'),
  laoDong: law('45/2019/QH14', '2019-11-20', 'Bộ luật Lao động'),
  nd152: decree(
    '152/2020/NĐ-CP',
    '2020-12-30',
    'Quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam',
  ),
  nd28: decree(
    '28/2015/NĐ-CP',
    '2015-03-12',
    'Quy định chi tiết thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp',
  ),
  viecLam: law('38/2013/QH13', '2013-11-16', 'Luật Việc làm'),
  attvsld: law('84/2015/QH13', '2015-06-25', 'Luật An toàn, vệ sinh lao động'),
  gdnn: law('74/2014/QH13', '2014-11-27', 'Luật Giáo dục nghề nghiệp'),
  nd131: decree(
    '131/2021/NĐ-CP',
    '2021-12-30',
    'Quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng',
  ),
  nd20: decree(
    '20/2021/NĐ-CP',
    '2021-03-15',
    'Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
  ),
  treEm: law('102/2016/QH13', '2016-04-05', 'Luật Trẻ em'),
  giaoDuc: law('43/2019/QH14', '2019-06-14', 'Luật Giáo dục'),
  kcb: law('15/2023/QH15', '2023-01-09', 'Luật Khám bệnh, chữa bệnh'),
  nd96: decree('96/2023/NĐ-CP', '2023-12-30', 'Quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh'),
  duoc: law('105/2016/QH13', '2016-04-06', 'Luật Dược'),
  nd54: decree(
    '54/2017/NĐ-CP',
    '2017-05-08',
    'Quy định chi tiết một số điều và biện pháp thi hành Luật Dược',
  ),
  attp: law('55/2010/QH12', '2010-06-17', 'Luật An toàn thực phẩm'),
  nd15attp: decree(
    '15/2018/NĐ-CP',
    '2018-02-02',
    'Quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
  ),
  gtdb: law('23/2008/QH12', '2008-11-13', 'Luật Giao thông đường bộ'),
  ttatgt: law('36/2024/QH15', '2024-06-27', 'Luật Trật tự, an toàn giao thông đường bộ'),
  duongBo: law('35/2024/QH15', '2024-06-27', 'Luật Đường bộ'),
  nd10: decree(
    '10/2020/NĐ-CP',
    '2020-01-17',
    'Quy định về kinh doanh và điều kiện kinh doanh vận tải bằng xe ô tô',
  ),
  dtnd: law('23/2004/QH11', '2004-06-15', 'Luật Giao thông đường thủy nội địa'),
  bvmt: law('72/2020/QH14', '2020-11-17', 'Luật Bảo vệ môi trường'),
  nd08: decree('08/2022/NĐ-CP', '2022-01-10', 'Quy định chi tiết một số điều của Luật Bảo vệ môi trường'),
  taiNguyenNuoc: law('28/2023/QH15', '2023-11-27', 'Luật Tài nguyên nước'),
  khoangSan: law('60/2010/QH12', '2010-11-17', 'Luật Khoáng sản'),
  doDac: law('27/2018/QH14', '2018-06-14', 'Luật Đo đạc và bản đồ'),
  tinNguong: law('02/2016/QH14', '2016-11-18', 'Luật Tín ngưỡng, tôn giáo'),
  thiDua: law('06/2022/QH15', '2022-06-15', 'Luật Thi đua, khen thưởng'),
  nd98: decree(
    '98/2023/NĐ-CP',
    '2023-12-31',
    'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
  ),
  nd45hoi: decree('45/2010/NĐ-CP', '2010-04-21', 'Quy định về tổ chức, hoạt động và quản lý hội'),
  nd93: decree('93/2019/NĐ-CP', '2019-11-25', 'Về tổ chức, hoạt động của quỹ xã hội, quỹ từ thiện'),
  canBoCongChuc: law('22/2008/QH12', '2008-11-13', 'Luật Cán bộ, công chức'),
  vienChuc: law('58/2010/QH12', '2010-11-15', 'Luật Viên chức'),
  baoChi: law('103/2016/QH13', '2016-04-05', 'Luật Báo chí'),
  xuatBan: law('19/2012/QH13', '2012-11-20', 'Luật Xuất bản'),
  vienThong: law('24/2023/QH15', '2023-11-24', 'Luật Viễn thông'),
  buuChinh: law('49/2010/QH12', '2010-06-17', 'Luật Bưu chính'),
  khcn: law('29/2013/QH13', '2013-06-18', 'Luật Khoa học và công nghệ'),
  nangLuongNguyenTu: law('18/2008/QH12', '2008-06-03', 'Luật Năng lượng nguyên tử'),
  tieuChuan: law('68/2006/QH11', '2006-06-29', 'Luật Tiêu chuẩn và quy chuẩn kỹ thuật'),
  thuongMai: law('36/2005/QH11', '2005-06-14', 'Luật Thương mại'),
  dienLuc: law('28/2004/QH11', '2004-12-03', 'Luật Điện lực'),
  hoaChat: law('06/2007/QH12', '2007-11-21', 'Luật Hóa chất'),
  nd105: decree('105/2017/NĐ-CP', '2017-09-14', 'Về kinh doanh rượu'),
  nd83: decree('83/2014/NĐ-CP', '2014-09-03', 'Về kinh doanh xăng dầu'),
  nd87: decree('87/2018/NĐ-CP', '2018-06-15', 'Về kinh doanh khí'),
  trongTrot: law('31/2018/QH14', '2018-11-19', 'Luật Trồng trọt'),
  chanNuoi: law('32/2018/QH14', '2018-11-19', 'Luật Chăn nuôi'),
  thuY: law('79/2015/QH13', '2015-06-19', 'Luật Thú y'),
  thuySan: law('18/2017/QH14', '2017-11-21', 'Luật Thủy sản'),
  lamNghiep: law('16/2017/QH14', '2017-11-15', 'Luật Lâm nghiệp'),
  thuyLoi: law('08/2017/QH14', '2017-06-19', 'Luật Thủy lợi'),
  thienTai: law('33/2013/QH13', '2013-06-19', 'Luật Phòng, chống thiên tai'),
  duLich: law('09/2017/QH14', '2017-06-19', 'Luật Du lịch'),
  nd168: decree('168/2017/NĐ-CP', '2017-12-31', 'Quy định chi tiết một số điều của Luật Du lịch'),
  nd54karaoke: decree(
    '54/2019/NĐ-CP',
    '2019-06-19',
    'Quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường',
  ),
  nd144: decree('144/2020/NĐ-CP', '2020-12-14', 'Quy định về hoạt động nghệ thuật biểu diễn'),
  diSan: law('28/2001/QH10', '2001-06-29', 'Luật Di sản văn hóa'),
  theThao: law('77/2006/QH11', '2006-11-29', 'Luật Thể dục, thể thao'),
  thuVien: law('46/2019/QH14', '2019-11-21', 'Luật Thư viện'),
  quangCao: law('16/2012/QH13', '2012-06-21', 'Luật Quảng cáo'),
  pccc: law('27/2001/QH10', '2001-06-29', 'Luật Phòng cháy và chữa cháy'),
  nd136: decree(
    '136/2020/NĐ-CP',
    '2020-11-24',
    'Quy định chi tiết một số điều và biện pháp thi hành Luật Phòng cháy và chữa cháy và Luật sửa đổi, bổ sung một số điều của Luật Phòng cháy và chữa cháy',
  ),
  xuatNhapCanh: law('49/2019/QH14', '2019-11-22', 'Luật Xuất cảnh, nhập cảnh của công dân Việt Nam'),
  khieuNai: law('02/2011/QH13', '2011-11-11', 'Luật Khiếu nại'),
  toCao: law('25/2018/QH14', '2018-06-12', 'Luật Tố cáo'),
  tiepCongDan: law('42/2013/QH13', '2013-11-25', 'Luật Tiếp công dân'),
} satisfies Record<string, NationalDocument>;

export type LegalKey = keyof typeof NATIONAL_DOCUMENTS;

/** Documents the seed articles name, with the province whose database holds them. */
export interface ProvincialDocument {
  province: string;
  numberSymbol: string;
  type: DocumentType;
  issuedOn: string;
  summary: string;
}

export const ARTICLE_DOCUMENTS: readonly ProvincialDocument[] = [
  {
    province: '67',
    numberSymbol: '1271/QĐ-UBND',
    type: 'DECISION',
    issuedOn: '2021-08-18',
    summary: 'Về việc ban hành Kế hoạch cải cách hành chính tỉnh Đắk Nông giai đoạn 2021 - 2025',
  },
  {
    province: '67',
    numberSymbol: '1887/QĐ-UBND',
    type: 'DECISION',
    issuedOn: '2020-12-18',
    summary: 'Về việc ban hành Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2021',
  },
  {
    province: '67',
    numberSymbol: '5849/UBND-NCKSTT',
    type: 'OFFICIAL_LETTER',
    issuedOn: '2021-10-08',
    summary:
      'V/v đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030',
  },
  {
    province: '17',
    numberSymbol: '1315/UBND-NVK',
    type: 'OFFICIAL_LETTER',
    issuedOn: '2022-08-01',
    summary:
      'V/v tăng cường các giải pháp tiếp tục nâng cao Chỉ số cải cách hành chính, Chỉ số hài lòng của người dân năm 2022',
  },
];

/** Abbreviations of document types in number/symbols (Decree 30/2020, appendix III). */
export const TYPE_CODES: Readonly<Record<string, DocumentType>> = {
  NQ: 'RESOLUTION',
  QĐ: 'DECISION',
  CT: 'DIRECTIVE',
  KH: 'PLAN',
  TB: 'NOTICE',
  BC: 'REPORT',
  TTr: 'SUBMISSION',
  HD: 'GUIDANCE',
  CTr: 'PROGRAMME',
  QC: 'REGULATION',
  NĐ: 'DECREE',
  TT: 'CIRCULAR',
};
