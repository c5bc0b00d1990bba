import type { CraftCategory } from '../reference/categories';
import type { CertificationInfo, Incoterm, PaymentTerm, ProductUnit } from '../reference/trade';
import type { CountryInfo } from '../reference/countries';
import type { CurrencyInfo } from '../reference/currencies';
import type { LegacyProvince, Province } from '../reference/provinces';
import type { CraftVillage } from '../reference/villages';

/** GET /api/reference: every list a form or filter needs, in one cacheable document. */
export interface ReferenceData {
  categories: CraftCategory[];
  /** each village with its current province's names */
  villages: (CraftVillage & { provinceNameVi: string; provinceNameEn: string })[];
  provinces: Province[];
  legacyProvinces: LegacyProvince[];
  certifications: CertificationInfo[];
  incoterms: readonly Incoterm[];
  paymentTerms: readonly PaymentTerm[];
  productUnits: readonly ProductUnit[];
  currencies: CurrencyInfo[];
  countries: CountryInfo[];
}
