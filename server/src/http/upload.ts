import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors';
import { readTable, type TableFormat, tableFormatOf } from '../lib/table-file';

/** The one uploaded file of a multipart request (field `file`), with its table format. */
export async function uploadedTableFile(
  request: FastifyRequest,
  options: { maxBytes?: number } = {},
): Promise<{ file: MultipartFile; format: TableFormat }> {
  const file = await request.file(options.maxBytes ? { limits: { fileSize: options.maxBytes } } : undefined);
  if (!file) throw new AppError(400, 'common.fileRequired');
  const format = tableFormatOf(file.filename);
  if (!format) {
    file.file.resume();
    throw new AppError(400, 'import.badFormat');
  }
  return { file, format };
}

/** Reads a small uploaded table (units, frameworks) whole. */
export async function uploadedTable(request: FastifyRequest) {
  const { file, format } = await uploadedTableFile(request);
  return readTable(file.file, format);
}

/** Multipart bodies are described for the OpenAPI document; the handler reads the stream itself. */
export const fileUploadBody = {
  description: 'multipart/form-data với trường `file` (.xlsx hoặc .csv)',
  consumes: ['multipart/form-data'],
};
