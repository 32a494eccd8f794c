// Administrative procedures a commune's one-stop desk handles, for the demo registers:
// field, processing time in working days (0: within the day, due at 17:00) and how
// often the desk receives them, relative to each other. Names follow the commune-level
// procedure lists; the codes given to them in the demo are illustrative.

export interface DemoProcedure {
  readonly name: string;
  readonly field: string;
  readonly days: number;
  readonly weight: number;
}

const HT = 'Hộ tịch';
const CT = 'Chứng thực';
const BT = 'Bảo trợ xã hội';

export const DEMO_PROCEDURES: readonly DemoProcedure[] = [
  { name: 'Đăng ký khai sinh', field: HT, days: 0, weight: 10 },
  { name: 'Đăng ký kết hôn', field: HT, days: 1, weight: 4 },
  { name: 'Đăng ký khai tử', field: HT, days: 0, weight: 4 },
  { name: 'Đăng ký nhận cha, mẹ, con', field: HT, days: 3, weight: 1 },
  { name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', field: HT, days: 3, weight: 0.5 },
  { name: 'Cấp bản sao trích lục hộ tịch', field: HT, days: 0, weight: 8 },
  { name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: HT, days: 3, weight: 6 },
  { name: 'Đăng ký lại khai sinh', field: HT, days: 5, weight: 1 },
  { name: 'Đăng ký lại kết hôn', field: HT, days: 5, weight: 0.3 },
  { name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', field: HT, days: 3, weight: 2 },
  { name: 'Đăng ký giám hộ', field: HT, days: 3, weight: 0.3 },
  { name: 'Đăng ký chấm dứt giám hộ', field: HT, days: 2, weight: 0.1 },
  { name: 'Đăng ký kết hôn lưu động', field: HT, days: 5, weight: 0.1 },
  {
    name: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    field: HT,
    days: 10,
    weight: 2,
  },
  { name: 'Đăng ký nuôi con nuôi trong nước', field: 'Nuôi con nuôi', days: 30, weight: 0.05 },
  { name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', field: CT, days: 0, weight: 30 },
  { name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', field: CT, days: 0, weight: 8 },
  {
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    field: CT,
    days: 2,
    weight: 3,
  },
  { name: 'Chứng thực văn bản thỏa thuận phân chia di sản', field: CT, days: 2, weight: 1 },
  { name: 'Chứng thực di chúc', field: CT, days: 2, weight: 0.5 },
  { name: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', field: CT, days: 2, weight: 0.3 },
  { name: 'Hòa giải tranh chấp đất đai', field: 'Đất đai', days: 30, weight: 0.5 },
  { name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng', field: BT, days: 15, weight: 2 },
  { name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', field: BT, days: 5, weight: 1 },
  {
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    field: BT,
    days: 25,
    weight: 0.5,
  },
  {
    name: 'Xác nhận hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình',
    field: BT,
    days: 10,
    weight: 1,
  },
  { name: 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', field: 'Giảm nghèo', days: 7, weight: 0.5 },
  {
    name: 'Giải quyết chế độ mai táng phí đối với cựu chiến binh',
    field: 'Người có công',
    days: 5,
    weight: 0.5,
  },
  { name: 'Xét tặng danh hiệu Gia đình văn hóa hằng năm', field: 'Văn hóa cơ sở', days: 5, weight: 0.5 },
  { name: 'Đăng ký tổ chức lễ hội', field: 'Văn hóa cơ sở', days: 5, weight: 0.1 },
  { name: 'Khen thưởng theo đợt hoặc chuyên đề', field: 'Thi đua, khen thưởng', days: 15, weight: 0.3 },
  {
    name: 'Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh',
    field: 'Nông nghiệp',
    days: 10,
    weight: 0.2,
  },
  { name: 'Đăng ký hoạt động tín ngưỡng', field: 'Tín ngưỡng, tôn giáo', days: 15, weight: 0.1 },
  { name: 'Công nhận hòa giải viên', field: 'Hòa giải cơ sở', days: 3, weight: 0.05 },
  { name: 'Thôi làm hòa giải viên', field: 'Hòa giải cơ sở', days: 3, weight: 0.02 },
  {
    name: 'Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục',
    field: 'Giáo dục và đào tạo',
    days: 10,
    weight: 0.05,
  },
];

/** Public holidays of 2020–2022 that fall on working days (Tết, Giỗ Tổ, 30/4, 1/5, 2/9). */
export const HOLIDAYS = new Set([
  '2020-01-01',
  '2020-01-23',
  '2020-01-24',
  '2020-01-27',
  '2020-01-28',
  '2020-01-29',
  '2020-04-02',
  '2020-04-30',
  '2020-05-01',
  '2020-09-02',
  '2021-01-01',
  '2021-02-10',
  '2021-02-11',
  '2021-02-12',
  '2021-02-15',
  '2021-02-16',
  '2021-04-21',
  '2021-04-30',
  '2021-05-03',
  '2021-09-02',
  '2021-09-03',
  '2022-01-03',
  '2022-01-31',
  '2022-02-01',
  '2022-02-02',
  '2022-02-03',
  '2022-02-04',
]);

export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đỗ',
  'Bùi',
  'Đặng',
  'Ngô',
  'Dương',
  'Đinh',
];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quang', 'Thu', 'Xuân'];
export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quân',
  'Quyên',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
];
