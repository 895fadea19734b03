/** Local calendar dates as plain `YYYY-MM-DD` strings: the domain never reads a clock. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidLocalDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whole days since 1970-01-01: consecutive dates give consecutive numbers, across any timezone. */
export function dayNumber(localDate: string): number {
  if (!isValidLocalDate(localDate)) throw new RangeError(`not a calendar date: ${localDate}`);
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function addDays(localDate: string, days: number): string {
  const n = dayNumber(localDate) + days;
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday (ISO weekday minus one). */
export function weekdayIndex(localDate: string): number {
  return (dayNumber(localDate) + 3) % 7;
}
