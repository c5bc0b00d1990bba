import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '@craftmatch/shared';

export type Cell = string | null;

/** Rows written one at a time into a CSV or XLSX stream, honouring the reader's pace. */
export interface TableWriter {
  /** the bytes, to hand to the HTTP reply */
  readonly stream: PassThrough;
  row(values: readonly Cell[]): Promise<void>;
  end(): Promise<void>;
  /** the reader went away (client disconnected): stop producing */
  readonly closed: boolean;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A value a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function defuse(value: string): string {
  return /^[=+@\t\r]/.test(value) || /^-[^0-9.]/.test(value) ? `'${value}` : value;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Waits while the reader lags behind, so at most about one buffer of rows is ever held. */
async function drained(stream: PassThrough): Promise<void> {
  if (stream.writableNeedDrain && !stream.destroyed) {
    await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
  }
}

class CsvWriter implements TableWriter {
  readonly stream = new PassThrough({ highWaterMark: 256 * 1024 });
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor() {
    // A byte-order mark, so Excel opens UTF-8 (Vietnamese names) correctly.
    this.stream.write('\uFEFF');
  }

  get closed(): boolean {
    return this.stream.destroyed;
  }

  async row(values: readonly Cell[]): Promise<void> {
    const line = `${values.map(csvField).join(',')}\r\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= 64 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0 || this.closed) return;
    this.stream.write(this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
    await drained(this.stream);
  }

  async end(): Promise<void> {
    await this.flush();
    if (!this.closed) this.stream.end();
  }
}

class XlsxWriter implements TableWriter {
  readonly stream = new PassThrough({ highWaterMark: 256 * 1024 });
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private count = 0;

  constructor(sheetName: string, textColumns: readonly number[]) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.stream,
      // Styles cost about 2.5× the time; only a template (text columns for typing into) needs them.
      useStyles: textColumns.length > 0,
      useSharedStrings: false,
    });
    this.sheet = this.workbook.addWorksheet(sheetName.slice(0, 31));
    // Text format, so a spreadsheet keeps leading zeros of tax codes typed into the template.
    for (const index of textColumns) this.sheet.getColumn(index + 1).numFmt = '@';
  }

  get closed(): boolean {
    return this.stream.destroyed;
  }

  async row(values: readonly Cell[]): Promise<void> {
    this.sheet.addRow(values.map((v) => v ?? null)).commit();
    if (++this.count % 500 === 0) {
      // Let the zip stream move the committed rows on before producing more.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await drained(this.stream);
    }
  }

  async end(): Promise<void> {
    if (this.closed) return;
    this.sheet.commit();
    await this.workbook.commit();
  }
}

export function tableWriter(
  format: ExportFormat,
  sheetName: string,
  textColumns: readonly number[] = [],
): TableWriter {
  return format === 'xlsx' ? new XlsxWriter(sheetName, textColumns) : new CsvWriter();
}

/** A file name safe in a Content-Disposition header. */
export function attachment(name: string, format: ExportFormat): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${safe}.${format}"`;
}
