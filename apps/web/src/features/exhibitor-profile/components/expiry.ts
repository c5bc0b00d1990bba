export type ExpiryStatus = 'none' | 'expired' | 'soon' | 'valid';

/** Days before expiry when a certification is flagged as expiring soon. */
export const EXPIRY_WARNING_DAYS = 90;

/** Compares calendar dates (YYYY-MM-DD), so time zones never shift a day. */
export function expiryStatus(expiresOn: string | null, today: Date = new Date()): ExpiryStatus {
  if (!expiresOn) return 'none';
  const todayIso = [
    today.getFullYear(),
    String(today.getMonth() + 1).padStart(2, '0'),
    String(today.getDate()).padStart(2, '0'),
  ].join('-');
  if (expiresOn < todayIso) return 'expired';
  const warn = new Date(today.getFullYear(), today.getMonth(), today.getDate() + EXPIRY_WARNING_DAYS);
  const warnIso = [
    warn.getFullYear(),
    String(warn.getMonth() + 1).padStart(2, '0'),
    String(warn.getDate()).padStart(2, '0'),
  ].join('-');
  return expiresOn <= warnIso ? 'soon' : 'valid';
}
