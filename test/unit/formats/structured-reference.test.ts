import {
  belgianCheckDigits,
  createBelgianReference,
  createCreditorReference,
  formatBelgianReference,
  formatCreditorReference,
  isValidBelgianReference,
  isValidCreditorReference,
  parseBelgianReference,
  parseCreditorReference,
  parseStructuredReference,
} from '../../../src/formats/structured-reference';

describe('Belgian structured communication (OGM/VCS)', () => {
  it.each([
    ['1234567890', '02'],
    ['0123456789', '39'],
    ['0851927541', '15'],
    ['2402838428', '18'],
  ])('check digits of %s are %s', (ten, check) => {
    expect(belgianCheckDigits(ten)).toBe(check);
  });

  it('writes a remainder of 0 as 97', () => {
    expect(belgianCheckDigits('0000000097')).toBe('97');
    expect(createBelgianReference('0000000000')).toBe('+++000/0000/00097+++');
  });

  it('parses the framed, starred and bare forms to 12 digits', () => {
    expect(parseBelgianReference('+++123/4567/89002+++')).toBe('123456789002');
    expect(parseBelgianReference('***123/4567/89002***')).toBe('123456789002');
    expect(parseBelgianReference(' +++ 123 / 4567 / 89002 +++ ')).toBe('123456789002');
    expect(parseBelgianReference('123456789002')).toBe('123456789002');
  });

  it("rejects onFact's printed example +++123/4567/89012+++ and malformed ones", () => {
    expect(parseBelgianReference('+++123/4567/89012+++')).toBeNull();
    expect(isValidBelgianReference('+++123/4567/89012+++')).toBe(false);
    expect(parseBelgianReference('+++123/4567/89002***')).toBeNull(); // mixed frames
    expect(parseBelgianReference('+++1234/567/89002+++')).toBeNull(); // wrong grouping
    expect(parseBelgianReference('12345678900')).toBeNull(); // 11 digits
    expect(parseBelgianReference('')).toBeNull();
    expect(parseBelgianReference(null)).toBeNull();
  });

  it('formats and creates references', () => {
    expect(formatBelgianReference('123456789002')).toBe('+++123/4567/89002+++');
    expect(createBelgianReference('1234567890')).toBe('+++123/4567/89002+++');
    expect(createBelgianReference('0851927541')).toBe('+++085/1927/54115+++');
    expect(() => formatBelgianReference('123456789012')).toThrow(/not a valid Belgian/);
    expect(() => belgianCheckDigits('12345')).toThrow(/10 digits/);
  });
});

describe('ISO 11649 creditor reference', () => {
  it('validates the standard example and refuses a changed digit', () => {
    expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true);
    expect(parseCreditorReference('rf18 5390 0754 7034')).toBe('RF18539007547034');
    expect(isValidCreditorReference('RF18 5390 0754 7035')).toBe(false);
    expect(isValidCreditorReference('RF19539007547034')).toBe(false);
    expect(isValidCreditorReference('RF18')).toBe(false);
    expect(isValidCreditorReference(`RF00${'1'.repeat(22)}`)).toBe(false); // body longer than 21
  });

  it('creates references that validate, letters included', () => {
    expect(createCreditorReference('539007547034')).toBe('RF18539007547034');
    for (const body of ['1', 'ABC', 'INV2026000123', 'ZZZZZZZZZZZZZZZZZZZZZ']) {
      const rf = createCreditorReference(body);
      expect(rf.endsWith(body)).toBe(true);
      expect(isValidCreditorReference(rf)).toBe(true);
    }
    expect(formatCreditorReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(() => createCreditorReference('A'.repeat(22))).toThrow(/1 to 21/);
    expect(() => createCreditorReference('INV-1')).toThrow(/1 to 21/);
  });
});

describe('parseStructuredReference', () => {
  it('tells the two kinds apart and refuses anything else', () => {
    expect(parseStructuredReference('+++123/4567/89002+++')).toEqual({ kind: 'BE', reference: '123456789002' });
    expect(parseStructuredReference('RF18 5390 0754 7034')).toEqual({ kind: 'RF', reference: 'RF18539007547034' });
    expect(parseStructuredReference('Factuur 123')).toBeNull();
    expect(parseStructuredReference('+++123/4567/89012+++')).toBeNull();
  });
});
