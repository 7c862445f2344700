/**
 * Digits of pi, for the perl `bpi(N)` command of the Job tutorial: Machin's formula
 * pi = 16·atan(1/5) − 4·atan(1/239) in fixed-point BigInt arithmetic with guard digits.
 */
function arctanInv(x: bigint, unity: bigint): bigint {
  let sum = unity / x;
  let term = sum;
  const x2 = x * x;
  let n = 1n;
  let sign = -1n;
  while (term !== 0n) {
    term /= x2;
    n += 2n;
    sum += (sign * term) / n;
    sign = -sign;
  }
  return sum;
}

/** Pi to `digits` significant digits as perl's bignum prints it (`3.1415...`), rounded half up. */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.floor(digits));
  const guard = 10;
  const unity = 10n ** BigInt(n - 1 + guard);
  const pi = 16n * arctanInv(5n, unity) - 4n * arctanInv(239n, unity);
  const rounded = (pi + 5n * 10n ** BigInt(guard - 1)) / 10n ** BigInt(guard);
  const s = rounded.toString();
  return n === 1 ? s : `${s[0]}.${s.slice(1)}`;
}
