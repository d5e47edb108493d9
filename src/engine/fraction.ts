/**
 * Exact rational numbers for scoring. C2.3 and C8.7 require decimal half-up rounding
 * (3.35 → 3.4), which binary floating point gets wrong, so globals are kept as fractions.
 */
export interface Fraction {
  n: number;
  d: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

export function frac(n: number, d = 1): Fraction {
  if (d === 0) throw new Error('division by zero');
  const sign = d < 0 ? -1 : 1;
  const g = gcd(n, d) || 1;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const add = (...values: Fraction[]): Fraction =>
  values.reduce((a, b) => frac(a.n * b.d + b.n * a.d, a.d * b.d), frac(0));
export const mul = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d, a.d * b.n);
export const cmp = (a: Fraction, b: Fraction): number => a.n * b.d - b.n * a.d;
export const min = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) <= 0 ? a : b);
export const clamp = (value: Fraction, low: number, high: number): Fraction =>
  cmp(value, frac(low)) < 0 ? frac(low) : cmp(value, frac(high)) > 0 ? frac(high) : value;

/** Rounds half-up (towards +∞ at exactly .5) to `places` decimals, exactly. */
export function roundHalfUp(value: Fraction, places: number): number {
  const scale = 10 ** places;
  const scaled = frac(value.n * scale * 2 + value.d, value.d * 2); // value·scale + 1/2
  return Math.floor(scaled.n / scaled.d) / scale;
}

export const toNumber = (value: Fraction): number => value.n / value.d;
