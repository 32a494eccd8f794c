// Help texts: Vietnamese first, then English.

export const DEFAULT_BANDS_TEXT = 'Tốt:90;Khá:80;Trung bình:65;Yếu:0';

const SCORE_VI = `chiso score --framework TỆP --scores TỆP [--out TỆP.csv|.xlsx|.json] [tùy chọn]

  Chấm điểm, tính chỉ số, xếp loại và xếp hạng các đơn vị theo một bộ chỉ số.

  --framework, -f TỆP    bộ chỉ số (.csv hoặc .xlsx, cùng mẫu bo-chi-so-cap-xa-2021-mau.csv)
  --scores, -s TỆP       bảng điểm (.csv hoặc .xlsx): cột đầu "Đơn vị", mỗi cột sau là một mã tiêu chí
  --out, -o TỆP          ghi kết quả ra .json, .csv hoặc .xlsx; không có: in bảng ra màn hình
  --bands DS             các mức xếp loại, từ cao xuống, "tên:ngưỡng[:ngưỡng mỗi lĩnh vực]"
                         cách nhau bởi ";" (mặc định "${DEFAULT_BANDS_TEXT}")
  --decimals N           số chữ số thập phân của chỉ số, làm tròn nửa lên (0–6, mặc định 2)
  --tie-break MÃ,MÃ      tiêu chí phân định khi bằng chỉ số, theo thứ tự (mặc định: đồng hạng)
  --optional-areas MÃ,MÃ lĩnh vực không bắt buộc (vd. 8: điều tra xã hội học); đơn vị không có
                         giá trị nào ở đó được đánh giá không tính lĩnh vực này
  --year NĂM             năm áp dụng (mặc định: năm hiện tại)
  --level CẤP            cấp áp dụng (mặc định: xa)
  --name TÊN             tên bộ chỉ số (mặc định: tên tệp bộ chỉ số)
  --help, -h             in hướng dẫn này

  Bảng điểm: mỗi ô là điểm của tiêu chí đó, ở cấp nào cũng được (có điểm cấp cha thì không
  cần cấp con); ở tiêu chí tính từ KPI là giá trị KPI (85,5% · 17/20 · số lần · chỉ số điều
  tra), muốn ghi điểm thì thêm "đ" (2đ). Ô trống: chưa có, đơn vị chưa đủ dữ liệu thì không
  xếp loại, xếp hạng.

  Mã thoát: 0 thành công; 1 tệp có lỗi (từng dòng, cột và lý do in ra stderr, không ghi gì);
  2 sai dòng lệnh (tùy chọn lạ, thiếu hoặc không đọc được tệp).`;

const SCORE_EN = `chiso score --framework FILE --scores FILE [--out FILE.csv|.xlsx|.json] [options]

  Scores, indexes, bands and ranks units on a framework.

  --framework, -f FILE    the framework (.csv or .xlsx, the layout of bo-chi-so-cap-xa-2021-mau.csv)
  --scores, -s FILE       the scores (.csv or .xlsx): first column "Đơn vị", then one column per criterion code
  --out, -o FILE          write the results to .json, .csv or .xlsx; without it, print a table
  --bands LIST            bands from the highest, "name:min[:min per area]" separated by ";"
                          (default "${DEFAULT_BANDS_TEXT}")
  --decimals N            decimals of the index, rounded half-up (0–6, default 2)
  --tie-break CODE,CODE   nodes whose points break equal indexes, in order (default: shared rank)
  --optional-areas CODE   areas a unit may be assessed without (e.g. 8, the survey)
  --year YEAR, --level LEVEL, --name NAME   what the file does not hold (defaults: this year, xa, file name)
  --help, -h              print this help

  Scores: each cell is that criterion's points, at any level (a parent with points needs no
  children); for a computed leaf it is the KPI value (85,5% · 17/20 · a count · a survey
  index), or points with "đ" (2đ). An empty cell is no value: an incomplete unit gets no
  band and no rank.

  Exit codes: 0 done; 1 a file was refused (every row, column and reason on stderr, nothing
  written); 2 wrong command line (unknown option, missing or unreadable file).`;

/** What a wrong command line gets, before the reason. */
export const SCORE_SYNOPSIS = `Cách dùng: ${SCORE_VI.split('\n')[0]}
Usage:     ${SCORE_EN.split('\n')[0]}
Xem / see: chiso score --help
`;

/** A command's help, each language on its own. */
export interface Help {
  readonly vi: string;
  readonly en: string;
}

export const SCORE_HELP: Help = { vi: SCORE_VI, en: SCORE_EN };

export function commandUsage(help: Help): string {
  return `${help.vi}\n\n--- English ---\n\n${help.en}\n`;
}

export interface CommandSummary {
  readonly name: string;
  readonly summary: Help;
  readonly help: Help;
}

/** `chiso --help`: every command and its options, all in Vietnamese, then all in English. */
export function mainUsage(commands: readonly CommandSummary[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const part = (lang: keyof Help) => [
    commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`).join('\n'),
    ...commands.map((c) => c.help[lang]),
  ];
  return [
    'ChiSo — công cụ dòng lệnh',
    'Cách dùng: chiso <lệnh> [tùy chọn]   (chiso <lệnh> --help: hướng dẫn riêng của lệnh)\n\nLệnh:',
    ...part('vi'),
    '--- English ---',
    'ChiSo — command line',
    'Usage: chiso <command> [options]   (chiso <command> --help: help for that command)\n\nCommands:',
    ...part('en'),
  ]
    .join('\n\n')
    .concat('\n');
}
