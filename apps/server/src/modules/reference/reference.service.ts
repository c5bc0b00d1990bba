import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CATEGORIES,
  CERTIFICATIONS,
  COUNTRIES,
  CURRENCIES,
  INCOTERMS,
  LEGACY_PROVINCES,
  PAYMENT_TERMS,
  PRODUCT_UNITS,
  PROVINCES,
  VILLAGES,
  type ReferenceData,
} from '@craftmatch/shared';

export interface ReferenceDocument {
  json: string;
  etag: string;
}

/** The reference lists from libs/shared, serialised once: they change only with a release. */
@Injectable()
export class ReferenceService {
  private document?: ReferenceDocument;

  data(): ReferenceData {
    const provinces = new Map(PROVINCES.map((p) => [p.code, p]));
    return {
      categories: CATEGORIES,
      villages: VILLAGES.map((v) => ({
        ...v,
        provinceNameVi: provinces.get(v.provinceCode)?.nameVi ?? v.provinceCode,
        provinceNameEn: provinces.get(v.provinceCode)?.nameEn ?? v.provinceCode,
      })),
      provinces: PROVINCES,
      legacyProvinces: LEGACY_PROVINCES,
      certifications: CERTIFICATIONS,
      incoterms: INCOTERMS,
      paymentTerms: PAYMENT_TERMS,
      productUnits: PRODUCT_UNITS,
      currencies: CURRENCIES,
      countries: COUNTRIES,
    };
  }

  serialised(): ReferenceDocument {
    if (!this.document) {
      const json = JSON.stringify(this.data());
      this.document = { json, etag: `"${createHash('sha256').update(json).digest('hex').slice(0, 32)}"` };
    }
    return this.document;
  }
}
