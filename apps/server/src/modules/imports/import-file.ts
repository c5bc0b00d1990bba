import ExcelJS from 'exceljs';
import {
  ErrorCode,
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  type ImportKind,
  type Language,
} from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';

export interface ParsedRow {
  /** the row's number in the spreadsheet (the header is row 1) */
  rowNumber: number;
  /** column key → trimmed text ('' when empty) */
  data: Record<string, string>;
}

/** Case, accents, spaces and punctuation ignored: "E-mail liên hệ" → "emaillienhe". */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const unreadable = () => new DomainError(ErrorCode.IMPORT_UNREADABLE, 400);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellText((value as { result?: ExcelJS.CellValue }).result);
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return '';
}

async function readXlsx(buffer: Buffer): Promise<{ number: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable();
  const rows: { number: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push({ number, cells: values.slice(1).map((v) => cellText(v)) });
  });
  return rows;
}

/** RFC 4180 CSV with `,`, `;` or tab as separator (whichever the header line uses most). */
function readCsv(buffer: Buffer): { number: number; cells: string[] }[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw unreadable();
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw unreadable();
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = [',', ';', '\t'].reduce((best, s) =>
    firstLine.split(s).length > firstLine.split(best).length ? s : best,
  );
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw unreadable();
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.map((cells, i) => ({ number: i + 1, cells }));
}

/**
 * Reads an uploaded XLSX or CSV of `kind` companies. The whole file is refused when it cannot be
 * read, lacks a required column, has no data rows or too many: nothing is written then.
 * `labels(key)` gives a column's header in each language, to recognise translated headers.
 */
export async function parseImportFile(
  buffer: Buffer,
  kind: ImportKind,
  labels: (key: string, lng: Language) => string,
  language: Language,
): Promise<ParsedRow[]> {
  const isZip = buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
  const raw = isZip ? await readXlsx(buffer) : readCsv(buffer);
  const nonEmpty = raw.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonEmpty.shift();
  if (!header) throw unreadable();

  const columns = IMPORT_COLUMNS[kind];
  const byHeader = new Map<string, string>();
  for (const { key } of columns) {
    for (const name of [key, labels(key, 'vi'), labels(key, 'en')]) byHeader.set(headerKey(name), key);
  }
  const position = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const key = byHeader.get(headerKey(cell));
    if (key && !position.has(key)) position.set(key, index);
  });
  const missing = columns.filter((c) => c.required && !position.has(c.key));
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.IMPORT_COLUMNS_MISSING, 400, {
      params: { columns: missing.map((c) => labels(c.key, language)).join(', ') },
      details: { columns: missing.map((c) => c.key) },
    });
  }
  if (nonEmpty.length === 0) throw new DomainError(ErrorCode.IMPORT_EMPTY, 400);
  if (nonEmpty.length > IMPORT_MAX_ROWS) {
    throw new DomainError(ErrorCode.IMPORT_TOO_MANY_ROWS, 400, { params: { max: IMPORT_MAX_ROWS } });
  }
  return nonEmpty.map((r) => {
    const data: Record<string, string> = {};
    for (const { key } of columns) {
      const index = position.get(key);
      data[key] = index === undefined ? '' : (r.cells[index] ?? '').trim();
    }
    return { rowNumber: r.number, data };
  });
}
