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
