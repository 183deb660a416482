import { fitSepaLength, toSepaText, toSepaTextOfLength } from '../../../src/formats/sepa-text';
import { canonicalCurrency, currencyProblem, minorUnits } from '../../../src/platform/currency';
import { canonicalGuid } from '../../../src/platform/guid';

describe('fitSepaLength: converted first, then cut', () => {
  it('keeps a text whose SEPA form fits, and cuts where the SEPA form reaches the limit', () => {
    expect(fitSepaLength('Großhandel', 11)).toBe('Großhandel'); // Grosshandel: 11
    expect(fitSepaLength('Großhandel', 10)).toBe('Großhande'); // Grosshande: 10
    expect(toSepaTextOfLength('Preis €5', 7)).toBe('Preis'); // "Preis EUR5" is 10; "Preis EU" would split the €
    expect(toSepaTextOfLength('Preis €5', 9)).toBe('Preis EUR');
  });

  it('never returns more than the limit in either form, for every limit', () => {
    const text = 'Straße «Æbleskiver» € 12,50 — Øster Ærø';
    for (let max = 0; max <= 50; max++) {
      const fit = fitSepaLength(text, max);
      expect([...fit].length).toBeLessThanOrEqual(max);
      expect(toSepaText(fit).length).toBeLessThanOrEqual(max);
      expect(toSepaText(text).startsWith(toSepaText(fit))).toBe(true);
    }
  });
});

describe('currency codes and GUIDs in canonical form', () => {
  it('upper-cases codes and knows their minor units', () => {
    expect(canonicalCurrency(' eur ')).toBe('EUR');
    expect([minorUnits('EUR'), minorUnits('JPY'), minorUnits('KWD'), minorUnits('BHD')]).toEqual([2, 0, 3, 3]);
  });

  it.each([
    'XXX',
    'XTS',
    'XAU',
    'XAG',
    'XPT',
    'XPD',
    'XDR',
    'XBA',
    'XSU',
    'XUA',
    'BOV',
    'CHE',
    'CHW',
    'CLF',
    'COU',
    'MXV',
    'USN',
    'UYI',
    'UYW',
    'ZZZ',
    'EU',
  ])('refuses %s as a currency of payments', (code) => expect(currencyProblem(code)).not.toBeNull());

  it.each(['EUR', 'USD', 'JPY', 'KWD', 'XOF', 'XAF', 'XCD', 'XPF', 'CHF'])('accepts %s', (code) =>
    expect(currencyProblem(code)).toBeNull(),
  );

  it('writes GUIDs in lower case without braces', () => {
    expect(canonicalGuid('{C462BF5D-1D2E-4F3A-9B8C-7D6E5F4A3B2C}')).toBe('c462bf5d-1d2e-4f3a-9b8c-7d6e5f4a3b2c');
  });
});
