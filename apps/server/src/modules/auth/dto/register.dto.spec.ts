import { DomainError } from '../../../common/domain-error';
import { createValidationPipe } from '../../../common/validation';
import { LoginDto } from './login.dto';
import { RegisterDto } from './register.dto';

const pipe = createValidationPipe();
const validate = <T>(metatype: new () => T, value: unknown): Promise<T> =>
  pipe.transform(value, { type: 'body', metatype }) as Promise<T>;

async function fieldsOf(metatype: new () => unknown, value: unknown): Promise<Record<string, string>> {
  try {
    await validate(metatype, value);
  } catch (error) {
    if (error instanceof DomainError)
      return (error.options.details as { fields: Record<string, string> }).fields;
    throw error;
  }
  throw new Error('expected a validation error');
}

const valid = {
  email: '  Anna@Nordhaus.Example ',
  password: 'Buyer-2026-Berlin!',
  fullName: '  Anna Schneider ',
  companyKind: 'buyer',
  companyName: ' Nordhaus Interiors GmbH ',
  countryCode: 'DE',
};

describe('RegisterDto', () => {
  it('normalizes the e-mail and trims names', async () => {
    const dto = await validate(RegisterDto, { ...valid });
    expect(dto).toBeInstanceOf(RegisterDto);
    expect(dto).toMatchObject({
      email: 'anna@nordhaus.example',
      fullName: 'Anna Schneider',
      companyName: 'Nordhaus Interiors GmbH',
    });
  });

  it('maps each broken field to its shared code', async () => {
    expect(
      await fieldsOf(RegisterDto, {
        ...valid,
        email: 'anna-at-nordhaus',
        fullName: '   ',
        companyKind: 'organizer',
        countryCode: 'XX',
        locale: 'de',
        isAdmin: true,
      }),
    ).toEqual({
      email: 'INVALID_EMAIL',
      fullName: 'REQUIRED',
      companyKind: 'INVALID_VALUE',
      countryCode: 'INVALID_VALUE',
      locale: 'INVALID_VALUE',
      isAdmin: 'UNKNOWN_FIELD',
    });
    expect(
      await fieldsOf(RegisterDto, { ...valid, companyName: 'x'.repeat(201), password: 12345678901 }),
    ).toEqual({
      companyName: 'TOO_LONG',
      password: 'INVALID_TYPE',
    });
  });

  it('login needs both fields', async () => {
    expect(await fieldsOf(LoginDto, {})).toEqual({ email: 'REQUIRED', password: 'REQUIRED' });
    expect((await validate(LoginDto, { email: ' A@B.Example', password: 'x' })).email).toBe('a@b.example');
  });
});
