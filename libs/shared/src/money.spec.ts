import {
  compareDecimals,
  contractTotal,
  fitsNumeric,
  isDecimalString,
  lineTotal,
  MONEY_LIMITS,
  parseDecimal,
  roundHalfUp,
  sumDecimals,
  toUsd,
} from './money';

/** Independent reference: BigInt in units of 10^-scale, half-up. */
function toUnits(value: string, scale: number): bigint {
  const [int, frac = ''] = value.split('.');
  return BigInt(int + frac.padEnd(scale, '0').slice(0, scale));
}
function roundUnits(units: bigint, fromScale: number, toScale: number): bigint {
  const div = 10n ** BigInt(fromScale - toScale);
  return (units + div / 2n) / div;
}
function fmt(units: bigint, scale: number): string {
  const s = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

describe('isDecimalString', () => {
  it.each(['0', '12', '0.5', '1200.0000', '99999999999999.9999'])('accepts %s as a quantity', (v) => {
    expect(isDecimalString(v, 18, 4)).toBe(true);
  });
  it.each([
    '',
    '-1',
    '+1',
    '1e5',
    '1.',
    '.5',
    '01',
    ' 1',
    '1,5',
    '1.23456',
    '100000000000000',
    'NaN',
    'Infinity',
  ])('refuses %p as a quantity', (v) => {
    expect(isDecimalString(v, 18, 4)).toBe(false);
  });
  it('refuses non-strings, numbers included', () => {
    expect(isDecimalString(1.5, 18, 4)).toBe(false);
    expect(isDecimalString(null, 18, 4)).toBe(false);
  });
  it('parseDecimal throws on a non-decimal', () => {
    expect(() => parseDecimal('1e3')).toThrow();
  });
});

describe('lineTotal', () => {
  it.each([
    // VND: 0 decimals
    ['3', '12500.5', 'VND', '37502'],
    ['1', '0.5', 'VND', '1'],
    ['1', '0.4999', 'VND', '0'],
    ['2.5', '1', 'VND', '3'],
    // JPY: 0 decimals
    ['7', '333.3333', 'JPY', '2333'],
    ['1', '1499.5', 'JPY', '1500'],
    // USD: 2 decimals, 4-decimal unit prices
    ['3', '0.0050', 'USD', '0.02'],
    ['1', '0.0049', 'USD', '0.00'],
    ['1', '0.0050', 'USD', '0.01'],
    ['0.1', '0.1', 'USD', '0.01'],
    ['1200', '4.1235', 'USD', '4948.20'],
    ['3', '1.0050', 'USD', '3.02'],
    // KWD: 3 decimals
    ['1', '0.0005', 'KWD', '0.001'],
    ['1', '0.0004', 'KWD', '0.000'],
    ['3', '2.3335', 'KWD', '7.001'],
    // EUR
    ['10', '19.995', 'EUR', '199.95'],
  ])('%s × %s %s = %s', (q, p, c, expected) => {
    expect(lineTotal(q, p, c)).toBe(expected);
  });

  it('is exact where a float is not (0.1 × 3, 1.005 × 1)', () => {
    expect(lineTotal('3', '0.1', 'USD')).toBe('0.30');
    expect(lineTotal('1', '1.005', 'USD')).toBe('1.01'); // Math.round(1.005 * 100) / 100 gives 1.00
  });

  it('keeps every digit of huge values', () => {
    expect(lineTotal('99999999999999.9999', '9999.9999', 'VND')).toBe('999999989999999999');
    expect(lineTotal('12345678901234.5678', '1.0001', 'USD')).toBe('12346913469124.69');
    expect(lineTotal('99999999999.9999', '99999999.9999', 'KWD')).toBe('9999999999989990000.000');
  });

  it('throws on an unknown currency', () => {
    expect(() => lineTotal('1', '1', 'XYZ')).toThrow();
  });
});

describe('contractTotal and toUsd', () => {
  it('sums rounded line totals', () => {
    const lines = [
      { quantity: '1', unitPrice: '0.0050' },
      { quantity: '1', unitPrice: '0.0050' },
      { quantity: '1', unitPrice: '0.0050' },
    ];
    // each line rounds to 0.01 first: 0.03, not round(0.015) = 0.02
    expect(contractTotal(lines, 'USD')).toBe('0.03');
    expect(contractTotal([], 'VND')).toBe('0');
    expect(contractTotal([{ quantity: '2', unitPrice: '1.5' }], 'KWD')).toBe('3.000');
  });

  it('converts to USD half-up to cents', () => {
    expect(toUsd('25000000', '0.00003937')).toBe('984.25');
    expect(toUsd('1', '0.00500000')).toBe('0.01');
    expect(toUsd('1', '0.00499999')).toBe('0.00');
    expect(toUsd('1234.567', '3.25000000')).toBe('4012.34');
    expect(toUsd('100.00', '1.00000000')).toBe('100.00');
  });

  it('agrees with a BigInt computation on 5,000 generated lines', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const digits = (n: number) =>
      Array.from({ length: n }, () => rnd(10))
        .join('')
        .replace(/^0+(?=\d)/, '');
    const currencies: Array<[string, number]> = [
      ['VND', 0],
      ['USD', 2],
      ['EUR', 2],
      ['JPY', 0],
      ['KWD', 3],
    ];
    for (let i = 0; i < 5000; i++) {
      const [currency, scale] = currencies[i % currencies.length];
      const q = `${digits(1 + rnd(12))}.${digits(4).padStart(4, '0')}`.replace(/^0+(?=\d)/, '');
      const p = `${digits(1 + rnd(14))}.${String(rnd(10000)).padStart(4, '0')}`;
      const units = toUnits(q, 4) * toUnits(p, 4); // scale 8
      expect(lineTotal(q, p, currency)).toBe(fmt(roundUnits(units, 8, scale), scale));
    }
  });
});

describe('helpers', () => {
  it('roundHalfUp pads and rounds', () => {
    expect(roundHalfUp('1.5', 0)).toBe('2');
    expect(roundHalfUp('2.345', 2)).toBe('2.35');
    expect(roundHalfUp('7', 2)).toBe('7.00');
  });
  it('fitsNumeric honours precision', () => {
    const { precision, scale } = MONEY_LIMITS.totalUsd;
    expect(fitsNumeric('999999999999999999.99', precision, scale)).toBe(true);
    expect(fitsNumeric('1000000000000000000.00', precision, scale)).toBe(false);
    expect(fitsNumeric('999999999999999999.995', precision, scale)).toBe(false);
  });
  it('sums and compares exactly', () => {
    expect(sumDecimals(['0.1', '0.2'], 2)).toBe('0.30');
    expect(compareDecimals('10.10', '10.1')).toBe(0);
    expect(compareDecimals('9007199254740993', '9007199254740992')).toBe(1);
  });
});
