import { QueryFailedError } from 'typeorm';
import { ErrorCode, FieldErrorCode, isStrongPassword } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';

/** E-mails are stored and compared trimmed and lower-cased (users_email_key is on lower(email)). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The shared strength rule, judged against what the user told us about themselves. */
export function assertStrongPassword(password: string, email: string, fullName: string): void {
  const localPart = email.split('@')[0] ?? '';
  if (!isStrongPassword(password, [localPart, fullName])) {
    throw DomainError.validation({ password: FieldErrorCode.WEAK_PASSWORD });
  }
}

export function emailTaken(): DomainError {
  return new DomainError(ErrorCode.EMAIL_TAKEN, 409, {
    details: { fields: { email: FieldErrorCode.EMAIL_TAKEN } },
  });
}

/** Two sign-ups with one e-mail racing past the check meet the unique index; the loser gets EMAIL_TAKEN. */
export function isEmailUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && driver.constraint === 'users_email_key';
}
