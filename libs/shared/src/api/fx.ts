/**
 * FX rates to USD, kept by the organizer per currency and effective date (8 decimals).
 *
 * | method | path                          | roles | body               | response        |
 * |--------|-------------------------------|-------|--------------------|-----------------|
 * | GET    | /fx-rates?currency=           | O     | –                  | FxRate[] (newest date first) |
 * | PUT    | /fx-rates                     | O (organizer only) | SetFxRateRequest | FxRate (upsert by currency + date) |
 *
 * A contract uses the rate with the latest effective date on or before its signing date; none → 422
 * FX_RATE_MISSING. USD itself always has the rate 1. Later rates never rewrite a contract: only an explicit
 * POST /contracts/:id/revalue does, and it is audited.
 */

export interface FxRate {
  currency: string;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** decimal string with 8 decimals, e.g. "0.00003937" (1 unit of `currency` in USD) */
  rateToUsd: string;
  setBy: string | null;
  setByName: string | null;
  updatedAt: string;
}

export interface SetFxRateRequest {
  currency: string;
  effectiveDate: string;
  /** positive decimal string, at most 12 integer digits and 8 decimals */
  rateToUsd: string;
}
