// `chiso audit verify`: checks the audit log's hash chain in the configured database
// (DATA_DIR or DATABASE_URL, as the server reads them).

import { sql } from 'drizzle-orm';
import { EXIT, type Io } from '../../cli/io';
import { type Config, loadConfig } from '../../config';
import { type Db, openDatabase, queryRows } from '../../db/client';
import { lockDataDir } from '../../db/data-lock';
import { AUDIT_VERIFY_HELP } from './help';
import { type AuditVerification, verifyAuditChain } from './service';

/** What `audit verify` prints for a report, and its exit code. */
export function describeVerification(report: AuditVerification): { text: string; code: number } {
  if (report.ok) {
    return {
      text:
        `Nhật ký thay đổi nguyên vẹn: ${report.count} mục, chuỗi băm khớp. Mã băm cuối: ${report.lastHash}\n` +
        `Audit log intact: ${report.count} entries. Last hash: ${report.lastHash}\n`,
      code: EXIT.ok,
    };
  }
  return {
    text: `Nhật ký thay đổi BỊ HỎNG tại mục #${report.brokenAt}: ${report.message}\nAudit log BROKEN at entry #${report.brokenAt} (${report.reason}).\n`,
    code: EXIT.refused,
  };
}

/** Verifies the chain of an open database and prints the outcome. */
export async function verifyAndReport(db: Db, io: Io): Promise<number> {
  const exists = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass('public.audit_log')::text as t`,
  );
  if (!exists[0]?.t) {
    io.err('Cơ sở dữ liệu chưa có nhật ký thay đổi (chưa nâng cấp lược đồ: hãy chạy ChiSo một lần).\n');
    return EXIT.usage;
  }
  const { text, code } = describeVerification(await verifyAuditChain(db));
  (code === EXIT.ok ? io.out : io.err)(text);
  return code;
}

export async function runAuditVerify(argv: readonly string[], io: Io, config?: Config): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${AUDIT_VERIFY_HELP.vi}\n\n--- English ---\n\n${AUDIT_VERIFY_HELP.en}\n`);
    return EXIT.ok;
  }
  if (argv.length > 0) {
    io.err(`Tùy chọn lạ / unknown option: ${argv[0]}\n\n${AUDIT_VERIFY_HELP.vi}\n`);
    return EXIT.usage;
  }
  let settings: Config;
  let lock: { release(): void } | null = null;
  try {
    settings = config ?? loadConfig();
    lock = settings.databaseUrl ? null : lockDataDir(settings.dataDir);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return EXIT.usage;
  }
  try {
    const database = await openDatabase({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
    try {
      return await verifyAndReport(database.db, io);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}
