import type { CompanyStatus } from '../roles';
import type { CertificationType } from '../reference/trade';
import type { FileRef } from './files';

/** Languages an exhibitor's staff may speak at the booth (ISO 639-1). */
export const SPOKEN_LANGUAGES = [
  'vi',
  'en',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'ja',
  'ko',
  'zh',
  'th',
  'km',
  'lo',
  'id',
  'ms',
  'ar',
  'hi',
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** Units a monthly capacity may be counted in. */
export const CAPACITY_UNITS = ['pcs', 'set', 'pair', 'm', 'm2', 'kg', 'box', 'roll', 'container'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];

export const PROFILE_LIMITS = {
  legalName: 300,
  villageOther: 200,
  description: 5000,
  website: 300,
  phone: 32,
  address: 500,
  exportMarkets: 100,
  languages: 20,
  certificationNumber: 100,
  certificationIssuer: 200,
  workshopName: 200,
  workshopDescription: 2000,
  artisanName: 200,
  artisanTitle: 200,
  artisanBio: 2000,
} as const;

/** PUT /api/exhibitors/:companyId/profile. A full replacement: a missing field is cleared. */
export interface UpdateExhibitorProfileRequest {
  legalName?: string | null;
  /** MST: 10 digits with check digit, 13 for a branch, 12 for a household; spaces, dots and dashes ignored */
  taxCode?: string | null;
  villageCode?: string | null;
  /** free text when the village is not in the list; cleared when villageCode is set */
  villageOther?: string | null;
  /** defaults to the village's province */
  provinceCode?: string | null;
  yearFounded?: number | null;
  employees?: number | null;
  monthlyCapacity?: number | null;
  capacityUnit?: CapacityUnit | null;
  /** ISO 3166-1 alpha-2 */
  exportMarkets?: string[];
  languages?: SpokenLanguage[];
  descriptionVi?: string | null;
  descriptionEn?: string | null;
  website?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface CompanyCertification {
  id: string;
  type: CertificationType;
  number: string | null;
  issuer: string | null;
  /** YYYY-MM-DD */
  expiresOn: string | null;
  document: FileRef | null;
  createdAt: string;
}

export interface CertificationRequest {
  type: CertificationType;
  number?: string | null;
  issuer?: string | null;
  /** YYYY-MM-DD */
  expiresOn?: string | null;
}

export interface Artisan {
  id: string;
  workshopId: string;
  name: string;
  title: string | null;
  bio: string | null;
  createdAt: string;
}

export interface ArtisanRequest {
  name: string;
  title?: string | null;
  bio?: string | null;
}

export interface Workshop {
  id: string;
  name: string;
  villageCode: string | null;
  villageOther: string | null;
  provinceCode: string | null;
  description: string | null;
  artisans: Artisan[];
  createdAt: string;
}

export interface WorkshopRequest {
  name: string;
  villageCode?: string | null;
  villageOther?: string | null;
  /** defaults to the village's province */
  provinceCode?: string | null;
  description?: string | null;
}

/** GET /api/exhibitors/:companyId/profile: what members and organizers see. */
export interface ExhibitorProfile {
  companyId: string;
  companyName: string;
  companyStatus: CompanyStatus;
  legalName: string | null;
  taxCode: string | null;
  villageCode: string | null;
  villageOther: string | null;
  provinceCode: string | null;
  yearFounded: number | null;
  employees: number | null;
  monthlyCapacity: number | null;
  capacityUnit: CapacityUnit | null;
  exportMarkets: string[];
  languages: SpokenLanguage[];
  descriptionVi: string | null;
  descriptionEn: string | null;
  website: string | null;
  phone: string | null;
  address: string | null;
  logo: FileRef | null;
  /** null until the profile is first saved */
  updatedAt: string | null;
  certifications: CompanyCertification[];
  workshops: Workshop[];
}

/** The part of a profile shown on public pages: no tax code, phone, address or documents. */
export interface PublicExhibitorProfile {
  companyId: string;
  companyName: string;
  villageCode: string | null;
  villageOther: string | null;
  provinceCode: string | null;
  yearFounded: number | null;
  employees: number | null;
  monthlyCapacity: number | null;
  capacityUnit: CapacityUnit | null;
  exportMarkets: string[];
  languages: SpokenLanguage[];
  descriptionVi: string | null;
  descriptionEn: string | null;
  website: string | null;
  logo: FileRef | null;
  certifications: Omit<CompanyCertification, 'document' | 'createdAt'>[];
  workshops: Workshop[];
}
