/** Bulk import of exhibitor or buyer companies with their contact person (XLSX or CSV). */

export const IMPORT_KINDS = ['exhibitor', 'buyer'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_OUTCOMES = ['created', 'updated', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export interface ImportColumn {
  key: string;
  required: boolean;
}

/**
 * The columns of each kind, in template order. A file's header cell may be the key itself or its
 * label (`exchange:columns.<key>`) in Vietnamese or English; case, accents and spaces are ignored.
 */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  exhibitor: [
    { key: 'companyName', required: true },
    { key: 'taxCode', required: true },
    { key: 'province', required: true },
    { key: 'category', required: true },
    { key: 'contactName', required: true },
    { key: 'contactEmail', required: true },
    { key: 'legalName', required: false },
    { key: 'village', required: false },
    { key: 'phone', required: false },
    { key: 'address', required: false },
    { key: 'website', required: false },
  ],
  buyer: [
    { key: 'companyName', required: true },
    { key: 'country', required: true },
    { key: 'contactName', required: true },
    { key: 'contactEmail', required: true },
    { key: 'categories', required: false },
    { key: 'website', required: false },
  ],
};

/** Why a row was rejected: `exchange:reasons.<code>` (with `{{value}}`). */
export const IMPORT_REJECT_REASONS = [
  'required',
  'invalidTaxCode',
  'invalidEmail',
  'unknownCountry',
  'unknownProvince',
  'unknownCategory',
  'unknownVillage',
  'tooLong',
  'emailInOtherCompany',
] as const;
export type ImportRejectReason = (typeof IMPORT_REJECT_REASONS)[number];

/** At most this many data rows per file. */
export const IMPORT_MAX_ROWS = 20_000;

export interface ImportView {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  filename: string;
  total: number;
  done: number;
  created: number;
  updated: number;
  rejected: number;
  createdAt: string;
  finishedAt: string | null;
}

/** GET /imports/:id/rows: one row of the report, in file order. */
export interface ImportRowView {
  /** the data row's number in the file (the header is row 1, so data starts at 2) */
  rowNumber: number;
  /** null while the job has not reached the row */
  outcome: ImportOutcome | null;
  reasonCode: ImportRejectReason | null;
  /** the column the reason is about (a key of IMPORT_COLUMNS) */
  reasonColumn: string | null;
  /** the reason in the caller's language, with the column label and the value read */
  reason: string | null;
  /** the row as read, by column key */
  data: Record<string, string>;
}

/** `?page=&pageSize=&outcome=` of GET /imports/:id/rows. */
export interface ImportRowsQuery {
  page?: number;
  pageSize?: number;
  outcome?: ImportOutcome;
}

/** Sent to the organizers' room while an import runs. */
export interface ImportProgressEvent {
  importId: string;
  done: number;
  total: number;
}
