import { parseArgs } from 'node:util';
import { businessDateProblem, startOfDay } from '../platform/dates';
import { DemoOptions } from './demo-data';

/** What `npm run seed -- ...` asked for. */
export interface SeedCommand {
  options: DemoOptions;
  /** Keep the existing rows and add new divisions after them (see SeedMode in seed.ts). */
  append: boolean;
}

/**
 * Parses `--divisions N --payments M --receivables R --seed S --today YYYY-MM-DD --append`
 * (receivables default to half the payments). The demo data is a pure function of (divisions,
 * payments, receivables, seed, today); `today` defaults to the current UTC date,
 * so runs on the same day with the same seed give identical rows, and `--today` pins it for good.
 */
export function parseSeedCommand(args: string[], now = new Date()): SeedCommand {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      divisions: { type: 'string', default: '5' },
      payments: { type: 'string', default: '20000' },
      receivables: { type: 'string' },
      seed: { type: 'string', default: '42' },
      today: { type: 'string' },
      append: { type: 'boolean', default: false },
    },
  });
  return {
    options: {
      divisions: integer('--divisions', values.divisions!, 1, 10_000),
      payments: integer('--payments', values.payments!, 0, 100_000_000),
      ...(values.receivables === undefined ? {} : { receivables: integer('--receivables', values.receivables, 0, 100_000_000) }),
      seed: integer('--seed', values.seed!, 0, 2 ** 32 - 1),
      today: values.today ? date('--today', values.today) : startOfDay(now),
    },
    append: values.append ?? false,
  };
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}, got ${text}`);
  return n;
}

function date(flag: string, text: string): Date {
  const d = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw new Error(`${flag} must be a date such as 2026-06-15, got ${text}`);
  }
  const problem = businessDateProblem(d);
  if (problem) throw new Error(`${flag}: ${problem}`);
  return d;
}
