import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import { assertStrongPassword, emailTaken, isEmailUniqueViolation, normalizeEmail } from './account-rules';

function violation(code: string, constraint: string): QueryFailedError {
  return new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate'), { code, constraint }));
}

describe('account rules', () => {
  it('trims and lower-cases e-mails', () => {
    expect(normalizeEmail('  Anna.Schneider@Nordhaus.Example ')).toBe('anna.schneider@nordhaus.example');
  });

  it('accepts a strong password and refuses weak ones with the WEAK_PASSWORD field code', () => {
    expect(() =>
      assertStrongPassword('Gom-BatTrang-2026', 'minh@lang-nghe.example', 'Lê Văn Minh'),
    ).not.toThrow();
    for (const weak of ['short1!', 'onlyletterslong', 'password-2026!', 'anna.schneider-99']) {
      let error: unknown;
      try {
        assertStrongPassword(weak, 'anna.schneider@nordhaus.example', 'Anna Schneider');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(400);
      expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
      expect((error as DomainError).options.details).toEqual({ fields: { password: 'WEAK_PASSWORD' } });
    }
  });

  it('refuses a password built on the person’s own name', () => {
    expect(() => assertStrongPassword('Schneider-2026!', 'anna@nordhaus.example', 'Schneider')).toThrow(
      DomainError,
    );
  });

  it('recognises only the unique violation of users_email_key as a taken e-mail', () => {
    expect(isEmailUniqueViolation(violation('23505', 'users_email_key'))).toBe(true);
    expect(isEmailUniqueViolation(violation('23505', 'refresh_tokens_token_hash_key'))).toBe(false);
    expect(isEmailUniqueViolation(violation('23503', 'users_email_key'))).toBe(false);
    expect(isEmailUniqueViolation(new Error('users_email_key'))).toBe(false);
    const taken = emailTaken();
    expect(taken.status).toBe(409);
    expect(taken.code).toBe(ErrorCode.EMAIL_TAKEN);
    expect(taken.options.details).toEqual({ fields: { email: 'EMAIL_TAKEN' } });
  });
});
