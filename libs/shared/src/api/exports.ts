/** CSV/XLSX exports (organizer: whole fairs; exhibitors and buyers: their own meetings and contracts). */

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Column keys, in file order; headers are `exchange:columns.<key>` in the caller's language. */
export const EXPORT_COLUMNS = {
  exhibitors: [
    'companyName',
    'legalName',
    'taxCode',
    'province',
    'village',
    'status',
    'contactName',
    'contactEmail',
    'phone',
    'website',
    'createdAt',
  ],
  buyers: [
    'companyName',
    'country',
    'status',
    'contactName',
    'contactEmail',
    'website',
    'categories',
    'annualImportUsd',
    'createdAt',
  ],
  booths: ['fair', 'boothCode', 'hall', 'companyName', 'status', 'size', 'createdAt'],
  meetings: [
    'fair',
    'status',
    'start',
    'end',
    'buyer',
    'buyerPerson',
    'exhibitor',
    'exhibitorTaxCode',
    'exhibitorPerson',
    'place',
    'interpreterLanguage',
    'createdAt',
  ],
  samples: [
    'fair',
    'status',
    'buyer',
    'exhibitor',
    'items',
    'courier',
    'trackingNumber',
    'cost',
    'currency',
    'createdAt',
    'updatedAt',
  ],
  contracts: [
    'number',
    'fair',
    'signedOn',
    'kind',
    'status',
    'buyer',
    'exhibitor',
    'exhibitorTaxCode',
    'currency',
    'total',
    'fxRate',
    'fxDate',
    'totalUsd',
    'incoterm',
    'incotermPlace',
    'paymentTerms',
    'depositPercent',
    'createdAt',
    'confirmedAt',
  ],
} as const;

export type ExportDataset = keyof typeof EXPORT_COLUMNS;
export const EXPORT_DATASETS = Object.keys(EXPORT_COLUMNS) as ExportDataset[];
/** What an exhibitor or a buyer may export about its own company. */
export const MY_EXPORT_DATASETS = ['meetings', 'contracts'] as const satisfies readonly ExportDataset[];
export type MyExportDataset = (typeof MY_EXPORT_DATASETS)[number];
