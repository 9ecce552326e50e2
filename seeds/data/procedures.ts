import type { LegalKey } from './documents.ts';
import type { DeptKey } from './units.ts';

/**
 * Base procedures by field (lĩnh vực), in the style of the national procedure database. Three carry their
 * real national codes; every other code the seeds generate is in the clearly synthetic `9.xxxxxx` range.
 */
export type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface BaseProcedure {
  name: string;
  level: Level;
  /** Real national code (mã TTHC), only where verified. */
  code?: string;
  days: number;
  fee: number;
}

export interface FieldDef {
  field: string;
  department: DeptKey;
  legal: readonly LegalKey[];
  applicants: string;
  result: string;
  /** Field-specific dossier components (thành phần hồ sơ). */
  components: readonly string[];
  procedures: readonly BaseProcedure[];
}

const p = (name: string, level: Level, days: number, fee = 0, code?: string): BaseProcedure => ({
  name,
  level,
  days,
  fee,
  ...(code ? { code } : {}),
});

export const FIELDS: readonly FieldDef[] = [
  {
    field: 'Hộ tịch',
    department: 'TP',
    legal: ['hoTich', 'nd123', 'tt04btp'],
    applicants: 'Công dân Việt Nam; người nước ngoài cư trú tại Việt Nam',
    result: 'Giấy khai sinh, Giấy chứng nhận kết hôn hoặc trích lục hộ tịch',
    components: [
      'Tờ khai theo mẫu',
      'Giấy chứng sinh hoặc văn bản của người làm chứng',
      'Giấy tờ tùy thân của người yêu cầu',
    ],
    procedures: [
      p('Đăng ký khai sinh', 'COMMUNE', 1, 0, '1.001193'),
      p('Đăng ký kết hôn', 'COMMUNE', 1, 0, '1.000894'),
      p('Đăng ký khai tử', 'COMMUNE', 1),
      p('Đăng ký nhận cha, mẹ, con', 'COMMUNE', 3, 15000),
      p('Đăng ký giám hộ', 'COMMUNE', 3),
      p('Cấp bản sao trích lục hộ tịch', 'COMMUNE', 1, 8000),
      p('Cấp Giấy xác nhận tình trạng hôn nhân', 'COMMUNE', 3),
      p('Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'COMMUNE', 3, 15000),
      p('Đăng ký khai sinh có yếu tố nước ngoài', 'DISTRICT', 3, 75000),
      p('Đăng ký kết hôn có yếu tố nước ngoài', 'DISTRICT', 15, 1500000),
      p(
        'Ghi vào Sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
        'DISTRICT',
        12,
        50000,
      ),
      p('Đăng ký khai tử có yếu tố nước ngoài', 'DISTRICT', 3, 75000),
    ],
  },
  {
    field: 'Chứng thực',
    department: 'TP',
    legal: ['nd23'],
    applicants: 'Cá nhân, tổ chức',
    result: 'Bản sao được chứng thực; giấy tờ, văn bản được chứng thực chữ ký',
    components: [
      'Bản chính giấy tờ, văn bản cần chứng thực',
      'Giấy tờ tùy thân của người yêu cầu chứng thực',
    ],
    procedures: [
      p('Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'COMMUNE', 1, 2000, '2.000815'),
      p('Chứng thực chữ ký trong các giấy tờ, văn bản', 'COMMUNE', 1, 10000),
      p('Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 'COMMUNE', 2, 50000),
      p('Chứng thực văn bản thỏa thuận phân chia di sản', 'COMMUNE', 2, 50000),
      p('Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực', 'COMMUNE', 2, 2000),
      p(
        'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của nước ngoài cấp',
        'DISTRICT',
        1,
        2000,
      ),
      p('Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật', 'DISTRICT', 1, 10000),
    ],
  },
  {
    field: 'Đất đai',
    department: 'TNMT',
    legal: ['datDai'],
    applicants: 'Hộ gia đình, cá nhân, tổ chức sử dụng đất',
    result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    components: [
      'Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)',
      'Giấy tờ về quyền sử dụng đất',
      'Chứng từ thực hiện nghĩa vụ tài chính',
    ],
    procedures: [
      p('Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu', 'DISTRICT', 20, 100000),
      p('Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế', 'DISTRICT', 10, 50000),
      p('Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'DISTRICT', 7, 50000),
      p('Cấp lại Giấy chứng nhận do bị mất', 'DISTRICT', 10, 50000),
      p('Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền', 'DISTRICT', 15),
      p('Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất', 'PROVINCE', 20),
      p('Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật', 'PROVINCE', 30),
      p('Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', 'DISTRICT', 1, 80000),
      p('Xóa đăng ký thế chấp quyền sử dụng đất', 'DISTRICT', 1, 20000),
      p('Hòa giải tranh chấp đất đai', 'COMMUNE', 30),
      p('Cung cấp thông tin, dữ liệu đất đai', 'DISTRICT', 2, 30000),
    ],
  },
  {
    field: 'Xây dựng',
    department: 'XD',
    legal: ['xayDung', 'xayDungSua'],
    applicants: 'Chủ đầu tư là tổ chức, cá nhân',
    result: 'Giấy phép xây dựng hoặc văn bản thông báo kết quả thẩm định',
    components: [
      'Đơn đề nghị cấp giấy phép xây dựng',
      'Bản vẽ thiết kế xây dựng',
      'Giấy tờ chứng minh quyền sử dụng đất',
    ],
    procedures: [
      p('Cấp giấy phép xây dựng nhà ở riêng lẻ', 'DISTRICT', 15, 75000),
      p('Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II', 'PROVINCE', 20, 150000),
      p('Cấp giấy phép sửa chữa, cải tạo công trình', 'PROVINCE', 20, 150000),
      p('Gia hạn giấy phép xây dựng', 'DISTRICT', 5, 15000),
      p('Cấp lại giấy phép xây dựng', 'DISTRICT', 5, 15000),
      p('Điều chỉnh giấy phép xây dựng', 'PROVINCE', 15, 150000),
      p('Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng', 'PROVINCE', 30),
      p('Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', 'PROVINCE', 20, 300000),
      p('Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III', 'PROVINCE', 20, 1000000),
      p('Cấp giấy phép di dời công trình', 'PROVINCE', 20),
    ],
  },
  {
    field: 'Thành lập và hoạt động của doanh nghiệp',
    department: 'KHDT',
    legal: ['doanhNghiep'],
    applicants: 'Tổ chức, cá nhân thành lập doanh nghiệp',
    result: 'Giấy chứng nhận đăng ký doanh nghiệp',
    components: [
      'Giấy đề nghị đăng ký doanh nghiệp',
      'Điều lệ công ty',
      'Danh sách thành viên, cổ đông sáng lập',
      'Bản sao giấy tờ pháp lý của cá nhân',
    ],
    procedures: [
      p('Đăng ký thành lập doanh nghiệp tư nhân', 'PROVINCE', 3, 50000),
      p('Đăng ký thành lập công ty TNHH một thành viên', 'PROVINCE', 3, 50000),
      p('Đăng ký thành lập công ty TNHH hai thành viên trở lên', 'PROVINCE', 3, 50000),
      p('Đăng ký thành lập công ty cổ phần', 'PROVINCE', 3, 50000),
      p('Đăng ký thay đổi người đại diện theo pháp luật', 'PROVINCE', 3, 50000),
      p('Đăng ký thay đổi vốn điều lệ', 'PROVINCE', 3, 50000),
      p('Thông báo tạm ngừng kinh doanh', 'PROVINCE', 3),
      p('Giải thể doanh nghiệp', 'PROVINCE', 5),
      p('Đăng ký thành lập chi nhánh, văn phòng đại diện', 'PROVINCE', 3, 50000),
      p('Cấp lại Giấy chứng nhận đăng ký doanh nghiệp', 'PROVINCE', 3, 50000),
    ],
  },
  {
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    department: 'KHDT',
    legal: ['doanhNghiep'],
    applicants: 'Cá nhân, thành viên hộ gia đình',
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    components: ['Giấy đề nghị đăng ký hộ kinh doanh', 'Bản sao giấy tờ pháp lý của chủ hộ kinh doanh'],
    procedures: [
      p('Đăng ký thành lập hộ kinh doanh', 'DISTRICT', 3, 100000),
      p('Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'DISTRICT', 3, 50000),
      p('Tạm ngừng hoạt động hộ kinh doanh', 'DISTRICT', 3),
      p('Chấm dứt hoạt động hộ kinh doanh', 'DISTRICT', 3),
    ],
  },
  {
    field: 'Đầu tư tại Việt Nam',
    department: 'KHDT',
    legal: ['dauTu'],
    applicants: 'Nhà đầu tư trong nước và nước ngoài',
    result: 'Quyết định chấp thuận chủ trương đầu tư; Giấy chứng nhận đăng ký đầu tư',
    components: [
      'Văn bản đề nghị thực hiện dự án đầu tư',
      'Đề xuất dự án đầu tư',
      'Tài liệu về tư cách pháp lý của nhà đầu tư',
    ],
    procedures: [
      p('Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh', 'PROVINCE', 35),
      p('Cấp Giấy chứng nhận đăng ký đầu tư', 'PROVINCE', 15),
      p('Điều chỉnh dự án đầu tư', 'PROVINCE', 25),
      p('Chấm dứt hoạt động dự án đầu tư', 'PROVINCE', 15),
    ],
  },
  {
    field: 'Lao động',
    department: 'LDTBXH',
    legal: ['laoDong', 'viecLam'],
    applicants: 'Người lao động, người sử dụng lao động',
    result: 'Giấy phép, văn bản xác nhận hoặc quyết định',
    components: ['Văn bản đề nghị', 'Giấy chứng nhận sức khỏe', 'Bản sao văn bằng, chứng chỉ'],
    procedures: [
      p('Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', 'PROVINCE', 5, 600000),
      p('Gia hạn giấy phép lao động cho người lao động nước ngoài', 'PROVINCE', 5, 450000),
      p('Giải quyết hưởng trợ cấp thất nghiệp', 'PROVINCE', 20),
      p('Đăng ký nội quy lao động của doanh nghiệp', 'PROVINCE', 7),
      p('Cấp giấy phép hoạt động dịch vụ việc làm', 'PROVINCE', 7),
      p('Cấp giấy phép hoạt động cho thuê lại lao động', 'PROVINCE', 20),
    ],
  },
  {
    field: 'Bảo trợ xã hội',
    department: 'LDTBXH',
    legal: ['treEm'],
    applicants: 'Người cao tuổi, người khuyết tật, đối tượng bảo trợ xã hội',
    result: 'Quyết định trợ cấp xã hội hằng tháng',
    components: ['Tờ khai đề nghị trợ giúp xã hội', 'Giấy xác nhận khuyết tật (nếu có)'],
    procedures: [
      p('Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng', 'COMMUNE', 22),
      p('Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', 'COMMUNE', 30),
      p('Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'COMMUNE', 5),
      p('Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập', 'DISTRICT', 15),
    ],
  },
  {
    field: 'Người có công',
    department: 'LDTBXH',
    legal: ['laoDong'],
    applicants: 'Người có công với cách mạng và thân nhân',
    result: 'Quyết định hưởng chế độ ưu đãi',
    components: ['Bản khai cá nhân', 'Giấy tờ chứng minh là người có công'],
    procedures: [
      p('Giải quyết chế độ ưu đãi đối với thân nhân liệt sĩ', 'PROVINCE', 20),
      p('Hỗ trợ người có công với cách mạng cải thiện nhà ở', 'DISTRICT', 30),
      p('Giải quyết trợ cấp mai táng phí đối với người có công', 'PROVINCE', 12),
    ],
  },
  {
    field: 'Giáo dục và Đào tạo',
    department: 'GDDT',
    legal: ['giaoDuc'],
    applicants: 'Cơ sở giáo dục, học sinh, giáo viên',
    result: 'Quyết định cho phép hoặc văn bằng, chứng chỉ',
    components: ['Tờ trình đề nghị', 'Đề án thành lập', 'Danh sách đội ngũ giáo viên'],
    procedures: [
      p('Thành lập trường trung học phổ thông công lập', 'PROVINCE', 20),
      p('Cho phép trường trung học phổ thông hoạt động giáo dục', 'PROVINCE', 20),
      p('Thành lập trường mầm non tư thục', 'DISTRICT', 20),
      p('Chuyển trường đối với học sinh trung học phổ thông', 'PROVINCE', 3),
      p('Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'PROVINCE', 1, 3000),
      p('Chỉnh sửa nội dung văn bằng, chứng chỉ', 'PROVINCE', 5),
      p('Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục', 'PROVINCE', 15),
      p('Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú', 'DISTRICT', 10),
    ],
  },
  {
    field: 'Y tế',
    department: 'YT',
    legal: ['kcb', 'duoc', 'attp'],
    applicants: 'Người hành nghề và cơ sở khám bệnh, chữa bệnh, kinh doanh dược',
    result: 'Giấy phép hành nghề; giấy chứng nhận đủ điều kiện',
    components: ['Đơn đề nghị', 'Bản sao văn bằng chuyên môn', 'Giấy xác nhận quá trình thực hành'],
    procedures: [
      p('Cấp giấy phép hành nghề khám bệnh, chữa bệnh', 'PROVINCE', 20, 360000),
      p('Cấp giấy phép hoạt động đối với phòng khám đa khoa', 'PROVINCE', 45, 4300000),
      p('Cấp Chứng chỉ hành nghề dược', 'PROVINCE', 20, 500000),
      p('Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược', 'PROVINCE', 30, 1000000),
      p('Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'PROVINCE', 20, 500000),
      p('Cấp giấy xác nhận nội dung quảng cáo thực phẩm', 'PROVINCE', 10, 1100000),
      p('Cấp giấy chứng sinh', 'COMMUNE', 1),
    ],
  },
  {
    field: 'Đường bộ',
    department: 'GTVT',
    legal: ['ttatgt', 'duongBo'],
    applicants: 'Cá nhân, tổ chức kinh doanh vận tải',
    result: 'Giấy phép lái xe; giấy phép kinh doanh vận tải',
    components: ['Đơn đề nghị theo mẫu', 'Giấy khám sức khỏe của người lái xe', 'Bản sao giấy phép lái xe'],
    procedures: [
      p('Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'PROVINCE', 5, 135000),
      p('Cấp lại giấy phép lái xe', 'PROVINCE', 10, 135000),
      p('Cấp Giấy phép kinh doanh vận tải bằng xe ô tô', 'PROVINCE', 5),
      p('Cấp phù hiệu xe ô tô kinh doanh vận tải', 'PROVINCE', 2),
      p('Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn', 'PROVINCE', 2),
      p('Cấp phép thi công công trình đường bộ trên quốc lộ đang khai thác', 'PROVINCE', 7),
      p('Đăng ký phương tiện thủy nội địa lần đầu', 'DISTRICT', 3, 70000),
    ],
  },
  {
    field: 'Môi trường',
    department: 'TNMT',
    legal: ['bvmt'],
    applicants: 'Chủ dự án đầu tư, cơ sở sản xuất, kinh doanh',
    result: 'Giấy phép môi trường; quyết định phê duyệt kết quả thẩm định',
    components: ['Văn bản đề nghị', 'Báo cáo đề xuất cấp giấy phép môi trường'],
    procedures: [
      p('Cấp giấy phép môi trường', 'PROVINCE', 30),
      p('Thẩm định báo cáo đánh giá tác động môi trường', 'PROVINCE', 25),
      p('Cấp giấy phép môi trường cấp huyện', 'DISTRICT', 15),
      p('Đăng ký môi trường', 'COMMUNE', 5),
    ],
  },
  {
    field: 'Tài nguyên nước',
    department: 'TNMT',
    legal: ['taiNguyenNuoc'],
    applicants: 'Tổ chức, cá nhân khai thác tài nguyên nước',
    result: 'Giấy phép khai thác, sử dụng tài nguyên nước',
    components: ['Đơn đề nghị cấp giấy phép', 'Đề án khai thác nước'],
    procedures: [
      p('Cấp giấy phép khai thác, sử dụng nước dưới đất', 'PROVINCE', 30, 400000),
      p('Cấp giấy phép khai thác, sử dụng nước mặt', 'PROVINCE', 30, 600000),
      p('Cấp giấy phép xả nước thải vào nguồn nước', 'PROVINCE', 30, 600000),
    ],
  },
  {
    field: 'Văn hóa',
    department: 'VHTT',
    legal: ['diSan', 'nd144', 'quangCao'],
    applicants: 'Tổ chức, cá nhân hoạt động văn hóa',
    result: 'Giấy phép; văn bản chấp thuận',
    components: ['Đơn đề nghị', 'Kịch bản, danh mục tác phẩm'],
    procedures: [
      p('Cấp giấy phép kinh doanh dịch vụ karaoke', 'DISTRICT', 5, 4000000),
      p('Thông báo tổ chức biểu diễn nghệ thuật', 'PROVINCE', 5),
      p('Cấp giấy phép tổ chức triển lãm', 'PROVINCE', 7),
      p('Công nhận danh hiệu "Gia đình văn hóa"', 'COMMUNE', 5),
      p('Thông báo sản phẩm quảng cáo trên bảng quảng cáo', 'PROVINCE', 5),
    ],
  },
  {
    field: 'Du lịch',
    department: 'DL',
    legal: ['duLich', 'nd168'],
    applicants: 'Doanh nghiệp, hướng dẫn viên du lịch',
    result: 'Giấy phép kinh doanh dịch vụ lữ hành; thẻ hướng dẫn viên',
    components: ['Đơn đề nghị', 'Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành'],
    procedures: [
      p('Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa', 'PROVINCE', 10, 3000000),
      p('Cấp thẻ hướng dẫn viên du lịch nội địa', 'PROVINCE', 10, 650000),
      p('Công nhận hạng cơ sở lưu trú du lịch', 'PROVINCE', 30, 1500000),
    ],
  },
  {
    field: 'Nông nghiệp',
    department: 'NN',
    legal: ['trongTrot', 'chanNuoi', 'thuY'],
    applicants: 'Tổ chức, cá nhân sản xuất, kinh doanh nông nghiệp',
    result: 'Giấy chứng nhận; giấy phép',
    components: ['Đơn đăng ký', 'Bản thuyết minh điều kiện sản xuất'],
    procedures: [
      p('Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'PROVINCE', 15, 500000),
      p('Cấp Giấy chứng nhận đủ điều kiện chăn nuôi', 'PROVINCE', 15),
      p('Cấp chứng chỉ hành nghề thú y', 'PROVINCE', 5),
      p('Cấp giấy phép khai thác thủy sản', 'PROVINCE', 6, 40000),
      p('Phê duyệt phương án khai thác thực vật rừng', 'DISTRICT', 10),
      p('Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai', 'COMMUNE', 10),
    ],
  },
  {
    field: 'Công Thương',
    department: 'CT',
    legal: ['thuongMai', 'nd105', 'nd83'],
    applicants: 'Thương nhân, doanh nghiệp',
    result: 'Giấy phép kinh doanh; giấy chứng nhận đủ điều kiện',
    components: ['Văn bản đề nghị', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp'],
    procedures: [
      p('Cấp Giấy phép bán buôn rượu', 'PROVINCE', 15, 2200000),
      p('Cấp Giấy phép bán lẻ rượu', 'DISTRICT', 10, 1200000),
      p('Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'PROVINCE', 20, 1200000),
      p('Cấp giấy phép hoạt động điện lực', 'PROVINCE', 15, 800000),
      p('Đăng ký hoạt động khuyến mại', 'PROVINCE', 5),
      p('Cấp Giấy phép bán lẻ sản phẩm thuốc lá', 'DISTRICT', 10, 1100000),
    ],
  },
  {
    field: 'Nội vụ',
    department: 'NV',
    legal: ['canBoCongChuc', 'vienChuc', 'tinNguong'],
    applicants: 'Cơ quan, tổ chức, cá nhân',
    result: 'Quyết định; văn bản chấp thuận',
    components: ['Tờ trình', 'Đề án, phương án'],
    procedures: [
      p('Thẩm định thành lập đơn vị sự nghiệp công lập', 'PROVINCE', 30),
      p('Thi tuyển công chức', 'PROVINCE', 60),
      p('Xét chuyển cán bộ, công chức cấp xã thành công chức cấp huyện trở lên', 'PROVINCE', 30),
      p('Đăng ký hoạt động tín ngưỡng', 'COMMUNE', 15),
      p('Đề nghị công nhận ban vận động thành lập hội', 'PROVINCE', 30),
      p('Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'PROVINCE', 20),
      p('Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', 'COMMUNE', 20),
    ],
  },
  {
    field: 'Thông tin và Truyền thông',
    department: 'TTTT',
    legal: ['baoChi', 'xuatBan', 'vienThong'],
    applicants: 'Cơ quan, tổ chức, doanh nghiệp',
    result: 'Giấy phép; văn bản xác nhận',
    components: ['Đơn đề nghị', 'Mẫu trình bày, danh mục xuất bản phẩm'],
    procedures: [
      p('Cấp giấy phép xuất bản bản tin', 'PROVINCE', 15),
      p('Cấp giấy phép hoạt động in', 'PROVINCE', 7),
      p('Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp', 'PROVINCE', 10),
      p('Đăng ký hoạt động cơ sở in', 'PROVINCE', 7),
    ],
  },
  {
    field: 'Khoa học và Công nghệ',
    department: 'KHCN',
    legal: ['khcn', 'tieuChuan'],
    applicants: 'Tổ chức khoa học và công nghệ, doanh nghiệp',
    result: 'Giấy chứng nhận; giấy phép',
    components: ['Đơn đăng ký', 'Điều lệ tổ chức'],
    procedures: [
      p('Đăng ký hoạt động khoa học và công nghệ', 'PROVINCE', 15, 500000),
      p('Cấp giấy phép tiến hành công việc bức xạ', 'PROVINCE', 15),
      p('Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá', 'PROVINCE', 5, 150000),
    ],
  },
  {
    field: 'Cư trú',
    department: 'CA',
    legal: ['cuTru'],
    applicants: 'Công dân Việt Nam',
    result: 'Thông tin cư trú được cập nhật trong Cơ sở dữ liệu về cư trú',
    components: ['Tờ khai thay đổi thông tin cư trú', 'Giấy tờ chứng minh chỗ ở hợp pháp'],
    procedures: [
      p('Đăng ký thường trú', 'COMMUNE', 7, 20000),
      p('Đăng ký tạm trú', 'COMMUNE', 3, 15000),
      p('Xóa đăng ký thường trú', 'COMMUNE', 1),
      p('Khai báo tạm vắng', 'COMMUNE', 1),
    ],
  },
  {
    field: 'Khiếu nại, tố cáo',
    department: 'VP',
    legal: ['khieuNai', 'toCao', 'tiepCongDan'],
    applicants: 'Công dân, cơ quan, tổ chức',
    result: 'Quyết định giải quyết khiếu nại; kết luận nội dung tố cáo',
    components: ['Đơn khiếu nại, tố cáo', 'Tài liệu, chứng cứ kèm theo'],
    procedures: [
      p('Giải quyết khiếu nại lần đầu', 'PROVINCE', 30),
      p('Giải quyết khiếu nại lần hai', 'PROVINCE', 45),
      p('Giải quyết tố cáo', 'DISTRICT', 30),
      p('Tiếp công dân', 'COMMUNE', 1),
    ],
  },
];

/** Qualifiers that turn a base procedure into the variants a real catalogue lists separately. */
export const VARIANTS: readonly string[] = [
  '',
  'trong trường hợp cấp lại',
  'đối với trường hợp có yếu tố nước ngoài',
  '(thủ tục liên thông)',
  'trong trường hợp điều chỉnh, bổ sung',
  'đối với tổ chức',
  'đối với cá nhân',
  'trên địa bàn khu kinh tế, khu công nghiệp',
  '(sửa đổi, bổ sung năm 2023)',
  'theo quy trình rút gọn',
];

/** Generic components appended to field-specific ones. */
export const COMMON_COMPONENTS: readonly string[] = [
  'Giấy ủy quyền (trường hợp nộp thay)',
  'Bản sao Căn cước công dân hoặc Căn cước',
  'Văn bản xác nhận của Ủy ban nhân dân cấp xã',
  'Biên lai nộp phí, lệ phí',
];
