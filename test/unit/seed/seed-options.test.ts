import { parseSeedCommand } from '../../../src/seed/seed-options';

describe('npm run seed -- options', () => {
  const now = new Date('2026-11-21T17:45:12.345Z');

  it('defaults to the demo sizes, seed 42 and today at UTC midnight (same day, same rows)', () => {
    expect(parseSeedCommand([], now)).toEqual({
      options: { divisions: 5, payments: 20000, seed: 42, today: new Date('2026-11-21T00:00:00Z') },
      append: false,
    });
  });

  it('reads every flag', () => {
    const cmd = parseSeedCommand(['--divisions', '20', '--payments', '1000000', '--seed', '7', '--today', '2026-06-15', '--append'], now);
    expect(cmd).toEqual({
      options: { divisions: 20, payments: 1_000_000, seed: 7, today: new Date('2026-06-15T00:00:00Z') },
      append: true,
    });
  });

  it('reads the number of receivables (by default half the payments, chosen by the seed)', () => {
    expect(parseSeedCommand(['--payments', '100', '--receivables', '0'], now).options).toMatchObject({ payments: 100, receivables: 0 });
    expect(parseSeedCommand(['--receivables', '2500'], now).options.receivables).toBe(2500);
    expect(() => parseSeedCommand(['--receivables=-1'], now)).toThrow(/--receivables must be a whole number/);
  });

  it.each([
    [['--divisions', '0'], /--divisions must be a whole number from 1/],
    [['--payments=-5'], /--payments must be a whole number/],
    [['--payments', '1e6'], /--payments must be a whole number/],
    [['--seed', 'abc'], /--seed must be a whole number/],
    [['--today', '2026-02-30'], /--today must be a date such as 2026-06-15/],
    [['--today', 'tomorrow'], /--today must be a date/],
    [['--today', '1899-12-31'], /--today: 1899-12-31T00:00:00.000Z is outside the years 1901 to 2099/],
    [['--today', '2100-01-01'], /--today: .* is outside the years 1901 to 2099/],
    [['--bogus', '1'], /Unknown option '--bogus'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseSeedCommand(args as string[], now)).toThrow(message);
  });
});
