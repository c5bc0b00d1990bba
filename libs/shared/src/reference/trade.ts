/** Incoterms 2020: 11 rules (REFERENCE.md §3). */
export const INCOTERMS = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const;
export type Incoterm = (typeof INCOTERMS)[number];
export const SEA_ONLY_INCOTERMS: readonly Incoterm[] = ['FAS', 'FOB', 'CFR', 'CIF'];

export const PAYMENT_TERMS = ['TT', 'LC_AT_SIGHT', 'DP', 'DA', 'OPEN_ACCOUNT'] as const;
export type PaymentTerm = (typeof PAYMENT_TERMS)[number];

/** Certifications buyers ask for, and Vietnam's OCOP star rating. */
export const CERTIFICATION_TYPES = [
  'OCOP_3',
  'OCOP_4',
  'OCOP_5',
  'FSC_COC',
  'FSC_FM',
  'BSCI',
  'SMETA',
  'WFTO',
  'ISO_9001',
  'ISO_14001',
  'FLEGT',
  'EUDR',
  'LACEY',
  'FDA_LEAD',
  'PROP_65',
  'EU_84_500',
  'REACH',
  'CPSIA',
  'ISPM_15',
] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];

export interface CertificationInfo {
  code: CertificationType;
  name: string;
  scope: 'product' | 'factory' | 'social' | 'timber' | 'safety' | 'packaging' | 'rating';
}

export const CERTIFICATIONS: CertificationInfo[] = [
  { code: 'OCOP_3', name: 'OCOP 3★', scope: 'rating' },
  { code: 'OCOP_4', name: 'OCOP 4★', scope: 'rating' },
  { code: 'OCOP_5', name: 'OCOP 5★', scope: 'rating' },
  { code: 'FSC_COC', name: 'FSC Chain of Custody', scope: 'timber' },
  { code: 'FSC_FM', name: 'FSC Forest Management', scope: 'timber' },
  { code: 'BSCI', name: 'amfori BSCI', scope: 'social' },
  { code: 'SMETA', name: 'SMETA (Sedex)', scope: 'social' },
  { code: 'WFTO', name: 'WFTO Guaranteed Fair Trade', scope: 'social' },
  { code: 'ISO_9001', name: 'ISO 9001', scope: 'factory' },
  { code: 'ISO_14001', name: 'ISO 14001', scope: 'factory' },
  { code: 'FLEGT', name: 'FLEGT-VPA timber legality', scope: 'timber' },
  { code: 'EUDR', name: 'EU Deforestation Regulation', scope: 'timber' },
  { code: 'LACEY', name: 'US Lacey Act declaration', scope: 'timber' },
  { code: 'FDA_LEAD', name: 'FDA CPG 545.450 lead/cadmium', scope: 'safety' },
  { code: 'PROP_65', name: 'California Proposition 65', scope: 'safety' },
  { code: 'EU_84_500', name: 'EU 84/500/EEC ceramic Pb/Cd', scope: 'safety' },
  { code: 'REACH', name: 'REACH', scope: 'safety' },
  { code: 'CPSIA', name: 'CPSIA (children’s products)', scope: 'safety' },
  { code: 'ISPM_15', name: 'ISPM 15 packaging', scope: 'packaging' },
];

export const PRODUCT_UNITS = ['pcs', 'set', 'pair', 'm', 'm2', 'kg', 'box', 'roll'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

export const AWARD_KINDS = ['product_contest', 'design_contest', 'ocop', 'other'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
