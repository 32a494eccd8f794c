// `chiso score` options → what to read, where to write, and the framework's metadata.

import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { type Band, type FrameworkMeta, parseDecimal } from '#core/framework/index';
import { type TableFormat, tableFormatOf } from '../../lib/table-file';
import { UsageError } from '../io';
import { DEFAULT_BANDS_TEXT } from '../usage';

export type OutFormat = 'json' | 'csv' | 'xlsx';

export interface ScoreArgs {
  readonly help: boolean;
  readonly framework: { readonly path: string; readonly format: TableFormat };
  readonly scores: { readonly path: string; readonly format: TableFormat };
  /** Null: print a table to stdout. */
  readonly out: { readonly path: string; readonly format: OutFormat } | null;
  readonly meta: FrameworkMeta;
}

const OPTIONS = {
  framework: { type: 'string', short: 'f' },
  scores: { type: 'string', short: 's' },
  out: { type: 'string', short: 'o' },
  bands: { type: 'string' },
  decimals: { type: 'string' },
  'tie-break': { type: 'string' },
  'optional-areas': { type: 'string' },
  year: { type: 'string' },
  level: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const PARSE_ERRORS: Readonly<Record<string, string>> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'Tùy chọn không có',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'Tùy chọn thiếu giá trị hoặc không nhận giá trị',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'Đối số thừa',
};

/** Throws `UsageError` with a Vietnamese reason for anything the command cannot start with. */
export function parseScoreArgs(argv: readonly string[], now = new Date()): ScoreArgs | { help: true } {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`${PARSE_ERRORS[code ?? ''] ?? 'Dòng lệnh không hợp lệ'} (${message})`);
  }
  if (values.help) return { help: true };
  const framework = tableFile('--framework', values.framework);
  const scores = tableFile('--scores', values.scores);
  return {
    help: false,
    framework,
    scores,
    out: values.out === undefined ? null : outFile(values.out),
    meta: {
      year: values.year === undefined ? now.getFullYear() : integer('--year', values.year),
      level: values.level ?? 'xa',
      name: values.name ?? basename(framework.path, extname(framework.path)),
      bands: parseBands(values.bands ?? DEFAULT_BANDS_TEXT),
      indexDecimals: values.decimals === undefined ? 2 : integer('--decimals', values.decimals),
      tieBreak: codeList(values['tie-break']),
      optionalAreas: codeList(values['optional-areas']),
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
}

function tableFile(option: string, path: string | undefined) {
  if (path === undefined || path.trim() === '') throw new UsageError(`Thiếu ${option} TỆP`);
  const format = tableFormatOf(path);
  if (!format) throw new UsageError(`${option} phải là tệp .csv hoặc .xlsx (đang là "${path}")`);
  return { path, format };
}

function outFile(path: string) {
  const lower = path.toLowerCase();
  const format = (['json', 'csv', 'xlsx'] as const).find((ext) => lower.endsWith(`.${ext}`));
  if (!format) throw new UsageError(`--out phải là tệp .json, .csv hoặc .xlsx (đang là "${path}")`);
  return { path, format };
}

function integer(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option} phải là số nguyên (đang là "${text}")`);
  return Number(text);
}

function codeList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(',')
    .map((code) => code.trim().replace(/\.$/, ''))
    .filter((code) => code !== '');
}

/** "Tốt:90;Khá:80:70;Yếu:0" → bands; the third part is the floor on every area's index. */
export function parseBands(text: string): Band[] {
  return text
    .split(';')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [name = '', min = '', area, ...rest] = part.split(':').map((s) => s.trim());
      const minValue = parseDecimal(min);
      const areaValue = area === undefined ? undefined : parseDecimal(area);
      if (name === '' || minValue === null || areaValue === null || rest.length > 0) {
        throw new UsageError(
          `--bands: "${part}" không đúng dạng "tên:ngưỡng" hoặc "tên:ngưỡng:ngưỡng lĩnh vực"`,
        );
      }
      return areaValue === undefined
        ? { name, min: minValue }
        : { name, min: minValue, minAreaIndex: areaValue };
    });
}
