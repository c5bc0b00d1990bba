/** Exact helpers for non-negative decimal strings ("12.50"); no floats anywhere. */

function parts(value: string): [string, string] {
  const [int, frac = ''] = value.split('.');
  return [int.replace(/^0+(?=\d)/, ''), frac.replace(/0+$/, '')];
}

/** -1, 0 or 1, like a comparator. */
export function compareDecimal(a: string, b: string): number {
  const [ai, af] = parts(a);
  const [bi, bf] = parts(b);
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const x = af.padEnd(width, '0');
  const y = bf.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

export function isPositiveDecimal(value: string): boolean {
  return /[1-9]/.test(value);
}

/** PostgreSQL returns numeric(18,4) as "12.5000"; the API answers "12.5". */
export function decimalOut(value: string | null): string | null {
  if (value === null) return null;
  const [int, frac] = parts(value);
  return frac ? `${int}.${frac}` : int;
}
