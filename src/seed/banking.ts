import { belgianCheckDigits } from '../formats/structured-reference';
import { composeIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { BankAccount } from '../modules/bank-accounts/bank-account.entity';
import { Account } from '../modules/accounts/account.entity';
import { Random } from './random';

/** Real bank identifiers of Belgian and Dutch banks, for believable demo bank accounts. */
const BANKS = {
  BE: [
    { bic: 'GEBABEBB', prefix: '001' }, // BNP Paribas Fortis
    { bic: 'KREDBEBB', prefix: '734' }, // KBC
    { bic: 'BBRUBEBB', prefix: '363' }, // ING Belgium
    { bic: 'GKCCBEBB', prefix: '068' }, // Belfius
  ],
  NL: [
    { bic: 'INGBNL2A', prefix: 'INGB' },
    { bic: 'RABONL2U', prefix: 'RABO' },
    { bic: 'ABNANL2A', prefix: 'ABNA' },
    { bic: 'SNSBNL2A', prefix: 'SNSB' },
  ],
} as const;

export type BankCountry = keyof typeof BANKS;

/** A valid IBAN and BIC of the given country (national check digits included). */
export function makeBankAccount(random: Random, country: BankCountry): { iban: string; bic: string } {
  const bank: { bic: string; prefix: string } = random.pick<{ bic: string; prefix: string }>(BANKS[country]);
  let bban: string;
  if (country === 'BE') {
    const ten = bank.prefix + random.digits(7);
    // Belgian account numbers carry the same mod-97 check as structured communications.
    bban = ten + belgianCheckDigits(ten);
  } else {
    // Dutch account numbers pass the 11-test: weights 10..1 over the ten digits.
    let digits: string;
    do digits = random.digits(10);
    while ([...digits].reduce((s, d, i) => s + Number(d) * (10 - i), 0) % 11 !== 0);
    bban = bank.prefix + digits;
  }
  const iban = composeIBAN({ countryCode: country, bban });
  if (!iban || !isValidIBAN(iban) || !isValidBIC(bank.bic)) throw new Error(`Generated an invalid bank account ${iban}`);
  return { iban, bic: bank.bic };
}

/** Who made a demo row and when, and its division (the audit columns every demo row carries). */
export interface DemoAudit {
  created: Date;
  modified: Date;
  creatorID: string | null;
  modifierID: string | null;
  divisionCode: number;
}

/**
 * The main bank account of a demo supplier or customer: a valid IBAN and BIC of `country` in the
 * account holder's name, in EUR. Draws the IBAN (makeBankAccount), then the row's ID, in that
 * order, so the demo rows generated after it keep their values.
 */
export function demoMainBankAccount(random: Random, account: Account, country: BankCountry, audit: DemoAudit): BankAccount {
  const b = makeBankAccount(random, country);
  return Object.assign(new BankAccount(), {
    id: random.uuid(),
    accountID: account.id,
    bankAccount: b.iban,
    bic: b.bic,
    bankAccountHolderName: account.name,
    currency: 'EUR',
    description: null,
    main: true,
    ...audit,
  });
}
