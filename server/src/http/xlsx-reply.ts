import type { FastifyReply } from 'fastify';
import { xlsxStream } from '../lib/table-file';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

export function sendXlsx(reply: FastifyReply, filename: string, body: Buffer) {
  return reply.header('content-type', XLSX).header('content-disposition', attachment(filename)).send(body);
}

/** Streams an .xlsx while its rows are read from the database. */
export function sendXlsxStream(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  table: { header: string[]; rows: AsyncIterable<(string | number)[]> },
) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', attachment(filename))
    .send(xlsxStream(sheetName, table.header, table.rows));
}

/** A UTF-8 .csv download (the sample files). */
export function sendCsv(reply: FastifyReply, filename: string, body: Buffer) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachment(filename))
    .send(body);
}
