// The help of `chiso audit verify`, loaded by `chiso --help` without the database code.

import type { Help } from '../../cli/usage';

export const AUDIT_VERIFY_HELP: Help = {
  vi: `chiso audit verify

  Kiểm tra nhật ký thay đổi (điểm, trạng thái, công bố): tính lại mã băm của từng mục theo
  thứ tự và so với mục trước nó. Dùng cơ sở dữ liệu như máy chủ: DATABASE_URL, hoặc PGlite
  trong DATA_DIR (khi đó máy chủ phải đang dừng).

  Mã thoát: 0 nguyên vẹn (in số mục); 1 chuỗi bị đứt (in mục đầu tiên bị hỏng và lý do);
  2 không mở được cơ sở dữ liệu.`,
  en: `chiso audit verify

  Checks the audit log (points, states, publications): recomputes each entry's hash in
  order and links it to the one before. Uses the server's database: DATABASE_URL, or the
  PGlite in DATA_DIR (the server must be stopped then).

  Exit codes: 0 intact (prints the count); 1 broken (names the first broken entry and
  why); 2 the database could not be opened.`,
};
