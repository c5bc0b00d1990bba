import { formatHsCode, formatTaxCode, normalizeHsCode, validateTaxCode } from './identifiers';

describe('validateTaxCode (MST)', () => {
  it.each([
    ['0100233488', 'enterprise'],
    ['0314409058-002', 'branch'],
    ['0314 409 058', 'enterprise'],
    ['001203004567', 'household'],
  ])('accepts %s as %s', (code, kind) => {
    expect(validateTaxCode(code)).toMatchObject({ valid: true, kind });
  });

  it.each([
    ['0100233480', 'wrong check digit'],
    ['12345', 'wrong length'],
    ['0100000000', 'zeros in digits 3–9'],
    ['0314409058-000', 'branch suffix 000'],
    ['0314409050-002', 'branch of an invalid code'],
    ['01002334A8', 'a letter'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(validateTaxCode(code).valid).toBe(false);
  });

  it('refuses a code whose weighted sum is a multiple of 11 (the formula gives 10)', () => {
    // 0100000019: 0*31+1*29+0+…+1*5+9*3 = 61? find one by search instead of guessing
    let found: string | undefined;
    for (let n = 100000000; n < 100100000 && !found; n++) {
      const nine = String(n).padStart(9, '0');
      const sum = [31, 29, 23, 19, 17, 13, 7, 5, 3].reduce((acc, w, i) => acc + Number(nine[i]) * w, 0);
      if (sum % 11 === 0 && nine.slice(2) !== '0000000') found = nine;
    }
    expect(found).toBeDefined();
    for (let last = 0; last <= 9; last++) expect(validateTaxCode(`${found}${last}`).valid).toBe(false);
  });

  it('formats a branch with its dash', () => {
    expect(formatTaxCode('0314409058002')).toBe('0314409058-002');
  });
});

describe('HS codes', () => {
  it('normalizes 4, 6 and 8 digits, dots allowed', () => {
    expect(normalizeHsCode('3307.41')).toBe('330741');
    expect(normalizeHsCode('6912')).toBe('6912');
    expect(normalizeHsCode('6912.00.10')).toBe('69120010');
    expect(normalizeHsCode('691')).toBeNull();
    expect(normalizeHsCode('69120')).toBeNull();
    expect(normalizeHsCode(6912)).toBeNull();
  });
  it('formats for display', () => {
    expect(formatHsCode('69120010')).toBe('6912.00.10');
    expect(formatHsCode('330741')).toBe('3307.41');
  });
});
