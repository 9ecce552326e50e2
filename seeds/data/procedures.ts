import type { LegalKey } from './documents.ts';
import type { DeptKey } from './units.ts';

/**
 * The procedure catalogue of the demo provinces: real procedures by field (lĩnh vực) with their names,
 * levels, online service kind, dossier components, fees and processing times as the national procedure
 * database publishes them (simplified to the common case), then synthetic procedures that fill the
 * catalogue to the size the articles give.
 *
 * National codes (`^\d\.\d{6}$`, opaque):
 * - `1.xxxxxx`, `2.xxxxxx`, `3.xxxxxx`: the real code of a real procedure, given only where it was checked
 *   against at least one public listing of the national database (see `code` on each procedure);
 * - `8.xxxxxx`: a real procedure whose national code we could not confirm (placeholder, never official);
 * - `9.xxxxxx`: a synthetic procedure (demo filler, name generated from a field's objects × actions).
 * Demo data: never present it as the official catalogue.
 */
export type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
/** Decree 42/2022: FULL (toàn trình) only where the whole procedure can be done online; PARTIAL (một phần). */
export type OnlineKind = 'FULL' | 'PARTIAL' | 'NONE';
export type TimeUnit = 'WORKING_DAY' | 'DAY' | 'HOUR';

/** First digit of the placeholder code of a real procedure whose national code is not confirmed. */
export const UNVERIFIED_CODE_PREFIX = '8';
/** First digit of every synthetic procedure's code. */
export const SYNTHETIC_CODE_PREFIX = '9';

/** A dossier component (thành phần hồ sơ): originals and copies, form template (mẫu) if any. */
export interface Component {
  name: string;
  originals: number;
  copies: number;
  form?: string;
}

export interface RealProcedure {
  name: string;
  level: Level;
  /** Real national code (mã TTHC), only where confirmed; otherwise an `8.` placeholder is generated. */
  code?: string;
  kind: OnlineKind;
  /** Processing time (thời hạn giải quyết) and its unit. */
  time: number;
  unit: TimeUnit;
  /** Fee or charge (phí, lệ phí) in VND for the direct channel; 0 where free. */
  fee: number;
  /** Fee when submitted online, where a lower one applies. */
  onlineFee?: number;
  feeNote?: string;
  /** Whether the result can be sent by public postal service (the applicants need not attend). */
  postal: boolean;
  components: readonly Component[];
  /** Steps (trình tự thực hiện), short. */
  steps?: readonly string[];
  /** Conditions (yêu cầu, điều kiện), if any. */
  conditions?: string;
}

export interface FieldDef {
  field: string;
  department: DeptKey;
  legal: readonly LegalKey[];
  applicants: string;
  result: string;
  procedures: readonly RealProcedure[];
  /** Objects (permits, certificates, registrations) of the field the synthetic procedures are named after. */
  objects: readonly string[];
  /** Evidence a synthetic procedure of the field asks for besides its request form. */
  evidence: readonly string[];
  /** Level of the field's synthetic procedures. */
  syntheticLevel: Level;
}

/** An original (bản chính), optionally with its form template. */
const orig = (name: string, form?: string): Component => ({
  name,
  originals: 1,
  copies: 0,
  ...(form ? { form } : {}),
});
/** A copy (bản sao; certified or presented with the original). */
const copy = (name: string, copies = 1): Component => ({ name, originals: 0, copies });
/** Presented for checking (xuất trình), not kept. */
const shown = (name: string): Component => ({ name, originals: 1, copies: 0 });

const ID = shown('Giấy tờ tùy thân có ảnh của người yêu cầu (Căn cước, Hộ chiếu) hoặc thông tin trên VNeID');
const PROXY = orig('Văn bản ủy quyền được chứng thực (trường hợp ủy quyền thực hiện)');

interface Opts {
  code?: string;
  fee?: number;
  onlineFee?: number;
  feeNote?: string;
  unit?: TimeUnit;
  postal?: boolean;
  steps?: readonly string[];
  conditions?: string;
}
const p = (
  name: string,
  level: Level,
  kind: OnlineKind,
  time: number,
  components: readonly Component[],
  o: Opts = {},
): RealProcedure => ({
  name,
  level,
  kind,
  time,
  unit: o.unit ?? 'WORKING_DAY',
  fee: o.fee ?? 0,
  postal: o.postal ?? kind !== 'NONE',
  components,
  ...(o.code ? { code: o.code } : {}),
  ...(o.onlineFee !== undefined ? { onlineFee: o.onlineFee } : {}),
  ...(o.feeNote ? { feeNote: o.feeNote } : {}),
  ...(o.steps ? { steps: o.steps } : {}),
  ...(o.conditions ? { conditions: o.conditions } : {}),
});

const STEPS_COMMUNE = [
  'Nộp hồ sơ tại Bộ phận Một cửa cấp xã hoặc trên Cổng Dịch vụ công',
  'Công chức tư pháp - hộ tịch kiểm tra, tiếp nhận',
  'Chủ tịch Ủy ban nhân dân cấp xã ký kết quả',
  'Trả kết quả',
];
const STEPS_PROVINCE = [
  'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trên Cổng Dịch vụ công',
  'Cơ quan chuyên môn thẩm định hồ sơ',
  'Lãnh đạo cơ quan có thẩm quyền quyết định',
  'Trả kết quả',
];

export const FIELDS: readonly FieldDef[] = [
  {
    field: 'Hộ tịch',
    department: 'TP',
    legal: ['hoTich', 'nd123', 'tt04btp'],
    applicants: 'Công dân Việt Nam; người nước ngoài cư trú tại Việt Nam',
    result: 'Giấy khai sinh, Giấy chứng nhận kết hôn, trích lục hộ tịch',
    syntheticLevel: 'COMMUNE',
    objects: [
      'trích lục ghi chú ly hôn',
      'trích lục ghi chú việc nuôi con nuôi',
      'trích lục đăng ký giám sát việc giám hộ',
    ],
    evidence: ['Giấy tờ tùy thân của người yêu cầu', 'Bản sao giấy tờ hộ tịch có liên quan'],
    procedures: [
      p(
        'Đăng ký khai sinh',
        'COMMUNE',
        'FULL',
        1,
        [
          orig('Tờ khai đăng ký khai sinh', 'Mẫu Tờ khai đăng ký khai sinh (Thông tư 04/2024/TT-BTP)'),
          orig('Giấy chứng sinh; nếu không có: văn bản của người làm chứng hoặc giấy cam đoan về việc sinh'),
          ID,
          PROXY,
        ],
        {
          code: '1.001193',
          feeNote: 'Miễn lệ phí khi đăng ký đúng hạn (Luật Hộ tịch, Điều 11)',
          steps: STEPS_COMMUNE,
          conditions: 'Đăng ký trong thời hạn 60 ngày kể từ ngày sinh',
        },
      ),
      p(
        'Đăng ký kết hôn',
        'COMMUNE',
        'PARTIAL',
        1,
        [
          orig('Tờ khai đăng ký kết hôn', 'Mẫu Tờ khai đăng ký kết hôn (Thông tư 04/2024/TT-BTP)'),
          orig('Giấy xác nhận tình trạng hôn nhân (nếu đăng ký thường trú ở xã khác)'),
          shown('Giấy tờ tùy thân của hai bên nam, nữ'),
        ],
        {
          code: '1.000894',
          postal: false,
          feeNote: 'Miễn lệ phí đối với công dân Việt Nam cư trú trong nước',
          steps: [
            ...STEPS_COMMUNE.slice(0, 2),
            'Hai bên nam, nữ có mặt, ký Giấy chứng nhận kết hôn và Sổ hộ tịch',
            'Trao Giấy chứng nhận kết hôn',
          ],
          conditions:
            'Hai bên nam, nữ phải có mặt khi đăng ký kết hôn; đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình',
        },
      ),
      p(
        'Đăng ký khai tử',
        'COMMUNE',
        'FULL',
        1,
        [
          orig('Tờ khai đăng ký khai tử', 'Mẫu Tờ khai đăng ký khai tử (Thông tư 04/2024/TT-BTP)'),
          orig('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp'),
          ID,
          PROXY,
        ],
        {
          code: '1.000656',
          feeNote: 'Miễn lệ phí khi đăng ký đúng hạn',
          steps: STEPS_COMMUNE,
          conditions: 'Đăng ký trong thời hạn 15 ngày kể từ ngày chết',
        },
      ),
      p(
        'Đăng ký lại khai sinh',
        'COMMUNE',
        'PARTIAL',
        5,
        [
          orig('Tờ khai đăng ký lại khai sinh', 'Mẫu Tờ khai đăng ký lại khai sinh'),
          copy('Bản sao Giấy khai sinh hoặc giấy tờ có giá trị chứng minh nội dung khai sinh'),
          ID,
        ],
        {
          code: '1.004884',
          fee: 8000,
          conditions: 'Việc khai sinh đã đăng ký nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất',
        },
      ),
      p(
        'Cấp bản sao trích lục hộ tịch',
        'COMMUNE',
        'FULL',
        1,
        [orig('Tờ khai cấp bản sao trích lục hộ tịch', 'Mẫu Tờ khai cấp bản sao trích lục hộ tịch'), ID],
        {
          code: '2.000635',
          fee: 8000,
          feeNote: '8.000 đồng/bản sao trích lục',
        },
      ),
      p(
        'Cấp Giấy xác nhận tình trạng hôn nhân',
        'COMMUNE',
        'FULL',
        3,
        [
          orig(
            'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
            'Mẫu Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
          ),
          ID,
          copy('Bản sao bản án, quyết định ly hôn đã có hiệu lực (nếu đã ly hôn)'),
        ],
        { code: '1.004873', fee: 3000 },
      ),
      p(
        'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
        'COMMUNE',
        'PARTIAL',
        3,
        [
          orig(
            'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
            'Mẫu Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch',
          ),
          orig('Giấy khai sinh (bản chính)'),
          copy('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung'),
          ID,
        ],
        { code: '1.004859', fee: 15000 },
      ),
      p(
        'Đăng ký nhận cha, mẹ, con',
        'COMMUNE',
        'PARTIAL',
        3,
        [
          orig('Tờ khai đăng ký nhận cha, mẹ, con', 'Mẫu Tờ khai nhận cha, mẹ, con'),
          orig('Văn bản giám định ADN hoặc chứng cứ chứng minh quan hệ cha, mẹ, con'),
          ID,
        ],
        {
          fee: 15000,
          postal: false,
          conditions: 'Bên nhận và bên được nhận phải có mặt',
        },
      ),
      p('Đăng ký giám hộ', 'COMMUNE', 'PARTIAL', 3, [
        orig('Tờ khai đăng ký giám hộ', 'Mẫu Tờ khai đăng ký giám hộ'),
        orig('Văn bản cử người giám hộ'),
        ID,
      ]),
      p('Đăng ký chấm dứt giám hộ', 'COMMUNE', 'PARTIAL', 2, [
        orig('Tờ khai đăng ký chấm dứt giám hộ', 'Mẫu Tờ khai đăng ký chấm dứt giám hộ'),
        copy('Giấy tờ làm căn cứ chấm dứt việc giám hộ'),
        ID,
      ]),
      p(
        'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
        'COMMUNE',
        'PARTIAL',
        3,
        [
          orig('Tờ khai đăng ký khai sinh'),
          orig('Tờ khai nhận cha, mẹ, con'),
          orig('Giấy chứng sinh'),
          orig('Chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con'),
          ID,
        ],
        {
          fee: 15000,
          postal: false,
        },
      ),
      p('Đăng ký khai tử lưu động', 'COMMUNE', 'NONE', 5, [
        orig('Tờ khai đăng ký khai tử'),
        orig('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử'),
      ]),
      p(
        'Đăng ký kết hôn lưu động',
        'COMMUNE',
        'NONE',
        5,
        [orig('Tờ khai đăng ký kết hôn'), shown('Giấy tờ tùy thân của hai bên nam, nữ')],
        {
          conditions: 'Hai bên nam, nữ phải có mặt',
        },
      ),
      p(
        'Đăng ký khai sinh có yếu tố nước ngoài',
        'DISTRICT',
        'PARTIAL',
        3,
        [
          orig('Tờ khai đăng ký khai sinh'),
          orig('Giấy chứng sinh'),
          orig('Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con'),
          ID,
        ],
        {
          fee: 75000,
        },
      ),
      p(
        'Đăng ký kết hôn có yếu tố nước ngoài',
        'DISTRICT',
        'PARTIAL',
        15,
        [
          orig('Tờ khai đăng ký kết hôn'),
          orig('Giấy tờ xác nhận tình trạng hôn nhân của người nước ngoài (hợp pháp hóa lãnh sự)'),
          orig('Giấy xác nhận của tổ chức y tế về việc không mắc bệnh tâm thần'),
          copy('Bản sao hộ chiếu của người nước ngoài'),
        ],
        {
          fee: 1500000,
          postal: false,
          conditions: 'Hai bên nam, nữ phải có mặt khi trao Giấy chứng nhận kết hôn',
        },
      ),
      p(
        'Đăng ký khai tử có yếu tố nước ngoài',
        'DISTRICT',
        'PARTIAL',
        3,
        [orig('Tờ khai đăng ký khai tử'), orig('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử'), ID],
        { fee: 75000 },
      ),
      p(
        'Ghi vào Sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
        'DISTRICT',
        'PARTIAL',
        12,
        [
          orig('Tờ khai ghi vào Sổ hộ tịch'),
          copy('Bản sao giấy tờ hộ tịch do cơ quan có thẩm quyền của nước ngoài cấp (hợp pháp hóa lãnh sự)'),
          ID,
        ],
        { fee: 50000 },
      ),
    ],
  },
  {
    field: 'Chứng thực',
    department: 'TP',
    legal: ['nd23'],
    applicants: 'Cá nhân, tổ chức',
    result: 'Bản sao được chứng thực; giấy tờ, văn bản được chứng thực chữ ký; hợp đồng được chứng thực',
    syntheticLevel: 'COMMUNE',
    objects: [],
    evidence: [],
    procedures: [
      p(
        'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
        'COMMUNE',
        'PARTIAL',
        1,
        [
          orig('Bản chính giấy tờ, văn bản làm cơ sở chứng thực bản sao'),
          copy('Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)'),
        ],
        {
          code: '2.000815',
          fee: 2000,
          feeNote: '2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang; tối đa 200.000 đồng/bản',
          postal: false,
          conditions: 'Bản chính không thuộc các trường hợp không được dùng làm cơ sở chứng thực bản sao',
        },
      ),
      p(
        'Chứng thực chữ ký trong các giấy tờ, văn bản',
        'COMMUNE',
        'NONE',
        1,
        [ID, orig('Giấy tờ, văn bản mà mình sẽ ký')],
        {
          code: '2.000884',
          fee: 10000,
          conditions: 'Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực',
        },
      ),
      p(
        'Chứng thực di chúc',
        'COMMUNE',
        'NONE',
        2,
        [
          orig('Dự thảo di chúc'),
          ID,
          copy(
            'Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản (nếu di chúc liên quan đến tài sản)',
          ),
        ],
        {
          code: '2.001019',
          fee: 50000,
          conditions: 'Người lập di chúc phải tự mình yêu cầu chứng thực',
        },
      ),
      p(
        'Chứng thực văn bản từ chối nhận di sản',
        'COMMUNE',
        'NONE',
        2,
        [orig('Dự thảo văn bản từ chối nhận di sản'), ID],
        { code: '2.001016', fee: 50000 },
      ),
      p(
        'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản',
        'COMMUNE',
        'NONE',
        2,
        [
          orig('Dự thảo hợp đồng, giao dịch'),
          shown('Giấy tờ tùy thân của các bên'),
          copy('Bản sao giấy chứng nhận quyền sở hữu tài sản'),
        ],
        { fee: 50000 },
      ),
      p(
        'Chứng thực văn bản thỏa thuận phân chia di sản',
        'COMMUNE',
        'NONE',
        2,
        [
          orig('Dự thảo văn bản thỏa thuận phân chia di sản'),
          shown('Giấy tờ tùy thân của những người thừa kế'),
          copy('Bản sao giấy chứng tử của người để lại di sản'),
        ],
        { fee: 50000 },
      ),
      p(
        'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực',
        'COMMUNE',
        'PARTIAL',
        2,
        [ID],
        { fee: 2000 },
      ),
      p(
        'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
        'COMMUNE',
        'NONE',
        2,
        [orig('Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ'), shown('Giấy tờ tùy thân của các bên')],
        { fee: 30000 },
      ),
      p(
        'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của nước ngoài cấp',
        'DISTRICT',
        'PARTIAL',
        1,
        [orig('Bản chính giấy tờ, văn bản đã được hợp pháp hóa lãnh sự')],
        {
          fee: 2000,
          postal: false,
        },
      ),
      p(
        'Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật',
        'DISTRICT',
        'NONE',
        1,
        [orig('Bản dịch và giấy tờ cần dịch'), ID],
        { fee: 10000 },
      ),
    ],
  },
  {
    field: 'Nuôi con nuôi',
    department: 'TP',
    legal: ['nuoiConNuoi'],
    applicants: 'Công dân Việt Nam thường trú trong nước',
    result: 'Giấy chứng nhận nuôi con nuôi',
    syntheticLevel: 'COMMUNE',
    objects: [],
    evidence: [],
    procedures: [
      p(
        'Đăng ký việc nuôi con nuôi trong nước',
        'COMMUNE',
        'PARTIAL',
        30,
        [
          orig('Đơn xin nhận con nuôi', 'Mẫu Đơn xin nhận con nuôi trong nước'),
          orig('Phiếu lý lịch tư pháp của người nhận con nuôi'),
          orig('Văn bản xác nhận tình trạng sức khỏe, hoàn cảnh gia đình, chỗ ở của người nhận con nuôi'),
          copy('Bản sao Giấy khai sinh của người được giới thiệu làm con nuôi'),
          orig('Văn bản đồng ý của cha mẹ đẻ hoặc người giám hộ'),
        ],
        {
          code: '2.001263',
          fee: 400000,
          postal: false,
          conditions: 'Người nhận con nuôi hơn con nuôi từ 20 tuổi trở lên',
        },
      ),
      p('Đăng ký lại việc nuôi con nuôi trong nước', 'COMMUNE', 'PARTIAL', 5, [
        orig('Tờ khai đăng ký lại việc nuôi con nuôi'),
        copy('Bản sao giấy tờ chứng minh việc nuôi con nuôi đã đăng ký'),
      ]),
    ],
  },
  {
    field: 'Lý lịch tư pháp',
    department: 'TP',
    legal: ['llTuPhap'],
    applicants: 'Công dân Việt Nam, người nước ngoài đã hoặc đang cư trú tại Việt Nam',
    result: 'Phiếu lý lịch tư pháp',
    syntheticLevel: 'PROVINCE',
    objects: [],
    evidence: [],
    procedures: [
      p(
        'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
        'PROVINCE',
        'FULL',
        10,
        [orig('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Mẫu số 03/2013/TT-LLTP'), ID],
        {
          fee: 200000,
          onlineFee: 100000,
          steps: STEPS_PROVINCE,
          feeNote: 'Sinh viên, người có công, thân nhân liệt sĩ: 100.000 đồng',
        },
      ),
      p('Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng', 'PROVINCE', 'NONE', 10, [
        orig('Văn bản yêu cầu cấp Phiếu lý lịch tư pháp của cơ quan tiến hành tố tụng'),
      ]),
    ],
  },
  {
    field: 'Đất đai',
    department: 'TNMT',
    legal: ['datDai', 'nd101', 'nd102'],
    applicants: 'Hộ gia đình, cá nhân, tổ chức sử dụng đất',
    result:
      'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất; văn bản của cơ quan có thẩm quyền',
    syntheticLevel: 'DISTRICT',
    objects: [
      'trích lục bản đồ địa chính',
      'trích đo địa chính thửa đất',
      'văn bản xác nhận nguồn gốc sử dụng đất',
      'hồ sơ địa chính của thửa đất',
      'quyết định giao đất ở tái định cư',
    ],
    evidence: ['Giấy chứng nhận đã cấp', 'Sơ đồ thửa đất', 'Chứng từ thực hiện nghĩa vụ tài chính'],
    procedures: [
      p(
        'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu',
        'DISTRICT',
        'PARTIAL',
        20,
        [
          orig('Đơn đăng ký đất đai, tài sản gắn liền với đất', 'Mẫu số 04/ĐK'),
          copy('Giấy tờ về quyền sử dụng đất (nếu có)'),
          copy('Giấy tờ về tài sản gắn liền với đất (nếu có)'),
          copy('Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ miễn, giảm (nếu có)'),
        ],
        { fee: 100000, conditions: 'Đất không có tranh chấp, sử dụng ổn định, phù hợp quy hoạch' },
      ),
      p(
        'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế',
        'DISTRICT',
        'PARTIAL',
        10,
        [
          orig('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'Mẫu số 11/ĐK'),
          orig('Hợp đồng, văn bản chuyển nhượng, tặng cho hoặc văn bản thừa kế đã công chứng, chứng thực'),
          orig('Giấy chứng nhận đã cấp (bản gốc)'),
        ],
        { fee: 50000 },
      ),
      p(
        'Cấp đổi Giấy chứng nhận quyền sử dụng đất',
        'DISTRICT',
        'PARTIAL',
        7,
        [
          orig('Đơn đề nghị cấp đổi Giấy chứng nhận', 'Mẫu số 11/ĐK'),
          orig('Giấy chứng nhận đã cấp (bản gốc)'),
        ],
        { fee: 50000 },
      ),
      p(
        'Cấp lại Giấy chứng nhận do bị mất',
        'DISTRICT',
        'PARTIAL',
        10,
        [
          orig('Đơn đề nghị cấp lại Giấy chứng nhận', 'Mẫu số 11/ĐK'),
          orig('Giấy xác nhận của Ủy ban nhân dân cấp xã về việc niêm yết thông báo mất Giấy chứng nhận'),
        ],
        { fee: 50000 },
      ),
      p(
        'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền',
        'DISTRICT',
        'PARTIAL',
        15,
        [orig('Đơn xin chuyển mục đích sử dụng đất', 'Mẫu số 02c'), orig('Giấy chứng nhận đã cấp (bản gốc)')],
      ),
      p('Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất', 'PROVINCE', 'PARTIAL', 20, [
        orig('Đơn xin giao đất, cho thuê đất'),
        copy('Văn bản chấp thuận chủ trương đầu tư'),
        orig('Trích lục bản đồ địa chính khu đất'),
      ]),
      p(
        'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
        'DISTRICT',
        'FULL',
        1,
        [
          orig('Phiếu yêu cầu đăng ký thế chấp', 'Mẫu số 01/ĐKTC'),
          orig('Hợp đồng thế chấp'),
          orig('Giấy chứng nhận đã cấp (bản gốc)'),
        ],
        { fee: 80000 },
      ),
      p(
        'Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
        'DISTRICT',
        'FULL',
        1,
        [
          orig('Phiếu yêu cầu xóa đăng ký thế chấp', 'Mẫu số 03/ĐKTC'),
          orig('Giấy chứng nhận đã cấp (bản gốc)'),
        ],
        { fee: 20000 },
      ),
      p(
        'Hòa giải tranh chấp đất đai',
        'COMMUNE',
        'NONE',
        30,
        [
          orig('Đơn đề nghị hòa giải tranh chấp đất đai'),
          copy('Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp'),
        ],
        { unit: 'DAY' },
      ),
      p(
        'Cung cấp thông tin, dữ liệu đất đai',
        'DISTRICT',
        'FULL',
        2,
        [orig('Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai', 'Mẫu số 01/PYC')],
        { fee: 30000 },
      ),
      p('Gia hạn sử dụng đất nông nghiệp của hộ gia đình, cá nhân', 'DISTRICT', 'PARTIAL', 7, [
        orig('Đơn đề nghị gia hạn sử dụng đất', 'Mẫu số 08/ĐK'),
        orig('Giấy chứng nhận đã cấp (bản gốc)'),
      ]),
      p(
        'Tách thửa hoặc hợp thửa đất',
        'DISTRICT',
        'PARTIAL',
        15,
        [
          orig('Đơn đề nghị tách thửa, hợp thửa', 'Mẫu số 11/ĐK'),
          orig('Giấy chứng nhận đã cấp (bản gốc)'),
          orig('Bản vẽ tách thửa, hợp thửa'),
        ],
        { fee: 50000 },
      ),
    ],
  },
  {
    field: 'Xây dựng',
    department: 'XD',
    legal: ['xayDung', 'xayDungSua', 'nd15'],
    applicants: 'Chủ đầu tư là tổ chức, cá nhân',
    result: 'Giấy phép xây dựng; văn bản thông báo kết quả thẩm định',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy phép xây dựng có thời hạn',
      'giấy phép xây dựng công trình quảng cáo',
      'giấy phép xây dựng công trình theo tuyến',
      'giấy phép xây dựng công trình tín ngưỡng, tôn giáo',
      'chứng chỉ hành nghề giám sát thi công xây dựng',
      'chứng chỉ hành nghề định giá xây dựng',
      'chứng chỉ năng lực thi công xây dựng',
      'giấy phép hoạt động xây dựng cho nhà thầu nước ngoài',
    ],
    evidence: [
      'Bản vẽ thiết kế xây dựng',
      'Giấy tờ chứng minh quyền sử dụng đất',
      'Báo cáo kết quả thẩm định thiết kế',
    ],
    procedures: [
      p(
        'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
        'DISTRICT',
        'PARTIAL',
        15,
        [
          orig('Đơn đề nghị cấp giấy phép xây dựng', 'Mẫu số 01 Phụ lục II Nghị định 15/2021/NĐ-CP'),
          copy('Giấy tờ chứng minh quyền sử dụng đất'),
          copy('Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', 2),
        ],
        { code: '1.009122', fee: 75000 },
      ),
      p(
        'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig('Đơn đề nghị cấp giấy phép xây dựng', 'Mẫu số 01 Phụ lục II Nghị định 15/2021/NĐ-CP'),
          copy('Giấy tờ chứng minh quyền sử dụng đất'),
          copy('Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định'),
          copy('Bản vẽ thiết kế xây dựng', 2),
        ],
        { fee: 150000 },
      ),
      p(
        'Cấp giấy phép sửa chữa, cải tạo công trình',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig('Đơn đề nghị cấp giấy phép sửa chữa, cải tạo'),
          copy('Giấy tờ chứng minh quyền sở hữu công trình'),
          copy('Bản vẽ hiện trạng và thiết kế sửa chữa', 2),
        ],
        { fee: 150000 },
      ),
      p(
        'Gia hạn giấy phép xây dựng',
        'DISTRICT',
        'FULL',
        5,
        [
          orig('Đơn đề nghị gia hạn giấy phép xây dựng', 'Mẫu số 02 Phụ lục II Nghị định 15/2021/NĐ-CP'),
          orig('Giấy phép xây dựng đã cấp (bản chính)'),
        ],
        { fee: 15000 },
      ),
      p(
        'Cấp lại giấy phép xây dựng',
        'DISTRICT',
        'FULL',
        5,
        [orig('Đơn đề nghị cấp lại giấy phép xây dựng', 'Mẫu số 02 Phụ lục II Nghị định 15/2021/NĐ-CP')],
        { fee: 15000 },
      ),
      p(
        'Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ',
        'DISTRICT',
        'PARTIAL',
        15,
        [
          orig('Đơn đề nghị điều chỉnh giấy phép xây dựng'),
          orig('Giấy phép xây dựng đã cấp (bản chính)'),
          copy('Bản vẽ thiết kế điều chỉnh', 2),
        ],
        { fee: 15000 },
      ),
      p(
        'Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng',
        'PROVINCE',
        'PARTIAL',
        30,
        [
          orig('Tờ trình thẩm định', 'Mẫu số 01 Phụ lục I Nghị định 15/2021/NĐ-CP'),
          orig('Báo cáo nghiên cứu khả thi'),
          copy('Văn bản phê duyệt chủ trương đầu tư'),
        ],
        {
          feeNote: 'Phí thẩm định theo tổng mức đầu tư (Thông tư 28/2023/TT-BTC)',
        },
      ),
      p(
        'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
        'PROVINCE',
        'FULL',
        20,
        [
          orig('Đơn đề nghị cấp chứng chỉ hành nghề', 'Mẫu số 01 Phụ lục IV Nghị định 15/2021/NĐ-CP'),
          orig('Ảnh màu 4x6 cm'),
          copy('Văn bằng do cơ sở đào tạo cấp'),
        ],
        { fee: 300000, onlineFee: 150000 },
      ),
      p(
        'Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III',
        'PROVINCE',
        'FULL',
        20,
        [
          orig('Đơn đề nghị cấp chứng chỉ năng lực', 'Mẫu số 04 Phụ lục IV Nghị định 15/2021/NĐ-CP'),
          copy('Quyết định thành lập hoặc Giấy chứng nhận đăng ký doanh nghiệp'),
          orig('Danh sách nhân sự chủ chốt'),
        ],
        { fee: 1000000, onlineFee: 500000 },
      ),
      p('Cấp giấy phép di dời công trình', 'PROVINCE', 'PARTIAL', 20, [
        orig('Đơn đề nghị cấp giấy phép di dời công trình'),
        orig('Phương án di dời'),
      ]),
    ],
  },
  {
    field: 'Thành lập và hoạt động của doanh nghiệp',
    department: 'KHDT',
    legal: ['doanhNghiep', 'nd01'],
    applicants: 'Tổ chức, cá nhân thành lập doanh nghiệp',
    result: 'Giấy chứng nhận đăng ký doanh nghiệp; giấy xác nhận thay đổi nội dung đăng ký doanh nghiệp',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận đăng ký hoạt động chi nhánh',
      'Giấy chứng nhận đăng ký hoạt động văn phòng đại diện',
      'Giấy chứng nhận đăng ký địa điểm kinh doanh',
      'Giấy chứng nhận đăng ký doanh nghiệp xã hội',
    ],
    evidence: [
      'Nghị quyết, quyết định của chủ sở hữu hoặc Hội đồng thành viên',
      'Bản sao giấy tờ pháp lý của người đại diện theo pháp luật',
    ],
    procedures: [
      p(
        'Đăng ký thành lập doanh nghiệp tư nhân',
        'PROVINCE',
        'FULL',
        3,
        [
          orig('Giấy đề nghị đăng ký doanh nghiệp tư nhân', 'Phụ lục I-1 Thông tư 01/2021/TT-BKHĐT'),
          copy('Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân'),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
      p(
        'Đăng ký thành lập công ty TNHH một thành viên',
        'PROVINCE',
        'FULL',
        3,
        [
          orig('Giấy đề nghị đăng ký doanh nghiệp', 'Phụ lục I-2 Thông tư 01/2021/TT-BKHĐT'),
          orig('Điều lệ công ty'),
          copy('Bản sao giấy tờ pháp lý của chủ sở hữu'),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
      p(
        'Đăng ký thành lập công ty TNHH hai thành viên trở lên',
        'PROVINCE',
        'FULL',
        3,
        [
          orig('Giấy đề nghị đăng ký doanh nghiệp', 'Phụ lục I-3 Thông tư 01/2021/TT-BKHĐT'),
          orig('Điều lệ công ty'),
          orig('Danh sách thành viên', 'Phụ lục I-6 Thông tư 01/2021/TT-BKHĐT'),
          copy('Bản sao giấy tờ pháp lý của các thành viên'),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
      p(
        'Đăng ký thành lập công ty cổ phần',
        'PROVINCE',
        'FULL',
        3,
        [
          orig('Giấy đề nghị đăng ký doanh nghiệp', 'Phụ lục I-4 Thông tư 01/2021/TT-BKHĐT'),
          orig('Điều lệ công ty'),
          orig('Danh sách cổ đông sáng lập', 'Phụ lục I-7 Thông tư 01/2021/TT-BKHĐT'),
          copy('Bản sao giấy tờ pháp lý của cổ đông sáng lập'),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
      p(
        'Đăng ký thay đổi người đại diện theo pháp luật của công ty TNHH, công ty cổ phần',
        'PROVINCE',
        'FULL',
        3,
        [
          orig('Thông báo thay đổi nội dung đăng ký doanh nghiệp', 'Phụ lục II-1 Thông tư 01/2021/TT-BKHĐT'),
          orig('Nghị quyết, quyết định về việc thay đổi người đại diện'),
          copy('Bản sao giấy tờ pháp lý của người đại diện mới'),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
      p(
        'Đăng ký thay đổi vốn điều lệ, thay đổi tỷ lệ vốn góp',
        'PROVINCE',
        'FULL',
        3,
        [
          orig('Thông báo thay đổi nội dung đăng ký doanh nghiệp', 'Phụ lục II-1 Thông tư 01/2021/TT-BKHĐT'),
          orig('Nghị quyết, quyết định về việc thay đổi vốn điều lệ'),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
      p(
        'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
        'PROVINCE',
        'FULL',
        3,
        [
          orig('Thông báo tạm ngừng kinh doanh', 'Phụ lục II-19 Thông tư 01/2021/TT-BKHĐT'),
          orig('Nghị quyết, quyết định về việc tạm ngừng kinh doanh'),
        ],
      ),
      p('Giải thể doanh nghiệp', 'PROVINCE', 'FULL', 5, [
        orig('Thông báo về việc giải thể doanh nghiệp', 'Phụ lục II-22 Thông tư 01/2021/TT-BKHĐT'),
        orig('Báo cáo thanh lý tài sản doanh nghiệp'),
        orig('Danh sách chủ nợ và số nợ đã thanh toán'),
      ]),
      p(
        'Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh',
        'PROVINCE',
        'FULL',
        3,
        [
          orig(
            'Thông báo về việc đăng ký hoạt động chi nhánh, văn phòng đại diện',
            'Phụ lục II-7 Thông tư 01/2021/TT-BKHĐT',
          ),
          orig('Quyết định thành lập chi nhánh, văn phòng đại diện'),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
      p(
        'Cấp lại Giấy chứng nhận đăng ký doanh nghiệp',
        'PROVINCE',
        'FULL',
        3,
        [
          orig(
            'Giấy đề nghị cấp lại Giấy chứng nhận đăng ký doanh nghiệp',
            'Phụ lục II-18 Thông tư 01/2021/TT-BKHĐT',
          ),
        ],
        { fee: 50000, onlineFee: 0 },
      ),
    ],
  },
  {
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    department: 'KHDT',
    legal: ['doanhNghiep', 'nd01'],
    applicants: 'Cá nhân, thành viên hộ gia đình',
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    syntheticLevel: 'DISTRICT',
    objects: [],
    evidence: [],
    procedures: [
      p(
        'Đăng ký thành lập hộ kinh doanh',
        'DISTRICT',
        'FULL',
        3,
        [
          orig('Giấy đề nghị đăng ký hộ kinh doanh', 'Phụ lục III-1 Thông tư 01/2021/TT-BKHĐT'),
          copy('Bản sao giấy tờ pháp lý của chủ hộ kinh doanh'),
          orig('Biên bản họp thành viên hộ gia đình (trường hợp các thành viên cùng đăng ký)'),
        ],
        { code: '1.001612', fee: 100000 },
      ),
      p(
        'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
        'DISTRICT',
        'FULL',
        3,
        [
          orig(
            'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
            'Phụ lục III-2 Thông tư 01/2021/TT-BKHĐT',
          ),
        ],
        { code: '2.000720', fee: 50000 },
      ),
      p(
        'Tạm ngừng hoạt động hộ kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
        'DISTRICT',
        'FULL',
        3,
        [orig('Thông báo về việc tạm ngừng kinh doanh', 'Phụ lục III-3 Thông tư 01/2021/TT-BKHĐT')],
      ),
      p('Chấm dứt hoạt động hộ kinh doanh', 'DISTRICT', 'FULL', 3, [
        orig('Thông báo về việc chấm dứt hoạt động hộ kinh doanh', 'Phụ lục III-4 Thông tư 01/2021/TT-BKHĐT'),
        orig('Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế'),
      ]),
      p(
        'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
        'DISTRICT',
        'FULL',
        3,
        [
          orig(
            'Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
            'Phụ lục III-5 Thông tư 01/2021/TT-BKHĐT',
          ),
        ],
        { fee: 50000 },
      ),
    ],
  },
  {
    field: 'Đầu tư tại Việt Nam',
    department: 'KHDT',
    legal: ['dauTu', 'nd31'],
    applicants: 'Nhà đầu tư trong nước và nước ngoài',
    result: 'Quyết định chấp thuận chủ trương đầu tư; Giấy chứng nhận đăng ký đầu tư',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận đăng ký đầu tư dự án trong khu công nghiệp',
      'văn bản chấp thuận nhà đầu tư',
      'văn bản xác nhận ưu đãi đầu tư',
      'văn bản chấp thuận góp vốn, mua cổ phần của nhà đầu tư nước ngoài',
    ],
    evidence: [
      'Tài liệu về tư cách pháp lý của nhà đầu tư',
      'Đề xuất dự án đầu tư',
      'Báo cáo tình hình thực hiện dự án',
    ],
    procedures: [
      p('Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh', 'PROVINCE', 'PARTIAL', 35, [
        orig('Văn bản đề nghị thực hiện dự án đầu tư', 'Mẫu A.I.1 Thông tư 03/2021/TT-BKHĐT'),
        orig('Đề xuất dự án đầu tư', 'Mẫu A.I.2 Thông tư 03/2021/TT-BKHĐT'),
        copy('Tài liệu về tư cách pháp lý của nhà đầu tư'),
        copy('Báo cáo tài chính 02 năm gần nhất của nhà đầu tư'),
      ]),
      p(
        'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
        'PROVINCE',
        'PARTIAL',
        15,
        [
          orig('Văn bản đề nghị cấp Giấy chứng nhận đăng ký đầu tư', 'Mẫu A.I.1 Thông tư 03/2021/TT-BKHĐT'),
          orig('Đề xuất dự án đầu tư'),
          copy('Tài liệu về tư cách pháp lý của nhà đầu tư'),
        ],
      ),
      p(
        'Điều chỉnh dự án đầu tư thuộc thẩm quyền chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh',
        'PROVINCE',
        'PARTIAL',
        25,
        [
          orig('Văn bản đề nghị điều chỉnh dự án đầu tư', 'Mẫu A.I.11 Thông tư 03/2021/TT-BKHĐT'),
          orig('Báo cáo tình hình triển khai dự án đầu tư'),
        ],
      ),
      p('Chấm dứt hoạt động dự án đầu tư', 'PROVINCE', 'PARTIAL', 15, [
        orig('Thông báo chấm dứt hoạt động dự án đầu tư', 'Mẫu A.II.14 Thông tư 03/2021/TT-BKHĐT'),
        copy('Quyết định chấm dứt hoạt động dự án của nhà đầu tư'),
      ]),
    ],
  },
  {
    field: 'Việc làm',
    department: 'LDTBXH',
    legal: ['laoDong', 'viecLam', 'nd152', 'nd28'],
    applicants: 'Người lao động, người sử dụng lao động',
    result: 'Giấy phép lao động; quyết định hưởng trợ cấp thất nghiệp; giấy phép hoạt động',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy phép hoạt động dịch vụ việc làm của doanh nghiệp',
      'văn bản xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
      'văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài',
      'giấy chứng nhận đăng ký hợp đồng nhận lao động thực tập',
    ],
    evidence: [
      'Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
      'Văn bản chứng minh trình độ chuyên môn',
      'Giấy chứng nhận sức khỏe',
    ],
    procedures: [
      p(
        'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
        'PROVINCE',
        'FULL',
        5,
        [
          orig('Văn bản đề nghị cấp giấy phép lao động', 'Mẫu số 11/PLI Nghị định 152/2020/NĐ-CP'),
          orig('Giấy chứng nhận sức khỏe'),
          orig('Phiếu lý lịch tư pháp'),
          copy('Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia'),
          orig('Ảnh màu 4x6 cm', undefined),
        ],
        { fee: 600000 },
      ),
      p(
        'Gia hạn giấy phép lao động cho người lao động nước ngoài',
        'PROVINCE',
        'FULL',
        5,
        [
          orig('Văn bản đề nghị gia hạn giấy phép lao động', 'Mẫu số 11/PLI Nghị định 152/2020/NĐ-CP'),
          orig('Giấy phép lao động còn thời hạn'),
          orig('Giấy chứng nhận sức khỏe'),
        ],
        { fee: 450000 },
      ),
      p(
        'Giải quyết hưởng trợ cấp thất nghiệp',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig('Đề nghị hưởng trợ cấp thất nghiệp', 'Mẫu số 03 Thông tư 28/2015/TT-BLĐTBXH'),
          copy('Hợp đồng lao động đã chấm dứt hoặc quyết định thôi việc'),
          orig('Sổ bảo hiểm xã hội'),
        ],
        { postal: false, conditions: 'Nộp hồ sơ trong 03 tháng kể từ ngày chấm dứt hợp đồng lao động' },
      ),
      p('Đăng ký nội quy lao động của doanh nghiệp', 'PROVINCE', 'FULL', 7, [
        orig('Văn bản đề nghị đăng ký nội quy lao động'),
        orig('Nội quy lao động'),
        orig('Văn bản góp ý của tổ chức đại diện người lao động'),
      ]),
      p('Cấp giấy phép hoạt động cho thuê lại lao động', 'PROVINCE', 'PARTIAL', 20, [
        orig('Văn bản đề nghị cấp giấy phép', 'Mẫu số 05/PLIII Nghị định 145/2020/NĐ-CP'),
        orig('Giấy chứng nhận tiền ký quỹ'),
        orig('Phiếu lý lịch tư pháp của người đại diện theo pháp luật'),
      ]),
    ],
  },
  {
    field: 'Bảo trợ xã hội',
    department: 'LDTBXH',
    legal: ['nd20', 'treEm'],
    applicants: 'Người cao tuổi, người khuyết tật, trẻ em có hoàn cảnh đặc biệt, đối tượng bảo trợ xã hội',
    result: 'Quyết định trợ cấp xã hội hằng tháng; Giấy xác nhận khuyết tật',
    syntheticLevel: 'COMMUNE',
    objects: [
      'quyết định hỗ trợ kinh phí chăm sóc, nuôi dưỡng đối tượng bảo trợ xã hội',
      'quyết định tiếp nhận đối tượng vào cơ sở trợ giúp xã hội',
      'quyết định hỗ trợ khẩn cấp đối với trẻ em bị xâm hại',
      'quyết định hỗ trợ làm nhà ở cho hộ nghèo',
    ],
    evidence: [
      'Tờ khai thông tin của đối tượng',
      'Giấy xác nhận khuyết tật (nếu có)',
      'Bản sao giấy tờ tùy thân',
    ],
    procedures: [
      p(
        'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
        'COMMUNE',
        'PARTIAL',
        22,
        [
          orig('Tờ khai đề nghị trợ giúp xã hội', 'Mẫu số 1a, 1b, 1c, 1d Nghị định 20/2021/NĐ-CP'),
          copy('Giấy xác nhận khuyết tật (đối với người khuyết tật)'),
        ],
        { code: '1.001776' },
      ),
      p(
        'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
        'COMMUNE',
        'PARTIAL',
        30,
        [
          orig(
            'Đơn đề nghị xác định, xác định lại mức độ khuyết tật',
            'Mẫu số 01 Thông tư 01/2019/TT-BLĐTBXH',
          ),
          copy('Bệnh án, giấy tờ khám, điều trị, phẫu thuật (nếu có)'),
        ],
        { code: '1.001699', postal: false },
      ),
      p('Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'COMMUNE', 'PARTIAL', 5, [
        orig('Tờ khai đề nghị hỗ trợ chi phí mai táng', 'Mẫu số 04 Nghị định 20/2021/NĐ-CP'),
        copy('Giấy báo tử hoặc trích lục khai tử'),
      ]),
      p('Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', 'COMMUNE', 'NONE', 12, [
        orig('Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo', 'Phụ lục Ia Thông tư 07/2021/TT-BLĐTBXH'),
      ]),
      p('Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập', 'DISTRICT', 'PARTIAL', 15, [
        orig('Tờ khai đăng ký thành lập cơ sở trợ giúp xã hội'),
        orig('Dự thảo quy chế hoạt động của cơ sở'),
        copy('Giấy tờ chứng minh quyền sử dụng cơ sở vật chất'),
      ]),
    ],
  },
  {
    field: 'Người có công',
    department: 'LDTBXH',
    legal: ['nd131'],
    applicants: 'Người có công với cách mạng và thân nhân',
    result: 'Quyết định hưởng chế độ ưu đãi',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận thân nhân liệt sĩ',
      'quyết định trợ cấp một lần đối với người có công',
      'quyết định hỗ trợ di chuyển hài cốt liệt sĩ',
      'quyết định công nhận người phục vụ người có công',
    ],
    evidence: ['Bản khai cá nhân', 'Giấy tờ chứng minh là người có công', 'Bản sao giấy chứng tử (nếu có)'],
    procedures: [
      p('Giải quyết chế độ ưu đãi đối với thân nhân liệt sĩ', 'PROVINCE', 'PARTIAL', 20, [
        orig('Bản khai của thân nhân liệt sĩ', 'Mẫu số 04 Phụ lục I Nghị định 131/2021/NĐ-CP'),
        copy('Giấy chứng nhận gia đình liệt sĩ'),
      ]),
      p('Hỗ trợ người có công với cách mạng cải thiện nhà ở', 'DISTRICT', 'NONE', 30, [
        orig('Đơn đề nghị hỗ trợ cải thiện nhà ở'),
        copy('Giấy tờ chứng minh là người có công'),
      ]),
      p(
        'Giải quyết trợ cấp mai táng phí đối với người có công với cách mạng từ trần',
        'PROVINCE',
        'PARTIAL',
        12,
        [
          orig('Bản khai của thân nhân', 'Mẫu số 12 Phụ lục I Nghị định 131/2021/NĐ-CP'),
          copy('Giấy chứng tử hoặc trích lục khai tử'),
        ],
      ),
    ],
  },
  {
    field: 'Giáo dục và Đào tạo',
    department: 'GDDT',
    legal: ['giaoDuc'],
    applicants: 'Cơ sở giáo dục, học sinh, giáo viên',
    result: 'Quyết định cho phép; bản sao văn bằng, chứng chỉ',
    syntheticLevel: 'PROVINCE',
    objects: [
      'quyết định cho phép thành lập trường tiểu học tư thục',
      'quyết định công nhận trường đạt chuẩn quốc gia',
      'giấy phép tổ chức hoạt động giáo dục kỹ năng sống',
      'quyết định cho phép liên kết giáo dục với nước ngoài',
      'giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp',
    ],
    evidence: ['Tờ trình đề nghị', 'Đề án thành lập', 'Danh sách đội ngũ cán bộ quản lý, giáo viên'],
    procedures: [
      p(
        'Thành lập trường trung học phổ thông công lập hoặc cho phép thành lập trường trung học phổ thông tư thục',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig('Tờ trình đề nghị thành lập trường'),
          orig('Đề án thành lập trường'),
          copy('Giấy tờ chứng minh quyền sử dụng đất'),
        ],
      ),
      p('Cho phép trường trung học phổ thông hoạt động giáo dục', 'PROVINCE', 'PARTIAL', 20, [
        orig('Tờ trình đề nghị cho phép hoạt động giáo dục'),
        copy('Quyết định thành lập trường'),
        orig('Danh sách đội ngũ cán bộ quản lý, giáo viên'),
      ]),
      p('Cho phép thành lập nhà trường, nhà trẻ tư thục', 'DISTRICT', 'PARTIAL', 20, [
        orig('Tờ trình đề nghị thành lập'),
        orig('Đề án thành lập'),
        copy('Giấy tờ chứng minh quyền sử dụng đất, thuê cơ sở vật chất'),
      ]),
      p('Chuyển trường đối với học sinh trung học phổ thông', 'PROVINCE', 'FULL', 3, [
        orig('Đơn xin chuyển trường của cha mẹ học sinh'),
        orig('Học bạ (bản chính)'),
        copy('Giấy chứng nhận trúng tuyển vào lớp 10'),
      ]),
      p(
        'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
        'PROVINCE',
        'FULL',
        1,
        [orig('Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc'), ID],
        { fee: 3000, feeNote: 'Phí cấp bản sao từ sổ gốc theo trang' },
      ),
      p('Chỉnh sửa nội dung văn bằng, chứng chỉ', 'PROVINCE', 'PARTIAL', 5, [
        orig('Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ'),
        orig('Văn bằng, chứng chỉ đề nghị chỉnh sửa'),
        copy('Quyết định thay đổi, cải chính hộ tịch'),
      ]),
      p('Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục', 'PROVINCE', 'PARTIAL', 15, [
        orig('Tờ trình đề nghị cho phép hoạt động giáo dục'),
        copy('Quyết định thành lập trung tâm'),
        orig('Danh sách giáo viên kèm bản sao văn bằng'),
      ]),
      p(
        'Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú đang học tại các trường tiểu học, trung học cơ sở',
        'DISTRICT',
        'NONE',
        10,
        [orig('Đơn đề nghị hỗ trợ của cha mẹ học sinh'), copy('Giấy tờ chứng minh nơi thường trú')],
      ),
      p(
        'Tuyển sinh trung học cơ sở',
        'DISTRICT',
        'PARTIAL',
        10,
        [orig('Đơn dự tuyển'), copy('Giấy khai sinh'), orig('Học bạ cấp tiểu học')],
        { code: '3.000182' },
      ),
    ],
  },
  {
    field: 'Khám bệnh, chữa bệnh',
    department: 'YT',
    legal: ['kcb', 'nd96'],
    applicants: 'Người hành nghề và cơ sở khám bệnh, chữa bệnh',
    result: 'Giấy phép hành nghề; giấy phép hoạt động',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy phép hoạt động đối với phòng khám chuyên khoa',
      'giấy phép hoạt động đối với phòng khám y học cổ truyền',
      'giấy phép hoạt động đối với phòng chẩn trị y học cổ truyền',
      'giấy phép hoạt động đối với cơ sở dịch vụ xét nghiệm',
      'giấy phép hoạt động đối với cơ sở dịch vụ chẩn đoán hình ảnh',
      'giấy phép hoạt động đối với phòng khám nha khoa',
      'giấy phép hoạt động đối với trạm y tế cấp xã',
      'giấy phép hành nghề đối với chức danh điều dưỡng',
      'giấy phép hành nghề đối với chức danh hộ sinh',
      'giấy phép hành nghề đối với chức danh kỹ thuật y',
    ],
    evidence: [
      'Bản sao văn bằng chuyên môn',
      'Giấy chứng nhận đủ sức khỏe để hành nghề',
      'Danh sách người hành nghề',
    ],
    procedures: [
      p(
        'Cấp mới giấy phép hành nghề đối với chức danh bác sỹ',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig('Đơn đề nghị cấp giấy phép hành nghề', 'Mẫu 01 Phụ lục I Nghị định 96/2023/NĐ-CP'),
          copy('Văn bằng chuyên môn'),
          orig('Giấy chứng nhận đủ sức khỏe để hành nghề'),
          orig('Giấy xác nhận kết quả đánh giá năng lực hành nghề'),
        ],
        { fee: 360000 },
      ),
      p(
        'Cấp mới giấy phép hoạt động đối với phòng khám đa khoa',
        'PROVINCE',
        'PARTIAL',
        45,
        [
          orig('Đơn đề nghị cấp giấy phép hoạt động'),
          orig('Danh sách người hành nghề'),
          orig('Bản kê khai cơ sở vật chất, thiết bị y tế'),
        ],
        { fee: 5700000 },
      ),
      p(
        'Cấp Giấy chứng sinh cho trường hợp trẻ sinh ra tại cơ sở khám bệnh, chữa bệnh',
        'COMMUNE',
        'NONE',
        1,
        [orig('Giấy tờ tùy thân của mẹ hoặc người thân thích của trẻ')],
      ),
    ],
  },
  {
    field: 'Dược phẩm',
    department: 'YT',
    legal: ['duoc', 'nd54'],
    applicants: 'Người hành nghề dược, cơ sở kinh doanh dược',
    result: 'Chứng chỉ hành nghề dược; Giấy chứng nhận đủ điều kiện kinh doanh dược',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận đủ điều kiện kinh doanh dược đối với nhà thuốc',
      'Giấy chứng nhận đủ điều kiện kinh doanh dược đối với quầy thuốc',
      'Giấy chứng nhận đủ điều kiện kinh doanh dược đối với tủ thuốc trạm y tế xã',
      'giấy xác nhận nội dung thông tin thuốc',
      'giấy xác nhận nội dung quảng cáo mỹ phẩm',
      'phiếu tiếp nhận hồ sơ công bố sản phẩm mỹ phẩm',
    ],
    evidence: ['Bản sao Chứng chỉ hành nghề dược', 'Tài liệu kỹ thuật về địa điểm, trang thiết bị'],
    procedures: [
      p(
        'Cấp Chứng chỉ hành nghề dược theo hình thức xét hồ sơ',
        'PROVINCE',
        'FULL',
        20,
        [
          orig('Đơn đề nghị cấp Chứng chỉ hành nghề dược', 'Mẫu số 02 Phụ lục I Nghị định 54/2017/NĐ-CP'),
          copy('Văn bằng chuyên môn'),
          orig('Giấy xác nhận thời gian thực hành'),
          orig('Ảnh chân dung 4x6 cm'),
        ],
        { fee: 500000 },
      ),
      p(
        'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ thuốc',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig(
            'Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược',
            'Mẫu số 19 Phụ lục I Nghị định 54/2017/NĐ-CP',
          ),
          orig('Tài liệu kỹ thuật về địa điểm, khu vực bảo quản, trang thiết bị'),
          copy('Chứng chỉ hành nghề dược của người phụ trách chuyên môn'),
        ],
        { fee: 1000000 },
      ),
    ],
  },
  {
    field: 'An toàn thực phẩm',
    department: 'YT',
    legal: ['attp', 'nd15attp'],
    applicants: 'Cơ sở sản xuất, kinh doanh thực phẩm',
    result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm; giấy tiếp nhận bản công bố',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy tiếp nhận đăng ký bản công bố sản phẩm thực phẩm bảo vệ sức khỏe',
      'giấy tiếp nhận bản tự công bố sản phẩm thực phẩm',
      'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với bếp ăn tập thể',
      'giấy xác nhận kiến thức về an toàn thực phẩm',
    ],
    evidence: [
      'Bản thuyết minh về cơ sở vật chất, trang thiết bị',
      'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất',
    ],
    procedures: [
      p(
        'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất thực phẩm, kinh doanh dịch vụ ăn uống',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig('Đơn đề nghị cấp Giấy chứng nhận', 'Mẫu số 01 Nghị định 15/2018/NĐ-CP'),
          orig('Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ'),
          orig('Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất'),
        ],
        { code: '2.001827', fee: 700000 },
      ),
      p(
        'Cấp giấy xác nhận nội dung quảng cáo thực phẩm',
        'PROVINCE',
        'FULL',
        10,
        [
          orig('Đơn đề nghị xác nhận nội dung quảng cáo', 'Mẫu số 10 Nghị định 15/2018/NĐ-CP'),
          orig('Mẫu nội dung dự kiến quảng cáo'),
        ],
        { fee: 1100000 },
      ),
    ],
  },
  {
    field: 'Đường bộ',
    department: 'GTVT',
    legal: ['ttatgt', 'duongBo', 'nd10'],
    applicants: 'Cá nhân, tổ chức kinh doanh vận tải',
    result: 'Giấy phép lái xe; giấy phép kinh doanh vận tải; phù hiệu',
    syntheticLevel: 'PROVINCE',
    objects: [
      'phù hiệu xe trung chuyển',
      'phù hiệu xe taxi',
      'giấy phép vận tải qua biên giới',
      'giấy phép liên vận cho phương tiện',
      'chấp thuận khai thác tuyến vận tải hành khách cố định',
      'giấy phép xe tập lái',
      'văn bản chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng đường bộ',
      'giấy phép lưu hành xe bánh xích trên đường bộ',
    ],
    evidence: [
      'Bản sao Giấy chứng nhận đăng ký xe',
      'Bản sao Giấy phép kinh doanh vận tải',
      'Bản vẽ, hồ sơ thiết kế',
    ],
    procedures: [
      p(
        'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
        'PROVINCE',
        'FULL',
        5,
        [
          orig('Đơn đề nghị đổi giấy phép lái xe', 'Mẫu Phụ lục Thông tư 12/2017/TT-BGTVT'),
          orig('Giấy khám sức khỏe của người lái xe'),
          copy('Bản sao giấy phép lái xe'),
        ],
        { fee: 135000, onlineFee: 115000 },
      ),
      p(
        'Cấp lại giấy phép lái xe',
        'PROVINCE',
        'PARTIAL',
        10,
        [orig('Đơn đề nghị cấp lại giấy phép lái xe'), orig('Giấy khám sức khỏe của người lái xe')],
        { fee: 135000 },
      ),
      p('Cấp Giấy phép kinh doanh vận tải bằng xe ô tô', 'PROVINCE', 'FULL', 5, [
        orig('Giấy đề nghị cấp Giấy phép kinh doanh', 'Phụ lục I Nghị định 10/2020/NĐ-CP'),
        copy('Văn bằng, chứng chỉ của người trực tiếp điều hành vận tải'),
        orig('Phương án kinh doanh vận tải'),
      ]),
      p('Cấp phù hiệu xe ô tô kinh doanh vận tải', 'PROVINCE', 'FULL', 2, [
        orig('Giấy đề nghị cấp phù hiệu', 'Phụ lục V Nghị định 10/2020/NĐ-CP'),
        copy('Giấy đăng ký xe ô tô'),
      ]),
      p('Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ', 'PROVINCE', 'FULL', 2, [
        orig('Đơn đề nghị cấp giấy phép lưu hành xe'),
        copy('Giấy đăng ký xe'),
        copy('Giấy chứng nhận kiểm định an toàn kỹ thuật'),
      ]),
      p('Chấp thuận thi công công trình đường bộ trên quốc lộ đang khai thác', 'PROVINCE', 'PARTIAL', 7, [
        orig('Đơn đề nghị chấp thuận thi công'),
        orig('Hồ sơ thiết kế, phương án tổ chức giao thông'),
      ]),
    ],
  },
  {
    field: 'Đường thủy nội địa',
    department: 'GTVT',
    legal: ['dtnd'],
    applicants: 'Chủ phương tiện thủy nội địa',
    result: 'Giấy chứng nhận đăng ký phương tiện thủy nội địa',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận đăng ký phương tiện thủy nội địa',
      'giấy phép hoạt động bến thủy nội địa',
      'giấy phép hoạt động cảng thủy nội địa',
      'chứng chỉ chuyên môn thuyền trưởng hạng ba',
    ],
    evidence: ['Biên lai nộp lệ phí trước bạ', 'Giấy chứng nhận an toàn kỹ thuật của phương tiện'],
    procedures: [
      p(
        'Đăng ký phương tiện thủy nội địa lần đầu đối với phương tiện chưa khai thác',
        'DISTRICT',
        'PARTIAL',
        3,
        [
          orig('Đơn đề nghị đăng ký phương tiện'),
          orig('Biên lai nộp lệ phí trước bạ'),
          copy('Giấy chứng nhận an toàn kỹ thuật và bảo vệ môi trường'),
        ],
        { fee: 70000 },
      ),
    ],
  },
  {
    field: 'Môi trường',
    department: 'TNMT',
    legal: ['bvmt', 'nd08'],
    applicants: 'Chủ dự án đầu tư, cơ sở sản xuất, kinh doanh, dịch vụ',
    result: 'Giấy phép môi trường; quyết định phê duyệt kết quả thẩm định',
    syntheticLevel: 'PROVINCE',
    objects: [
      'quyết định phê duyệt phương án cải tạo, phục hồi môi trường',
      'văn bản chấp thuận vận hành thử nghiệm công trình xử lý chất thải',
      'sổ đăng ký chủ nguồn thải chất thải nguy hại',
      'giấy xác nhận hoàn thành công trình bảo vệ môi trường',
    ],
    evidence: [
      'Báo cáo đề xuất cấp giấy phép môi trường',
      'Bản sao báo cáo nghiên cứu khả thi',
      'Kết quả quan trắc môi trường',
    ],
    procedures: [
      p('Cấp giấy phép môi trường (cấp tỉnh)', 'PROVINCE', 'PARTIAL', 30, [
        orig('Văn bản đề nghị cấp giấy phép môi trường', 'Mẫu số 40 Phụ lục Nghị định 08/2022/NĐ-CP'),
        orig('Báo cáo đề xuất cấp giấy phép môi trường'),
        copy('Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương'),
      ]),
      p('Thẩm định báo cáo đánh giá tác động môi trường', 'PROVINCE', 'PARTIAL', 25, [
        orig('Văn bản đề nghị thẩm định', 'Mẫu số 01 Phụ lục Nghị định 08/2022/NĐ-CP'),
        orig('Báo cáo đánh giá tác động môi trường'),
        copy('Báo cáo nghiên cứu khả thi'),
      ]),
      p('Cấp giấy phép môi trường (cấp huyện)', 'DISTRICT', 'PARTIAL', 15, [
        orig('Văn bản đề nghị cấp giấy phép môi trường'),
        orig('Báo cáo đề xuất cấp giấy phép môi trường'),
      ]),
      p('Đăng ký môi trường', 'COMMUNE', 'FULL', 5, [
        orig('Văn bản đăng ký môi trường', 'Mẫu số 47 Phụ lục Nghị định 08/2022/NĐ-CP'),
      ]),
    ],
  },
  {
    field: 'Tài nguyên nước',
    department: 'TNMT',
    legal: ['taiNguyenNuoc'],
    applicants: 'Tổ chức, cá nhân khai thác, sử dụng tài nguyên nước',
    result: 'Giấy phép khai thác, sử dụng tài nguyên nước',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy phép thăm dò nước dưới đất',
      'giấy phép hành nghề khoan nước dưới đất',
      'văn bản chấp thuận chuyển nước',
      'giấy phép khai thác nước biển',
    ],
    evidence: ['Đề án hoặc báo cáo khai thác, sử dụng nước', 'Kết quả phân tích chất lượng nguồn nước'],
    procedures: [
      p(
        'Cấp giấy phép khai thác, sử dụng nước dưới đất',
        'PROVINCE',
        'PARTIAL',
        30,
        [
          orig('Đơn đề nghị cấp giấy phép'),
          orig('Báo cáo kết quả thăm dò đánh giá trữ lượng nước dưới đất'),
          orig('Kết quả phân tích chất lượng nguồn nước'),
        ],
        { fee: 400000 },
      ),
      p(
        'Cấp giấy phép khai thác, sử dụng nước mặt',
        'PROVINCE',
        'PARTIAL',
        30,
        [
          orig('Đơn đề nghị cấp giấy phép'),
          orig('Đề án khai thác, sử dụng nước mặt'),
          orig('Kết quả phân tích chất lượng nguồn nước'),
        ],
        { fee: 600000 },
      ),
      p(
        'Cấp giấy phép xả nước thải vào nguồn nước',
        'PROVINCE',
        'PARTIAL',
        30,
        [
          orig('Đơn đề nghị cấp giấy phép'),
          orig('Đề án xả nước thải vào nguồn nước'),
          orig('Kết quả phân tích chất lượng nước thải'),
        ],
        { fee: 600000 },
      ),
    ],
  },
  {
    field: 'Văn hóa',
    department: 'VHTT',
    legal: ['diSan', 'nd144', 'quangCao', 'nd54karaoke'],
    applicants: 'Tổ chức, cá nhân hoạt động văn hóa',
    result: 'Giấy phép; văn bản chấp thuận',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy phép kinh doanh dịch vụ vũ trường',
      'giấy phép tổ chức lễ hội',
      'giấy phép nhập khẩu văn hóa phẩm',
      'giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật',
      'giấy phép thành lập bảo tàng ngoài công lập',
      'giấy phép tổ chức thi người đẹp, người mẫu',
      'giấy phép làm bản sao di vật, cổ vật',
    ],
    evidence: ['Kịch bản, danh mục tác phẩm', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp'],
    procedures: [
      p(
        'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
        'DISTRICT',
        'FULL',
        5,
        [
          orig('Đơn đề nghị cấp giấy phép', 'Mẫu số 01 Nghị định 54/2019/NĐ-CP'),
          copy('Giấy chứng nhận đủ điều kiện về phòng cháy, chữa cháy'),
        ],
        { code: '1.001029', fee: 4000000, feeNote: 'Tùy số phòng và địa bàn (Thông tư 01/2021/TT-BTC)' },
      ),
      p('Tổ chức biểu diễn nghệ thuật', 'PROVINCE', 'FULL', 5, [
        orig('Văn bản thông báo tổ chức biểu diễn nghệ thuật', 'Mẫu số 02 Nghị định 144/2020/NĐ-CP'),
      ]),
      p(
        'Cấp giấy phép tổ chức triển lãm do tổ chức ở địa phương đưa ra nước ngoài',
        'PROVINCE',
        'PARTIAL',
        7,
        [orig('Văn bản đề nghị cấp giấy phép'), orig('Danh mục tác phẩm triển lãm')],
      ),
      p('Thông báo tổ chức lễ hội cấp xã', 'COMMUNE', 'FULL', 5, [orig('Văn bản thông báo tổ chức lễ hội')], {
        code: '1.003622',
      }),
      p('Xét tặng danh hiệu Gia đình văn hóa hằng năm', 'COMMUNE', 'NONE', 5, [
        orig('Bản đăng ký tham gia xây dựng gia đình văn hóa'),
      ]),
      p('Tiếp nhận hồ sơ thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn', 'PROVINCE', 'FULL', 5, [
        orig('Văn bản thông báo sản phẩm quảng cáo'),
        orig('Maket sản phẩm quảng cáo'),
      ]),
    ],
  },
  {
    field: 'Du lịch',
    department: 'DL',
    legal: ['duLich', 'nd168'],
    applicants: 'Doanh nghiệp, hướng dẫn viên du lịch',
    result: 'Giấy phép kinh doanh dịch vụ lữ hành nội địa; thẻ hướng dẫn viên du lịch',
    syntheticLevel: 'PROVINCE',
    objects: [
      'thẻ hướng dẫn viên du lịch tại điểm',
      'quyết định công nhận điểm du lịch',
      'biển hiệu đạt chuẩn phục vụ khách du lịch',
      'quyết định công nhận khu du lịch cấp tỉnh',
    ],
    evidence: [
      'Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
      'Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành',
    ],
    procedures: [
      p(
        'Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa',
        'PROVINCE',
        'FULL',
        10,
        [
          orig(
            'Đơn đề nghị cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa',
            'Mẫu số 02 Thông tư 06/2017/TT-BVHTTDL',
          ),
          orig('Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa'),
          copy('Quyết định bổ nhiệm người phụ trách kinh doanh dịch vụ lữ hành'),
        ],
        { fee: 3000000 },
      ),
      p(
        'Cấp thẻ hướng dẫn viên du lịch nội địa',
        'PROVINCE',
        'FULL',
        10,
        [
          orig('Đơn đề nghị cấp thẻ hướng dẫn viên du lịch', 'Mẫu số 08 Thông tư 06/2017/TT-BVHTTDL'),
          orig('Sơ yếu lý lịch có xác nhận'),
          orig('Giấy chứng nhận sức khỏe'),
          orig('Ảnh chân dung 3x4 cm', undefined),
        ],
        { fee: 650000 },
      ),
      p(
        'Công nhận hạng cơ sở lưu trú du lịch: hạng 1 sao, 2 sao, 3 sao',
        'PROVINCE',
        'PARTIAL',
        30,
        [
          orig('Đơn đề nghị công nhận hạng cơ sở lưu trú du lịch'),
          orig('Bản tự đánh giá chất lượng cơ sở lưu trú du lịch'),
        ],
        { fee: 1500000 },
      ),
    ],
  },
  {
    field: 'Trồng trọt và Bảo vệ thực vật',
    department: 'NN',
    legal: ['trongTrot'],
    applicants: 'Tổ chức, cá nhân sản xuất, kinh doanh nông nghiệp',
    result: 'Giấy chứng nhận đủ điều kiện',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận đủ điều kiện sản xuất phân bón',
      'Giấy chứng nhận đủ điều kiện buôn bán phân bón',
      'Giấy chứng nhận kiểm dịch thực vật nội địa',
      'giấy xác nhận nội dung quảng cáo thuốc bảo vệ thực vật',
      'mã số vùng trồng',
    ],
    evidence: [
      'Bản thuyết minh điều kiện sản xuất, kinh doanh',
      'Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
    ],
    procedures: [
      p(
        'Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
        'PROVINCE',
        'FULL',
        15,
        [
          orig('Đơn đề nghị cấp Giấy chứng nhận', 'Mẫu số 18 Phụ lục XV Thông tư 21/2015/TT-BNNPTNT'),
          orig('Bản thuyết minh điều kiện buôn bán thuốc bảo vệ thực vật'),
          copy('Văn bằng, giấy chứng nhận chuyên môn về bảo vệ thực vật'),
        ],
        { fee: 500000 },
      ),
    ],
  },
  {
    field: 'Chăn nuôi và Thú y',
    department: 'NN',
    legal: ['chanNuoi', 'thuY'],
    applicants: 'Tổ chức, cá nhân chăn nuôi, hành nghề thú y',
    result: 'Giấy chứng nhận đủ điều kiện chăn nuôi; chứng chỉ hành nghề thú y',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận đủ điều kiện vệ sinh thú y',
      'Giấy chứng nhận cơ sở an toàn dịch bệnh động vật',
      'giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh',
      'Giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi',
    ],
    evidence: ['Bản thuyết minh điều kiện chăn nuôi', 'Kết quả xét nghiệm bệnh động vật'],
    procedures: [
      p(
        'Cấp Giấy chứng nhận đủ điều kiện chăn nuôi đối với chăn nuôi trang trại quy mô lớn',
        'PROVINCE',
        'PARTIAL',
        15,
        [
          orig(
            'Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện chăn nuôi',
            'Mẫu số 01 Phụ lục I Nghị định 13/2020/NĐ-CP',
          ),
          orig('Bản thuyết minh về điều kiện chăn nuôi'),
        ],
      ),
      p('Cấp chứng chỉ hành nghề thú y', 'PROVINCE', 'FULL', 5, [
        orig('Đơn đăng ký cấp chứng chỉ hành nghề thú y'),
        copy('Văn bằng, chứng chỉ chuyên môn'),
        orig('Ảnh 4x6 cm'),
      ]),
    ],
  },
  {
    field: 'Thủy sản',
    department: 'NN',
    legal: ['thuySan'],
    applicants: 'Tổ chức, cá nhân khai thác, nuôi trồng thủy sản',
    result: 'Giấy phép khai thác thủy sản; giấy chứng nhận',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy chứng nhận an toàn kỹ thuật tàu cá',
      'giấy chứng nhận đăng ký tàu cá',
      'văn bản chấp thuận đóng mới tàu cá',
      'giấy chứng nhận đăng ký nuôi trồng thủy sản lồng bè',
    ],
    evidence: ['Bản sao giấy chứng nhận đăng ký tàu cá', 'Sổ danh bạ thuyền viên'],
    procedures: [
      p(
        'Cấp giấy phép khai thác thủy sản',
        'PROVINCE',
        'PARTIAL',
        6,
        [
          orig('Đơn đề nghị cấp giấy phép khai thác thủy sản', 'Mẫu số 01.KT Nghị định 26/2019/NĐ-CP'),
          copy('Giấy chứng nhận an toàn kỹ thuật tàu cá'),
        ],
        { fee: 40000 },
      ),
    ],
  },
  {
    field: 'Lâm nghiệp',
    department: 'NN',
    legal: ['lamNghiep'],
    applicants: 'Chủ rừng, tổ chức, cá nhân',
    result: 'Quyết định phê duyệt; văn bản xác nhận',
    syntheticLevel: 'DISTRICT',
    objects: [
      'phương án khai thác gỗ rừng trồng',
      'bảng kê lâm sản',
      'mã số cơ sở trồng, nuôi động vật rừng',
      'quyết định giao rừng cho cộng đồng dân cư',
    ],
    evidence: ['Hồ sơ thiết kế khai thác', 'Bản sao quyết định giao đất, giao rừng'],
    procedures: [
      p('Phê duyệt phương án khai thác thực vật rừng thông thường', 'DISTRICT', 'PARTIAL', 10, [
        orig('Đề nghị phê duyệt phương án khai thác'),
        orig('Phương án khai thác thực vật rừng'),
      ]),
      p('Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai', 'COMMUNE', 'NONE', 10, [
        orig('Đơn đề nghị hỗ trợ khôi phục sản xuất', 'Mẫu số 01 Nghị định 02/2017/NĐ-CP'),
      ]),
    ],
  },
  {
    field: 'Lưu thông hàng hóa trong nước',
    department: 'CT',
    legal: ['thuongMai', 'nd105', 'nd83'],
    applicants: 'Thương nhân, doanh nghiệp',
    result: 'Giấy phép kinh doanh; giấy chứng nhận đủ điều kiện',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh',
      'Giấy phép bán buôn sản phẩm thuốc lá',
      'Giấy chứng nhận đủ điều kiện thương nhân phân phối xăng dầu',
      'Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai',
      'giấy phép kinh doanh bán hàng đa cấp tại địa phương',
      'giấy xác nhận đăng ký thực hiện khuyến mại',
    ],
    evidence: ['Bản sao Giấy chứng nhận đăng ký doanh nghiệp', 'Bản kê cơ sở vật chất, kho hàng'],
    procedures: [
      p(
        'Cấp Giấy phép bán buôn rượu',
        'PROVINCE',
        'FULL',
        15,
        [
          orig('Đơn đề nghị cấp Giấy phép bán buôn rượu', 'Mẫu số 01 Nghị định 105/2017/NĐ-CP'),
          copy('Giấy chứng nhận đăng ký doanh nghiệp'),
          copy('Hợp đồng thuê kho hàng'),
        ],
        { fee: 2200000 },
      ),
      p(
        'Cấp Giấy phép bán lẻ rượu',
        'DISTRICT',
        'FULL',
        10,
        [
          orig('Đơn đề nghị cấp Giấy phép bán lẻ rượu', 'Mẫu số 01 Nghị định 105/2017/NĐ-CP'),
          copy('Giấy chứng nhận đăng ký hộ kinh doanh'),
        ],
        { fee: 1200000 },
      ),
      p(
        'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu',
        'PROVINCE',
        'PARTIAL',
        20,
        [
          orig('Đơn đề nghị cấp Giấy chứng nhận', 'Mẫu số 06 Nghị định 83/2014/NĐ-CP'),
          copy('Giấy chứng nhận đủ điều kiện về phòng cháy và chữa cháy'),
        ],
        { fee: 1200000 },
      ),
      p(
        'Cấp Giấy phép bán lẻ sản phẩm thuốc lá',
        'DISTRICT',
        'FULL',
        10,
        [
          orig('Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá'),
          copy('Giấy chứng nhận đăng ký hộ kinh doanh'),
        ],
        { fee: 1100000 },
      ),
    ],
  },
  {
    field: 'Điện',
    department: 'CT',
    legal: ['dienLuc'],
    applicants: 'Tổ chức, cá nhân hoạt động điện lực',
    result: 'Giấy phép hoạt động điện lực',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy phép hoạt động phát điện đối với nhà máy điện quy mô nhỏ',
      'giấy phép hoạt động tư vấn giám sát thi công công trình điện',
      'thẻ an toàn điện',
    ],
    evidence: ['Danh sách người tham gia hoạt động điện lực', 'Bản sao hồ sơ nghiệm thu công trình điện'],
    procedures: [
      p(
        'Cấp giấy phép hoạt động tư vấn chuyên ngành điện lực thuộc thẩm quyền cấp của địa phương',
        'PROVINCE',
        'FULL',
        15,
        [
          orig('Văn bản đề nghị cấp giấy phép hoạt động điện lực', 'Mẫu 01 Thông tư 21/2020/TT-BCT'),
          orig('Danh sách chuyên gia tư vấn'),
          copy('Bằng tốt nghiệp, chứng chỉ hành nghề của chuyên gia'),
        ],
        { fee: 800000 },
      ),
    ],
  },
  {
    field: 'Công chức, viên chức',
    department: 'NV',
    legal: ['canBoCongChuc', 'vienChuc'],
    applicants: 'Cơ quan, tổ chức, cá nhân',
    result: 'Quyết định; văn bản chấp thuận',
    syntheticLevel: 'PROVINCE',
    objects: [
      'quyết định thành lập tổ chức phối hợp liên ngành',
      'quyết định phê duyệt đề án vị trí việc làm',
      'quyết định cho phép thành lập quỹ xã hội, quỹ từ thiện',
      'quyết định phê duyệt điều lệ hội',
    ],
    evidence: ['Tờ trình', 'Đề án, phương án', 'Dự thảo điều lệ'],
    procedures: [
      p('Thẩm định thành lập đơn vị sự nghiệp công lập', 'PROVINCE', 'NONE', 30, [
        orig('Tờ trình đề nghị thành lập'),
        orig('Đề án thành lập đơn vị sự nghiệp công lập'),
        orig('Dự thảo quyết định thành lập'),
      ]),
      p(
        'Thi tuyển công chức',
        'PROVINCE',
        'NONE',
        60,
        [orig('Phiếu đăng ký dự tuyển', 'Mẫu số 01 Nghị định 138/2020/NĐ-CP')],
        { unit: 'DAY' },
      ),
      p('Xét chuyển cán bộ, công chức cấp xã thành công chức từ cấp huyện trở lên', 'PROVINCE', 'NONE', 30, [
        orig('Sơ yếu lý lịch'),
        copy('Văn bằng, chứng chỉ'),
        orig('Bản tự nhận xét, đánh giá'),
      ]),
      p('Công nhận ban vận động thành lập hội', 'PROVINCE', 'PARTIAL', 30, [
        orig('Đơn đề nghị công nhận ban vận động thành lập hội'),
        orig('Danh sách và lý lịch trích ngang của người dự kiến tham gia ban vận động'),
      ]),
    ],
  },
  {
    field: 'Tín ngưỡng, tôn giáo',
    department: 'NV',
    legal: ['tinNguong'],
    applicants: 'Tổ chức tôn giáo, người đại diện cơ sở tín ngưỡng',
    result: 'Văn bản chấp thuận',
    syntheticLevel: 'PROVINCE',
    objects: [
      'văn bản chấp thuận tổ chức hội nghị thường niên của tổ chức tôn giáo',
      'văn bản chấp thuận tổ chức cuộc lễ ngoài cơ sở tôn giáo',
      'văn bản chấp thuận giảng đạo ngoài địa bàn phụ trách',
      'văn bản chấp thuận đăng ký mở lớp bồi dưỡng về tôn giáo',
    ],
    evidence: ['Văn bản đăng ký, đề nghị', 'Danh sách người tham gia'],
    procedures: [
      p('Đăng ký hoạt động tín ngưỡng', 'COMMUNE', 'FULL', 15, [
        orig('Văn bản đăng ký hoạt động tín ngưỡng hằng năm', 'Mẫu B1 Nghị định 95/2023/NĐ-CP'),
      ]),
      p(
        'Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động ở một xã',
        'COMMUNE',
        'FULL',
        15,
        [orig('Văn bản thông báo danh mục hoạt động tôn giáo')],
      ),
    ],
  },
  {
    field: 'Thi đua, khen thưởng',
    department: 'NV',
    legal: ['thiDua', 'nd98'],
    applicants: 'Cá nhân, tập thể, hộ gia đình',
    result: 'Quyết định khen thưởng',
    syntheticLevel: 'PROVINCE',
    objects: [],
    evidence: [],
    procedures: [
      p('Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh', 'PROVINCE', 'NONE', 20, [
        orig('Tờ trình đề nghị khen thưởng'),
        orig('Báo cáo thành tích của cá nhân, tập thể được đề nghị khen thưởng'),
        orig('Biên bản xét khen thưởng'),
      ]),
      p('Thủ tục tặng danh hiệu Tập thể lao động xuất sắc', 'PROVINCE', 'NONE', 20, [
        orig('Tờ trình đề nghị khen thưởng'),
        orig('Báo cáo thành tích'),
      ]),
      p('Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', 'COMMUNE', 'NONE', 20, [
        orig('Tờ trình đề nghị khen thưởng'),
        orig('Báo cáo thành tích'),
      ]),
    ],
  },
  {
    field: 'Báo chí, xuất bản',
    department: 'TTTT',
    legal: ['baoChi', 'xuatBan', 'vienThong'],
    applicants: 'Cơ quan, tổ chức, doanh nghiệp',
    result: 'Giấy phép; văn bản xác nhận',
    syntheticLevel: 'PROVINCE',
    objects: [
      'giấy phép xuất bản tài liệu không kinh doanh',
      'giấy phép nhập khẩu xuất bản phẩm không kinh doanh',
      'giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm',
      'giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm',
      'giấy chứng nhận đăng ký kinh doanh trò chơi điện tử G1',
      'giấy phép hoạt động in xuất bản phẩm',
    ],
    evidence: ['Bản sao Giấy chứng nhận đăng ký doanh nghiệp', 'Mẫu trình bày, danh mục xuất bản phẩm'],
    procedures: [
      p('Cấp giấy phép xuất bản bản tin', 'PROVINCE', 'FULL', 15, [
        orig('Đơn đề nghị cấp giấy phép xuất bản bản tin'),
        orig('Mẫu trình bày tên gọi và măng-sét bản tin'),
      ]),
      p('Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp', 'PROVINCE', 'FULL', 10, [
        orig('Đơn đề nghị cấp giấy phép', 'Mẫu số 23 Nghị định 72/2013/NĐ-CP'),
        orig('Đề án hoạt động'),
        copy('Giấy chứng nhận đăng ký doanh nghiệp'),
      ]),
      p('Đăng ký hoạt động cơ sở in', 'PROVINCE', 'FULL', 7, [
        orig('Tờ khai đăng ký hoạt động cơ sở in'),
        copy('Giấy chứng nhận đăng ký doanh nghiệp'),
      ]),
    ],
  },
  {
    field: 'Khoa học và Công nghệ',
    department: 'KHCN',
    legal: ['khcn', 'tieuChuan', 'nangLuongNguyenTu'],
    applicants: 'Tổ chức khoa học và công nghệ, doanh nghiệp',
    result: 'Giấy chứng nhận; giấy phép',
    syntheticLevel: 'PROVINCE',
    objects: [
      'Giấy chứng nhận doanh nghiệp khoa học và công nghệ',
      'chứng chỉ nhân viên bức xạ',
      'giấy phép sử dụng thiết bị X-quang chẩn đoán trong y tế',
      'Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ',
      'giấy xác nhận đăng ký hoạt động xét tặng giải thưởng khoa học',
    ],
    evidence: ['Bản sao quyết định thành lập tổ chức', 'Báo cáo đánh giá an toàn'],
    procedures: [
      p(
        'Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ',
        'PROVINCE',
        'FULL',
        15,
        [
          orig('Đơn đăng ký hoạt động khoa học và công nghệ'),
          orig('Điều lệ tổ chức'),
          copy('Quyết định thành lập tổ chức'),
        ],
        { fee: 500000 },
      ),
      p(
        'Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế',
        'PROVINCE',
        'FULL',
        15,
        [
          orig('Đơn đề nghị cấp giấy phép'),
          orig('Báo cáo đánh giá an toàn bức xạ'),
          copy('Chứng chỉ nhân viên bức xạ'),
        ],
      ),
      p(
        'Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân sản xuất, kinh doanh',
        'PROVINCE',
        'FULL',
        5,
        [
          orig('Bản công bố hợp chuẩn'),
          copy('Bản sao tiêu chuẩn sử dụng làm căn cứ công bố'),
          orig('Báo cáo tự đánh giá'),
        ],
        { fee: 150000 },
      ),
    ],
  },
  {
    field: 'Đăng ký, quản lý cư trú',
    department: 'CA',
    legal: ['cuTru'],
    applicants: 'Công dân Việt Nam',
    result: 'Thông tin cư trú được cập nhật trong Cơ sở dữ liệu về cư trú',
    syntheticLevel: 'COMMUNE',
    objects: [],
    evidence: [],
    procedures: [
      p(
        'Đăng ký thường trú',
        'COMMUNE',
        'FULL',
        7,
        [
          orig('Tờ khai thay đổi thông tin cư trú', 'Mẫu CT01 Thông tư 66/2023/TT-BCA'),
          copy('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp'),
        ],
        { code: '1.004222', fee: 20000, onlineFee: 10000 },
      ),
      p(
        'Đăng ký tạm trú',
        'COMMUNE',
        'FULL',
        3,
        [
          orig('Tờ khai thay đổi thông tin cư trú', 'Mẫu CT01 Thông tư 66/2023/TT-BCA'),
          copy('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp'),
        ],
        { code: '1.004194', fee: 15000, onlineFee: 7000 },
      ),
      p(
        'Gia hạn tạm trú',
        'COMMUNE',
        'FULL',
        3,
        [orig('Tờ khai thay đổi thông tin cư trú', 'Mẫu CT01 Thông tư 66/2023/TT-BCA')],
        { code: '1.002755', fee: 15000, onlineFee: 7000 },
      ),
      p(
        'Xóa đăng ký thường trú',
        'COMMUNE',
        'FULL',
        1,
        [
          orig('Tờ khai thay đổi thông tin cư trú', 'Mẫu CT01 Thông tư 66/2023/TT-BCA'),
          copy('Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú'),
        ],
        { code: '1.003197' },
      ),
      p(
        'Tách hộ',
        'COMMUNE',
        'FULL',
        3,
        [
          orig('Tờ khai thay đổi thông tin cư trú', 'Mẫu CT01 Thông tư 66/2023/TT-BCA'),
          orig('Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp'),
        ],
        { code: '1.010038', fee: 10000, onlineFee: 5000 },
      ),
      p(
        'Thông báo lưu trú',
        'COMMUNE',
        'FULL',
        1,
        [orig('Thông tin người lưu trú (họ tên, số định danh, thời gian lưu trú)')],
        { code: '2.001159' },
      ),
      p('Khai báo tạm vắng', 'COMMUNE', 'FULL', 1, [
        orig('Tờ khai thay đổi thông tin cư trú', 'Mẫu CT01 Thông tư 66/2023/TT-BCA'),
      ]),
    ],
  },
  {
    field: 'Giải quyết khiếu nại, tố cáo',
    department: 'VP',
    legal: ['khieuNai', 'toCao', 'tiepCongDan'],
    applicants: 'Công dân, cơ quan, tổ chức',
    result: 'Quyết định giải quyết khiếu nại; kết luận nội dung tố cáo',
    syntheticLevel: 'PROVINCE',
    objects: [],
    evidence: [],
    procedures: [
      p(
        'Giải quyết khiếu nại lần đầu tại cấp tỉnh',
        'PROVINCE',
        'NONE',
        30,
        [orig('Đơn khiếu nại hoặc văn bản ghi lời khiếu nại'), copy('Tài liệu, chứng cứ kèm theo')],
        { unit: 'DAY', postal: true },
      ),
      p(
        'Giải quyết khiếu nại lần hai tại cấp tỉnh',
        'PROVINCE',
        'NONE',
        45,
        [
          orig('Đơn khiếu nại'),
          copy('Quyết định giải quyết khiếu nại lần đầu'),
          copy('Tài liệu, chứng cứ kèm theo'),
        ],
        { unit: 'DAY', postal: true },
      ),
      p(
        'Giải quyết tố cáo tại cấp huyện',
        'DISTRICT',
        'NONE',
        30,
        [orig('Đơn tố cáo hoặc văn bản ghi lời tố cáo'), copy('Tài liệu, chứng cứ kèm theo')],
        { unit: 'DAY', postal: true },
      ),
      p('Tiếp công dân tại cấp xã', 'COMMUNE', 'NONE', 1, [
        shown('Giấy tờ tùy thân của người đến khiếu nại, tố cáo, kiến nghị, phản ánh'),
      ]),
    ],
  },
];

/** How a synthetic procedure acts on its object. Every one reads with every object of every field. */
export const SYNTHETIC_ACTIONS: readonly string[] = [
  'Cấp',
  'Cấp lại',
  'Gia hạn',
  'Điều chỉnh nội dung',
  'Cấp đổi',
  'Thu hồi',
  'Bổ sung phạm vi',
  'Chấm dứt hiệu lực',
];
/** Scopes added to a synthetic name only when a province needs more names than fields × objects × actions. */
export const SYNTHETIC_SCOPES: readonly string[] = [
  'đối với tổ chức',
  'đối với cá nhân',
  'thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh',
];
