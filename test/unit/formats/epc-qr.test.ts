import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EPC_MAX_PAYLOAD_BYTES, epcPayload, epcPng, epcSvg, EpcQrInput } from '../../../src/formats/epc-qr';
import { FormatError } from '../../../src/formats/format-error';
import { requireTool } from '../../support/shared-files';

/** The example of EPC069-12: a French beneficiary with an accent in its name. */
const EXAMPLE: EpcQrInput = {
  beneficiaryName: "François D'Alsace S.A.",
  iban: 'FR1420041010050500013M02606',
  amount: '12.30',
  text: 'Client:Marie Louise La Lune',
};

/** Reads a PNG with zbarimg. `-Sbinary` gives the symbol's bytes as they are: zbar otherwise
 * guesses a character set for non-ASCII bytes (it takes UTF-8 ç for Shift-JIS), while an EPC
 * reader decodes them as UTF-8 because line 3 of the payload says so. */
function decodePng(png: Buffer): Buffer {
  requireTool('zbarimg', 'zbar-tools');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'epc-')), 'code.png');
  fs.writeFileSync(file, png);
  const run = spawnSync('zbarimg', ['--raw', '-q', '-Sbinary', file]);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  expect(run.status).toBe(0);
  return run.stdout;
}

const refusal = (input: EpcQrInput): FormatError => {
  try {
    epcPayload(input);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
};

describe('epcPayload', () => {
  it("matches the standard's lines for the EPC069-12 example (version 002, no BIC)", () => {
    expect(epcPayload(EXAMPLE).split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      '',
      "François D'Alsace S.A.",
      'FR1420041010050500013M02606',
      'EUR12.3',
      '',
      '',
      'Client:Marie Louise La Lune',
    ]);
  });

  it('writes version 001 with its required BIC, purpose, structured reference and information', () => {
    const payload = epcPayload({
      version: '001',
      bic: 'gkcc bebb',
      beneficiaryName: 'Rode Kruis',
      iban: 'BE68 5390 0754 7034',
      amount: '5.00',
      purpose: 'CHAR',
      structuredReference: '+++123/4567/89002+++',
      information: 'Dank u',
    });
    expect(payload).toBe('BCD\n001\n1\nSCT\nGKCCBEBB\nRode Kruis\nBE68539007547034\nEUR5\nCHAR\n123456789002\n\nDank u');
    expect(
      epcPayload({ ...EXAMPLE, text: null, structuredReference: 'RF18 5390 0754 7034' })
        .split('\n')
        .slice(8),
    ).toEqual(['', 'RF18539007547034']);
  });

  it('writes amounts without trailing zeros and stops after the last filled field', () => {
    const amountLine = (amount: string) => epcPayload({ ...EXAMPLE, amount, text: null });
    expect(amountLine('5')).toBe("BCD\n002\n1\nSCT\n\nFrançois D'Alsace S.A.\nFR1420041010050500013M02606\nEUR5");
    expect(amountLine('0.01').endsWith('\nEUR0.01')).toBe(true);
    expect(amountLine('999999999.99').endsWith('\nEUR999999999.99')).toBe(true);
    expect(amountLine('100.50').endsWith('\nEUR100.5')).toBe(true);
    expect(amountLine('1000.00').endsWith('\nEUR1000')).toBe(true);
  });

  it('refuses what a SEPA credit transfer cannot carry, naming field and reason', () => {
    const cases: [Partial<EpcQrInput>, string, RegExp][] = [
      [{ currency: 'USD' }, 'currency', /only EUR/],
      [{ iban: 'FR1420041010050500013M02607' }, 'iban', /not a valid IBAN/],
      [{ iban: 'SA0380000000608010167519' }, 'iban', /outside the SEPA area/],
      [{ iban: '' }, 'iban', /no IBAN/],
      [{ amount: '0' }, 'amount', /0.01 to 999999999.99/],
      [{ amount: '1000000000' }, 'amount', /0.01 to 999999999.99/],
      [{ amount: '-5' }, 'amount', /0.01 to 999999999.99/],
      [{ amount: '1.001' }, 'amount', /more than 2 decimals/],
      [{ amount: 'twelve' }, 'amount', /not a decimal number/],
      [{ beneficiaryName: ' ' }, 'beneficiaryName', /required/],
      [{ beneficiaryName: 'N'.repeat(71) }, 'beneficiaryName', /71 characters long, at most 70/],
      [{ beneficiaryName: 'Line\nbreak' }, 'beneficiaryName', /line break/],
      [{ version: '001' }, 'bic', /required in version 001/],
      [{ bic: 'NOTABIC' }, 'bic', /not a valid BIC/],
      [{ purpose: 'charity' }, 'purpose', /purpose code/],
      [{ structuredReference: '+++123/4567/89012+++', text: null }, 'structuredReference', /neither/],
      [{ structuredReference: 'RF18539007547034' }, 'text', /cannot both be given/],
      [{ text: 't'.repeat(141) }, 'text', /141 characters long, at most 140/],
      [{ information: 'i'.repeat(71) }, 'information', /at most 70/],
    ];
    for (const [change, field, reason] of cases) {
      const e = refusal({ ...EXAMPLE, ...change });
      expect({ change, field: e.field }).toEqual({ change, field });
      expect(e.problems[0].message).toMatch(reason);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('counts the 331-byte limit in UTF-8 bytes, not characters', () => {
    // BIC, purpose and the example's IBAN and amount leave 261 bytes for name, text and information.
    const full = {
      ...EXAMPLE,
      bic: 'BNPAFRPPXXX',
      purpose: 'GDDS',
      beneficiaryName: 'e'.repeat(70),
      text: 'u'.repeat(140),
      information: 'a'.repeat(51),
    };
    expect(Buffer.byteLength(epcPayload(full))).toBe(EPC_MAX_PAYLOAD_BYTES);
    expect(refusal({ ...full, information: 'a'.repeat(52) }).problems[0].message).toMatch(
      /332 bytes in UTF-8, an EPC QR code holds at most 331/,
    );
    // Same number of characters, but é takes two bytes in UTF-8.
    expect(refusal({ ...full, beneficiaryName: 'é'.repeat(70) }).problems[0].message).toMatch(/401 bytes in UTF-8/);
  });
});

describe('epcPng and epcSvg', () => {
  it('a QR decoder reads the PNG back to the exact UTF-8 payload', async () => {
    const payload = epcPayload(EXAMPLE);
    const png = await epcPng(payload);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const bytes = decodePng(png);
    expect(bytes.toString('utf8').replace(/\n$/, '')).toBe(payload);
    expect(bytes.includes(Buffer.from('ç', 'utf8'))).toBe(true);
  });

  it('a payload of the maximum size still fits and reads back', async () => {
    const payload = epcPayload({
      ...EXAMPLE,
      beneficiaryName: 'B'.repeat(69) + 'ç',
      text: 'T'.repeat(140),
      information: 'I'.repeat(50),
      bic: 'BNPAFRPPXXX',
      purpose: 'GDDS',
    });
    expect(Buffer.byteLength(payload)).toBe(EPC_MAX_PAYLOAD_BYTES);
    expect(
      decodePng(await epcPng(payload))
        .toString('utf8')
        .replace(/\n$/, ''),
    ).toBe(payload);
  });

  it('draws an SVG of the same code', async () => {
    const svg = await epcSvg(epcPayload(EXAMPLE));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/<path [^>]*d="M/);
  });
});
