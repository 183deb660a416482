/**
 * Calendar days in UTC, as the gateway reasons about due dates, execution dates and ageing: a
 * date-time belongs to the UTC day of its instant (Exact stores dates as midnight UTC).
 */

/** Milliseconds in one day (UTC has no daylight saving). */
export const DAY_MS = 86_400_000;

/** The calendar day (UTC) of a date-time, as YYYY-MM-DD. */
export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Midnight UTC of the day of `d`. */
export function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** `d` moved by `days` whole days (negative: back). */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/**
 * Business dates (invoice, due, discount, entry, statement and ageing dates, key expiry) lie in
 * the years 1901 to 2099. Outside that window a date is a typing error (0026 for 2026, 2206 for
 * 2026), and MariaDB would not even keep it: its DATETIME starts at the year 1000, and it
 * silently reads a two-digit year 0001 as 2001.
 */
export const BUSINESS_YEARS = { first: 1901, last: 2099 } as const;

/** Why `d` cannot be a business date (see BUSINESS_YEARS), or undefined when it can. */
export function businessDateProblem(d: unknown): string | undefined {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return 'must be a valid date';
  const year = d.getUTCFullYear();
  if (year < BUSINESS_YEARS.first || year > BUSINESS_YEARS.last) {
    return `${d.toISOString()} is outside the years ${BUSINESS_YEARS.first} to ${BUSINESS_YEARS.last}`;
  }
  return undefined;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?)?$/;

/**
 * A date or date-time typed by a person (command line, query string), as an instant, or the
 * reason it is not one. `YYYY-MM-DD` alone is the start of that day in UTC (midnight), the
 * earliest reading: for an expiry, the safe one. A date-time must carry its zone (`Z` or
 * `+01:00`), since the same wall-clock time is another instant in every zone. The calendar is
 * checked (2027-02-30 is refused, never rolled over into March), as in RFC 3339.
 */
export function parseDateText(text: string): { date: Date } | { problem: string } {
  const m = DATE_TEXT.exec(text.trim());
  const expected = 'must be a date (2027-01-31) or a date-time with its zone (2027-01-31T17:00:00Z, 2027-01-31T18:00:00+01:00)';
  if (!m) return { problem: `${expected}, got ${JSON.stringify(text)}` };
  const [, y, mo, d, h, mi, s, fraction, utc, sign, oh, om] = m;
  if (h !== undefined && utc === undefined && sign === undefined) {
    return { problem: `${JSON.stringify(text)} has no zone: add Z (UTC) or an offset such as +01:00` };
  }
  const [year, month, day, hour, minute, second] = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) return { problem: `${y}-${mo}-${d} is not a day of the calendar` };
  if (hour > 23 || minute > 59 || second > 59) return { problem: `${h}:${mi}:${s ?? '00'} is not a time of day` };
  const offsetMinutes = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (sign !== undefined && (Number(oh) > 23 || Number(om) > 59)) return { problem: `${sign}${oh}:${om} is not a zone offset` };
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  date.setTime(date.getTime() - offsetMinutes * 60_000);
  return { date };
}
