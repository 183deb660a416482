import { FormatError } from '../../../src/formats/format-error';
import { buildPain001, Pain001Input, Pain001Transfer, Pain001Version } from '../../../src/formats/sepa-pain001';
import { toSepaText } from '../../../src/formats/sepa-text';
import { sharedFile, validateAgainstXsd } from '../../support/shared-files';

const VERSIONS: Pain001Version[] = ['pain.001.001.03', 'pain.001.001.09'];

const transfer = (i: number, over: Partial<Pain001Transfer> = {}): Pain001Transfer => ({
  endToEndId: `B100101-00001-${i}`,
  amount: '100.00',
  currency: 'EUR',
  creditorName: `Supplier ${i} BV`,
  creditorIban: 'NL91ABNA0417164300',
  creditorBic: 'ABNANL2A',
  remittanceText: `Invoice ${i}`,
  ...over,
});

const input = (version: Pain001Version, transfers: Pain001Transfer[], over: Partial<Pain001Input> = {}): Pain001Input => ({
  version,
  messageId: 'B100101-00001',
  createdAt: new Date('2026-06-15T09:30:12.345Z'),
  initiatingPartyName: 'Cijfer & Co Accountants',
  debtorName: 'Noorderlicht Holding BV',
  debtorIban: 'BE68 5390 0754 7034',
  debtorBic: 'GKCCBEBB',
  executionDate: new Date('2026-06-17T00:00:00Z'),
  batchBooking: true,
  paymentInformationId: 'B100101-00001-1',
  transfers,
  ...over,
});

/** Every text of an element, in document order (the files are generated, so a regex suffices). */
const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

/** Sum of decimal texts in cents, with BigInt: independent of the writer's decimal.js. */
const cents = (amounts: string[]) => amounts.reduce((s, a) => s + BigInt(a.replace('.', '')), 0n);

/** A mixed run: OGM, RF, plain text, no BIC, accents, awkward amounts. */
const mixed: Pain001Transfer[] = [
  transfer(1, { amount: '0.10' }),
  transfer(2, { amount: '0.20', creditorBic: null, structuredReference: '+++123/4567/89002+++', remittanceText: 'ignored' }),
  transfer(3, { amount: '999999999.99', structuredReference: 'RF18 5390 0754 7034' }),
  transfer(4, {
    amount: '12.3',
    creditorName: "François D'Alsace S.A.",
    creditorIban: 'FR14 2004 1010 0505 0001 3M02 606',
    creditorBic: 'bnpafrpp',
  }),
  transfer(5, { amount: '0.01', creditorName: 'Zoë & Søn — Ålesund', remittanceText: null }),
];

describe('buildPain001', () => {
  const xsd = (version: Pain001Version) => sharedFile(`standards/${version}.xsd`);

  describe.each(VERSIONS)('%s', (version) => {
    const result = buildPain001(input(version, mixed));

    it('validates against the ISO 20022 schema', () => {
      const schema = xsd(version);
      if (!schema) {
        console.warn(`skipped: ../shared/standards/${version}.xsd is missing`);
        return;
      }
      const verdict = validateAgainstXsd(result.xml, schema);
      expect(verdict.errors).toContain('validates');
      expect(verdict.ok).toBe(true);
    });

    it('states counts and control sums equal to the transfers, to the cent', () => {
      const amounts = texts(result.xml, 'InstdAmt');
      expect(amounts).toEqual(['0.10', '0.20', '999999999.99', '12.30', '0.01']);
      const expected = cents(
        mixed.map((t) => (t.amount.includes('.') ? t.amount.padEnd(t.amount.indexOf('.') + 3, '0') : `${t.amount}.00`)),
      );
      expect(expected).toBe(10n + 20n + 99999999999n + 1230n + 1n);
      expect(texts(result.xml, 'NbOfTxs')).toEqual(['5', '5']);
      expect(texts(result.xml, 'CtrlSum')).toEqual(['1000000012.60', '1000000012.60']);
      expect(cents(texts(result.xml, 'CtrlSum').slice(0, 1))).toBe(expected);
      expect(result.numberOfTransactions).toBe(5);
      expect(result.controlSum).toBe('1000000012.60');
      expect(texts(result.xml, 'EndToEndId')).toEqual(mixed.map((t) => t.endToEndId));
    });

    it('writes the header, the payment information and the version-specific elements', () => {
      const x = result.xml;
      expect(x).toContain(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${version}">`);
      expect(texts(x, 'MsgId')).toEqual(['B100101-00001']);
      expect(texts(x, 'CreDtTm')).toEqual(['2026-06-15T09:30:12Z']);
      expect(texts(x, 'PmtMtd')).toEqual(['TRF']);
      expect(texts(x, 'BtchBookg')).toEqual(['true']);
      expect(texts(x, 'ChrgBr')).toEqual(['SLEV']);
      expect(x).toMatch(/<SvcLvl>\s*<Cd>SEPA<\/Cd>/);
      expect(texts(x, 'IBAN')).toEqual([
        'BE68539007547034',
        'NL91ABNA0417164300',
        'NL91ABNA0417164300',
        'NL91ABNA0417164300',
        'FR1420041010050500013M02606',
        'NL91ABNA0417164300',
      ]);
      const bicTag = version === 'pain.001.001.03' ? 'BIC' : 'BICFI';
      // Debtor agent, then creditor agents only where a BIC is known (transfer 2 has none).
      expect(texts(x, bicTag)).toEqual(['GKCCBEBB', 'ABNANL2A', 'ABNANL2A', 'BNPAFRPP', 'ABNANL2A']);
      if (version === 'pain.001.001.03') expect(texts(x, 'ReqdExctnDt')).toEqual(['2026-06-17']);
      else expect(x).toMatch(/<ReqdExctnDt>\s*<Dt>2026-06-17<\/Dt>\s*<\/ReqdExctnDt>/);
    });

    it('writes structured references (OGM with issuer BBA, RF) or unstructured text, never both', () => {
      const x = result.xml;
      expect(texts(x, 'Ref')).toEqual(['123456789002', 'RF18539007547034']);
      expect(texts(x, 'Issr')).toEqual(['BBA', 'ISO']);
      expect(texts(x, 'Cd').filter((c) => c === 'SCOR')).toHaveLength(2);
      expect(texts(x, 'Ustrd')).toEqual(['Invoice 1', 'Invoice 4']);
      expect(x).not.toContain('ignored');
    });

    it('transliterates names into the SEPA character set', () => {
      expect(texts(result.xml, 'Nm')).toEqual([
        'Cijfer + Co Accountants',
        'Noorderlicht Holding BV',
        'Supplier 1 BV',
        'Supplier 2 BV',
        'Supplier 3 BV',
        "Francois D'Alsace S.A.",
        'Zoe + Son - Alesund',
      ]);
    });
  });

  it('uses NOTPROVIDED for a debtor agent without BIC and false batch booking', () => {
    for (const version of VERSIONS) {
      const { xml } = buildPain001(input(version, [transfer(1)], { debtorBic: null, batchBooking: false }));
      expect(xml).toMatch(/<DbtrAgt>\s*<FinInstnId>\s*<Othr>\s*<Id>NOTPROVIDED<\/Id>/);
      expect(texts(xml, 'BtchBookg')).toEqual(['false']);
      const schema = xsd(version);
      if (schema) expect(validateAgainstXsd(xml, schema).ok).toBe(true);
    }
  });

  it('sums many amounts exactly (no binary floats)', () => {
    // 0.10 + 0.20 + ... : a float sum would drift; 1000 transfers of 0.1x must total exactly.
    const many = Array.from({ length: 1000 }, (_, i) => transfer(i, { amount: `0.${String(10 + (i % 90)).padStart(2, '0')}` }));
    const result = buildPain001(input('pain.001.001.09', many));
    const expected = cents(many.map((t) => t.amount));
    expect(BigInt(result.controlSum.replace('.', ''))).toBe(expected);
    expect(texts(result.xml, 'CtrlSum')).toEqual([result.controlSum, result.controlSum]);
    expect(texts(result.xml, 'NbOfTxs')).toEqual(['1000', '1000']);
  });
});

describe('buildPain001 refusals', () => {
  const refusal = (i: Pain001Input): FormatError => {
    try {
      buildPain001(i);
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      return e as FormatError;
    }
    throw new Error('expected a FormatError');
  };

  it('names the transfer, its EndToEndId, the field and the reason for each problem', () => {
    const bad = [
      transfer(0),
      transfer(1, { currency: 'USD' as 'EUR' }),
      transfer(2, { creditorIban: 'NL91ABNA0417164301' }),
      transfer(3, { amount: '0.00' }),
      transfer(4, { amount: '1000000000.00' }),
      transfer(5, { amount: '12.345' }),
      transfer(6, { amount: '1e3' }),
      transfer(7, { endToEndId: 'E'.repeat(36) }),
      transfer(8, { endToEndId: 'E2E_8' }),
      transfer(9, { endToEndId: 'B100101-00001-0' }),
      transfer(10, { creditorName: 'N'.repeat(71) }),
      transfer(11, { creditorName: 'Ελλάδα' }),
      transfer(12, { creditorBic: 'ABNANL2' }),
      transfer(13, { structuredReference: '+++123/4567/89012+++' }),
      transfer(14, { remittanceText: 'x'.repeat(141) }),
      transfer(15, { creditorIban: 'SA03 8000 0000 6080 1016 7519' }),
    ];
    const e = refusal(input('pain.001.001.03', bad));
    const byField = Object.fromEntries(e.problems.map((p) => [p.field, p]));
    expect(Object.keys(byField).sort()).toEqual([
      'transfers[10].creditorName',
      'transfers[11].creditorName',
      'transfers[12].creditorBic',
      'transfers[13].structuredReference',
      'transfers[14].remittanceText',
      'transfers[15].creditorIban',
      'transfers[1].currency',
      'transfers[2].creditorIban',
      'transfers[3].amount',
      'transfers[4].amount',
      'transfers[5].amount',
      'transfers[6].amount',
      'transfers[7].endToEndId',
      'transfers[8].endToEndId',
      'transfers[9].endToEndId',
    ]);
    expect(byField['transfers[1].currency'].message).toMatch(/"USD" cannot be paid by SEPA credit transfer, only EUR/);
    expect(byField['transfers[1].currency'].transferIndex).toBe(1);
    expect(byField['transfers[1].currency'].endToEndId).toBe('B100101-00001-1');
    expect(byField['transfers[2].creditorIban'].message).toMatch(/not a valid IBAN \(wrong IBAN check digits\)/);
    expect(byField['transfers[3].amount'].message).toMatch(/outside the SEPA range 0.01 to 999999999.99/);
    expect(byField['transfers[4].amount'].message).toMatch(/outside the SEPA range/);
    expect(byField['transfers[5].amount'].message).toMatch(/more than 2 decimals/);
    expect(byField['transfers[6].amount'].message).toMatch(/not a decimal number/);
    expect(byField['transfers[7].endToEndId'].message).toMatch(/36 characters long, at most 35/);
    expect(byField['transfers[8].endToEndId'].message).toMatch(/outside the SEPA character set: "_"/);
    expect(byField['transfers[9].endToEndId'].message).toMatch(/repeats the EndToEndId of transfers\[0\]/);
    expect(byField['transfers[10].creditorName'].message).toMatch(/71 characters long, at most 70/);
    expect(byField['transfers[11].creditorName'].message).toMatch(/empty/);
    expect(byField['transfers[12].creditorBic'].message).toMatch(/not a valid BIC/);
    expect(byField['transfers[13].structuredReference'].message).toMatch(/neither a valid Belgian structured communication/);
    expect(byField['transfers[14].remittanceText'].message).toMatch(/141 characters long, at most 140/);
    expect(byField['transfers[15].creditorIban'].message).toMatch(/outside the SEPA area/);
    expect(e.message).toContain('transfers[1].currency (EndToEndId B100101-00001-1): "USD" cannot be paid');
    expect(e.field).toBe('transfers[1].currency');
  });

  it('checks the message identifiers, the debtor and that there is something to pay', () => {
    const e = refusal(
      input('pain.001.001.09', [], {
        messageId: 'M'.repeat(36),
        paymentInformationId: '/PMT',
        debtorIban: 'BE00',
        debtorBic: 'XX',
        debtorName: '',
      }),
    );
    expect(e.problems.map((p) => p.field).sort()).toEqual([
      'debtorBic',
      'debtorIban',
      'debtorName',
      'messageId',
      'paymentInformationId',
      'transfers',
    ]);
    expect(e.problems.find((p) => p.field === 'paymentInformationId')!.message).toMatch(/must not start or end with '\/'/);
    expect(e.problems.find((p) => p.field === 'transfers')!.message).toMatch(/at least one transfer/);
    expect(refusal(input('pain.001.001.02' as Pain001Version, [transfer(1)])).field).toBe('version');
  });
});

describe('toSepaText', () => {
  it('keeps the SEPA set, spells out or strips the rest', () => {
    expect(toSepaText("François D'Alsace S.A.")).toBe("Francois D'Alsace S.A.");
    expect(toSepaText('Große Straße 5; Ærø')).toBe('Grosse Strasse 5, AEro');
    expect(toSepaText('Łódź  “Kraków”')).toBe("Lodz 'Krakow'");
    expect(toSepaText('Ελλάδα')).toBe('');
    expect(toSepaText('a@b#c')).toBe('abc');
  });
});
