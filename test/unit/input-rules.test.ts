import { businessDateProblem, parseDateText } from '../../src/platform/dates';
import { divisionCodesProblem, listProblem, percentageProblem, textProblem, integerProblem } from '../../src/platform/validation';
import { decodeCursor, encodeCursor, CursorSlot } from '../../src/query/cursor';
import { csvHeader, formatNamed, formatRow, neutraliseFormula } from '../../src/modules/exports/formats';
import { loadConfig } from '../../src/platform/config';
import { namingOptions, noArguments } from '../../src/cli/options';
import { badInput } from '../../src/platform/errors';

/**
 * The shared input rules (platform/dates.ts, platform/validation.ts), the cursor codec and the
 * CSV cell rule, with the expected values taken from the rules themselves: RFC 3339 and the
 * Gregorian calendar for dates, the OWASP CSV-injection rule for cells.
 */
describe('dates typed by a person (parseDateText)', () => {
  const date = (text: string) => {
    const r = parseDateText(text);
    return 'date' in r ? r.date.toISOString() : r.problem;
  };

  it('reads a date alone as the start of that day, UTC (the safe reading of an expiry)', () => {
    expect(date('2027-01-01')).toBe('2027-01-01T00:00:00.000Z');
    expect(date('2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('reads a date-time with its zone as that instant', () => {
    expect(date('2027-01-31T18:00:00+01:00')).toBe('2027-01-31T17:00:00.000Z');
    expect(date('2027-01-31T17:00:00Z')).toBe('2027-01-31T17:00:00.000Z');
    expect(date('2027-01-31T17:00Z')).toBe('2027-01-31T17:00:00.000Z');
    expect(date('2027-01-31T23:30:00.250-02:00')).toBe('2027-02-01T01:30:00.250Z');
  });

  it.each([
    ['notadate', /must be a date/],
    ['2027-02-30', /2027-02-30 is not a day of the calendar/],
    ['2027-02-29', /not a day of the calendar/],
    ['1900-02-29', /not a day of the calendar/],
    ['2027-13-01', /not a day of the calendar/],
    ['2027-01-01T12:00:00', /has no zone/],
    ['2027-01-01T25:00:00Z', /not a time of day/],
    ['2027-01-01T10:00:00+25:00', /not a zone offset/],
    ['27-01-01', /must be a date/],
    ['', /must be a date/],
  ])('refuses %j', (text, problem) => {
    expect(date(text)).toMatch(problem);
  });
});

describe('business dates', () => {
  it('accepts the years 1901 to 2099 and refuses the others', () => {
    expect(businessDateProblem(new Date('1901-01-01T00:00:00Z'))).toBeUndefined();
    expect(businessDateProblem(new Date('2099-12-31T23:59:59Z'))).toBeUndefined();
    expect(businessDateProblem(new Date('1900-12-31T23:59:59Z'))).toMatch(/outside the years 1901 to 2099/);
    expect(businessDateProblem(new Date('2100-01-01T00:00:00Z'))).toMatch(/outside the years 1901 to 2099/);
    expect(businessDateProblem(new Date('0001-01-01T00:00:00Z'))).toMatch(/outside/);
    expect(businessDateProblem(new Date('nope'))).toBe('must be a valid date');
  });
});

describe('shared value rules', () => {
  it('percentages are 0 to 100, compared exactly', () => {
    expect(percentageProblem('0')).toBeUndefined();
    expect(percentageProblem('100.0000')).toBeUndefined();
    expect(percentageProblem('100.0001')).toMatch(/from 0 to 100/);
    expect(percentageProblem('-0.0001')).toMatch(/from 0 to 100/);
    expect(percentageProblem('abc')).toMatch(/decimal number/);
  });

  it('integers are whole and in range', () => {
    expect(integerProblem(0, 0, 10)).toBeUndefined();
    expect(integerProblem(-1, 0, 10)).toMatch(/from 0 to 10, got -1/);
    expect(integerProblem(1.5, 0, 10)).toMatch(/whole number/);
  });

  it('text has a length in code points and no control characters', () => {
    expect(textProblem('dash', 1, 4)).toBeUndefined();
    expect(textProblem('😀😀😀😀', 1, 4)).toBeUndefined();
    expect(textProblem('', 1, 4)).toBe('must not be empty');
    expect(textProblem('dashboard', 1, 4)).toMatch(/at most 4 characters, got 9/);
    expect(textProblem('a\nb', 1, 4)).toMatch(/control characters/);
  });

  it('lists have bounds and, as sets, name each item once', () => {
    expect(listProblem([], { max: 3 })).toBe('must name at least one item');
    expect(listProblem([1, 2, 3, 4], { max: 3 })).toMatch(/at most 3 items, got 4/);
    expect(listProblem(['a', 'b', 'a'], { max: 3, key: String })).toBe('names a twice');
  });

  it('division codes are positive Ints, at most 1000 (a set: a repeated code counts once)', () => {
    expect(divisionCodesProblem([1, 2])).toBeUndefined();
    expect(divisionCodesProblem([1, 1])).toBeUndefined();
    expect(divisionCodesProblem([0])).toMatch(/0 is not a division code/);
    expect(divisionCodesProblem([2_147_483_648])).toMatch(/not a division code/);
    expect(divisionCodesProblem(Array.from({ length: 1001 }, (_, i) => i + 1))).toMatch(/at most 1000 items, got 1001 \(use all/);
  });
});

describe('cursors', () => {
  const secret = 'unit-test-cursor-secret-0123456789';
  const slots: CursorSlot[] = [
    { type: 'datetime', nullable: true },
    { type: 'guid', nullable: false },
  ];
  const id = '01c1c12e-bc2f-46b9-a52c-9e5ec11c759c';
  /** A cursor with a valid signature over any payload: what a leaked secret would allow. */
  const signed = (values: unknown[]) => encodeCursor(secret, 'fp', values);
  const decode = (cursor: string) => decodeCursor(secret, 'after', cursor, 'fp', slots);

  it('round-trips the values of the sort keys', () => {
    const at = new Date('2026-06-01T00:00:00.000Z');
    expect(decode(signed([at, id]))).toEqual([at, id]);
    expect(decode(signed([null, id]))).toEqual([null, id]);
    expect(decode(signed(['2026-06-01 00:00:00.000', id]))).toEqual(['2026-06-01 00:00:00.000', id]);
  });

  it('refuses a cursor it did not sign, or signed under another secret', () => {
    const payload = Buffer.from(JSON.stringify(['fp', [{ a: 1 }, ['x']]])).toString('base64url');
    expect(() => decode(payload)).toThrow('after: is not a cursor this gateway made');
    expect(() => decode(`${payload}.AAAAAAAAAAAAAAAAAAAAAA`)).toThrow('is not a cursor this gateway made');
    expect(() => decodeCursor('another-secret-of-thirty-two-chars!', 'after', signed([null, id]), 'fp', slots)).toThrow(
      'is not a cursor this gateway made',
    );
    const [body, mac] = signed([null, id]).split('.');
    const altered = Buffer.from(JSON.stringify(['fp', [null, '00000000-0000-4000-8000-000000000000']])).toString('base64url');
    expect(() => decode(`${altered}.${mac}`)).toThrow('is not a cursor this gateway made');
    expect(() => decode(`${body}.${mac}.x`)).toThrow('is not a cursor this gateway made');
    expect(() => decode('x'.repeat(5000))).toThrow('is not a cursor this gateway made');
  });

  it('checks even signed values against the sort keys: count, type, null only where allowed', () => {
    expect(() => decode(signed([{ a: 1 }, ['x']]))).toThrow('is not a cursor this gateway made');
    expect(() => decode(signed([null, null]))).toThrow('is not a cursor this gateway made');
    expect(() => decode(signed([{ d: 'nope' }, id]))).toThrow('is not a cursor this gateway made');
    expect(() => decode(signed([1, id]))).toThrow('is not a cursor this gateway made');
    expect(() => decode(signed([null, 'x']))).toThrow('is not a cursor this gateway made');
    expect(() => decode(signed([null]))).toThrow('after: was made for another query or ordering');
    expect(() => decodeCursor(secret, 'after', signed([null, id]), 'other', slots)).toThrow('was made for another query or ordering');
  });

  it('checks each column type', () => {
    const one = (type: CursorSlot['type'], value: unknown) => () =>
      decodeCursor(secret, 'before', encodeCursor(secret, 'fp', [value]), 'fp', [{ type, nullable: false }]);
    expect(one('int32', 12)()).toEqual([12]);
    expect(one('int64', '9007199254740993')()).toEqual(['9007199254740993']);
    expect(one('decimal', '-12.50')()).toEqual(['-12.50']);
    expect(one('string', 'Acme')()).toEqual(['Acme']);
    expect(one('boolean', 1)()).toEqual([1]);
    expect(one('int32', 1.5)).toThrow('before: is not a cursor this gateway made');
    expect(one('int32', '12x')).toThrow('is not a cursor');
    expect(one('decimal', '1e5')).toThrow('is not a cursor');
    expect(one('string', 5)).toThrow('is not a cursor');
    expect(one('boolean', 'yes')).toThrow('is not a cursor');
  });

  it('takes its secret from CURSOR_SECRET, or a random one per start', () => {
    expect(loadConfig({ CURSOR_SECRET: 's'.repeat(32) }).cursorSecret).toBe('s'.repeat(32));
    expect(loadConfig({}).cursorSecret).not.toBe(loadConfig({}).cursorSecret);
    expect(() => loadConfig({ CURSOR_SECRET: 'short' })).toThrow('CURSOR_SECRET must have at least 32 characters');
  });
});

describe('commands without options', () => {
  it('refuse arguments instead of ignoring them', () => {
    expect(() => noArguments('start', ['--port', '5000'], 'configure with environment variables')).toThrow(
      'start takes no options or arguments, got --port 5000 (configure with environment variables)',
    );
    expect(() => noArguments('schema', [])).not.toThrow();
  });

  it('name the option a refused field came from', async () => {
    const fail = (field: string) => async () => {
      throw badInput(field, 'the query is empty');
    };
    await expect(namingOptions({ query: 'sql', divisions: 'divisions' }, fail('query'))).rejects.toThrow(/^--sql: the query is empty$/);
    await expect(namingOptions(['expires'], fail('expires'))).rejects.toThrow(/^--expires: the query is empty$/);
    await expect(namingOptions(['expires'], fail('id'))).rejects.toThrow(/^id: the query is empty$/);
  });
});

describe('configuration names the variable it refuses', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT must be a TCP port (1-65535), got "abc"'],
    [{ PORT: '70000' }, 'PORT must be a TCP port (1-65535), got "70000"'],
    [{ MAX_PAGE_SIZE: '0' }, 'MAX_PAGE_SIZE must be a whole number from 1'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO must be true or false, got "yes"'],
    [{ COUNT_STATEMENTS: '1' }, 'COUNT_STATEMENTS must be true or false'],
  ])('%j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('CSV cells a spreadsheet opens safely (OWASP CSV injection)', () => {
  it('puts an apostrophe before text that starts with = + - @ tab or carriage return', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(neutraliseFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseFormula('- see note')).toBe("'- see note");
  });

  it('leaves numbers and ordinary text exactly as they are', () => {
    for (const text of ['-12.50', '+3', '-0.5', '1e5', '-1E-3', 'Factuur 2026-001', 'a=b', ' =1', ''])
      expect(neutraliseFormula(text)).toBe(text);
  });

  it('writes rows and headers with the rule, and NDJSON exactly', () => {
    const columns = [
      { name: 'Description', type: { kind: 'string' as const } },
      { name: 'AmountDC', type: { kind: 'decimal' as const, scale: 2 } },
      { name: 'Count', type: { kind: 'integer' as const } },
    ];
    const row = { Description: '=1+1', AmountDC: '-12.50', Count: -3 };
    expect(formatRow('csv', columns, row)).toBe("'=1+1,-12.50,-3\r\n");
    expect(formatRow('ndjson', columns, row)).toBe('{"Description":"=1+1","AmountDC":"-12.50","Count":-3}\n');
    expect(formatRow('csv', columns, { Description: '=A1,"x"', AmountDC: null, Count: 0 })).toBe('"\'=A1,""x""",,0\r\n');
    expect(csvHeader([{ name: '=cmd', type: { kind: 'string' } }])).toBe("'=cmd\r\n");
  });

  it('knows the format names', () => {
    expect(['csv', 'CSV', 'ndjson', 'jsonl', 'json', 'xml'].map(formatNamed)).toEqual([
      'csv',
      'csv',
      'ndjson',
      'ndjson',
      'json',
      undefined,
    ]);
  });
});
