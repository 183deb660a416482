import { belgianCheckDigits, formatBelgianReference, parseStructuredReference } from '../formats/structured-reference';
import { StatementLineToStore } from '../modules/financial-accounts/statement.input';
import { amountToPay } from '../modules/open-items/amount-to-pay';
import { Payment } from '../modules/payments/payment.entity';
import { Receivable } from '../modules/receivables/receivable.entity';
import { Dec } from '../platform/decimal';
import { makeBankAccount } from './banking';
import { demoEndToEndId } from './demo-bank-file';
import { LinePools } from './labelled-pools';
import { FIRST_NAMES, LEGAL_FORMS } from './names';
import { Random } from './random';

/**
 * The makers of labelled bank lines (see labelled-statements.ts for the mix and why): each takes
 * open items from the division's pools, so no item is settled by two lines, and returns the line
 * (in the storage shape, without its bankReference and dates, which the statement assembly sets)
 * with its label. Money is exact decimal text (Dec), signed as on a statement (credit positive).
 */

/** What a line settles: see LineLabel in labelled-statements.ts. */
export type LabelKind = 'receivables' | 'payments' | 'batch' | 'glAccount' | 'none';

/** The noise a line may carry, by name (a label lists every one applied to its line). */
export const LABEL_NOISE = [
  'reference-missing',
  'reference-typo',
  'reference-in-text',
  'several-invoices',
  'partial',
  'rounded',
  'discount',
  'discount-expired',
  'name-variant',
  'other-payer',
  'duplicate-invoice',
  'batch-booking',
  'bank-fee',
  'internal-transfer',
  'refund',
  'unknown',
] as const;
export type LabelNoise = (typeof LABEL_NOISE)[number];

export interface MadeLine {
  line: Omit<StatementLineToStore, 'bookingDate'>;
  kind: LabelKind;
  items: { id: string; amount: string }[];
  glAccountCode?: string;
  noise: LabelNoise[];
}

const money = (d: Dec) => d.toFixed(2);

/** A name as a bank or a payer writes it differently: upper case, without the legal form, a typo, abbreviated. */
export function nameVariant(random: Random, name: string): string {
  const forms = [...LEGAL_FORMS.BE, ...LEGAL_FORMS.NL];
  const bare = forms.reduce((n, f) => (n.endsWith(` ${f}`) ? n.slice(0, -f.length - 1) : n), name);
  switch (random.int(0, 3)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return bare === name ? name.toUpperCase() : bare;
    case 2: {
      // two neighbouring letters swapped, as typed by hand
      const i = random.int(1, Math.max(1, name.length - 3));
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    }
    default:
      return bare.split(' ').slice(0, 2).join(' ').toUpperCase();
  }
}

/** The 12 digits of a Belgian structured communication with one digit typed wrong (so its check digits fail). */
export function mistypedReference(random: Random, digits: string): string {
  for (;;) {
    const i = random.int(0, 11);
    const wrong = String((Number(digits[i]) + random.int(1, 9)) % 10);
    const typed = digits.slice(0, i) + wrong + digits.slice(i + 1);
    if (belgianCheckDigits(typed.slice(0, 10)) !== typed.slice(10)) return typed;
  }
}

/** The counterparty fields of a customer or supplier (their main bank account), optionally noisy. */
function party(pools: LinePools, accountID: string, bankID: string | null) {
  const account = pools.items.accounts.get(accountID);
  const bank = bankID ? pools.items.banks.get(bankID) : undefined;
  return { counterpartyName: account?.name ?? null, counterpartyAccount: bank?.bankAccount ?? null, counterpartyBic: bank?.bic ?? null };
}

/**
 * A customer paying one receivable (or, with `twin`, the older or newer of two identical invoices), with the
 * reference, payer and amount noise drawn here. `valueDate` decides whether a discount is valid.
 */
export function receivableLine(
  random: Random,
  pools: LinePools,
  r: Receivable,
  valueDate: Date,
  twin?: 'original' | 'duplicate',
): MadeLine {
  const noise: LabelNoise[] = twin ? ['duplicate-invoice'] : [];
  let amount = new Dec(r.amountDC);
  const discount = r.amountDiscountDC ? new Dec(r.amountDiscountDC) : null;
  const valid = discount && r.discountDueDate && valueDate.getTime() <= r.discountDueDate.getTime();
  let roll = 1;
  if (discount && valid && random.chance(0.6)) {
    amount = amountToPay(r, valueDate);
    noise.push('discount');
  } else if (discount && !valid && random.chance(0.25)) {
    amount = amount.minus(discount);
    noise.push('discount-expired');
  } else if ((roll = random.next()) < 0.04) {
    amount = amount.div(2).toDecimalPlaces(2);
    noise.push('partial');
  } else if (roll < 0.08 && !amount.isInteger() && amount.gt(1)) {
    amount = amount.floor();
    noise.push('rounded');
  }
  const line: MadeLine['line'] = {
    amount: money(amount),
    bankTransactionCode: 'PMNT/RCDT/ESCT',
    ...party(pools, r.accountID, r.accountBankAccountID),
  };
  if (random.chance(0.15) && line.counterpartyName) {
    line.counterpartyName = nameVariant(random, line.counterpartyName);
    noise.push('name-variant');
  }
  if (random.chance(0.04)) {
    const other = makeBankAccount(random, random.chance(0.5) ? 'BE' : 'NL');
    const stem = (line.counterpartyName ?? 'Klant').split(' ')[0];
    line.counterpartyName = random.chance(0.5) ? `${stem} Holding ${random.pick(LEGAL_FORMS.BE)}` : `${random.pick(FIRST_NAMES)} ${stem}`;
    line.counterpartyAccount = other.iban;
    line.counterpartyBic = other.bic;
    noise.push('other-payer');
  }
  const ref = parseStructuredReference(r.paymentReference);
  const invoiceText = `Factuur ${r.invoiceNumber}`;
  // The newer of two identical invoices is told apart by its reference only: it keeps it.
  const draw = twin === 'duplicate' ? 1 : random.next();
  if (!ref && twin === 'duplicate') line.unstructuredRemittance = invoiceText;
  else if (!ref) line.unstructuredRemittance = random.chance(0.6) ? invoiceText : null;
  else if (draw < 0.2) {
    line.unstructuredRemittance = random.chance(0.5) ? invoiceText : null;
    noise.push('reference-missing');
  } else if (draw < 0.26 && ref.kind === 'BE') {
    line.structuredReference = mistypedReference(random, ref.reference);
    noise.push('reference-typo');
  } else if (draw < 0.32) {
    line.unstructuredRemittance = `${ref.kind === 'BE' ? formatBelgianReference(ref.reference) : ref.reference} ${invoiceText}`;
    noise.push('reference-in-text');
  } else line.structuredReference = ref.reference;
  line.description = line.unstructuredRemittance ?? null;
  pools.take(r.id);
  return { line, kind: 'receivables', items: [{ id: r.id, amount: line.amount }], noise };
}

/** A customer paying several of its open invoices with one transfer (their invoice numbers in the text, or not). */
export function severalLine(random: Random, pools: LinePools, list: Receivable[]): MadeLine {
  const total = list.reduce((s, r) => s.plus(r.amountDC), new Dec(0));
  const text = random.chance(0.7) ? `Facturen ${list.map((r) => r.invoiceNumber).join(' ')}` : null;
  pools.take(...list.map((r) => r.id));
  return {
    line: {
      amount: money(total),
      bankTransactionCode: 'PMNT/RCDT/ESCT',
      ...party(pools, list[0].accountID, list[0].accountBankAccountID),
      unstructuredRemittance: text,
      description: text,
    },
    kind: 'receivables',
    items: list.map((r) => ({ id: r.id, amount: money(new Dec(r.amountDC)) })),
    noise: ['several-invoices'],
  };
}

/** A processed payment as the bank books it: a debit under the EndToEndId of the pain.001 file. */
export function processedLine(pools: LinePools, p: Payment, executionDate: Date): MadeLine {
  const amount = amountToPay(p, executionDate);
  pools.take(p.id);
  const text = p.paymentReference ? null : (p.yourRef ?? `Factuur ${p.invoiceNumber}`);
  return {
    line: {
      amount: money(amount.neg()),
      bankTransactionCode: 'PMNT/ICDT/ESCT',
      ...party(pools, p.accountID, p.accountBankAccountID),
      endToEndId: demoEndToEndId(p.cashflowTransactionBatchCode!, p.paymentBatchNumber!),
      structuredReference: parseStructuredReference(p.paymentReference)?.reference ?? null,
      unstructuredRemittance: text,
      description: text,
    },
    kind: 'payments',
    items: [{ id: p.id, amount: money(amount) }],
    noise: [],
  };
}

/** A processed batch booked as one debit line (pain.001 BatchBookg true): the whole batch settles. */
export function batchLine(pools: LinePools, code: string, payments: Payment[], executionDate: Date): MadeLine {
  const amounts = payments.map((p) => amountToPay(p, executionDate));
  const total = amounts.reduce((s, a) => s.plus(a), new Dec(0));
  pools.take(...payments.map((p) => p.id));
  const text = `Betaalbestand ${code} ${payments.length} betalingen`;
  return {
    line: { amount: money(total.neg()), bankTransactionCode: 'PMNT/ICDT/ESCT', unstructuredRemittance: text, description: text },
    kind: 'batch',
    items: payments.map((p, i) => ({ id: p.id, amount: money(amounts[i]) })),
    noise: ['batch-booking'],
  };
}

/** An open payable paid by hand from the bank's own app: no EndToEndId, the supplier's invoice as text. */
export function manualPaymentLine(pools: LinePools, p: Payment, valueDate: Date): MadeLine {
  const amount = amountToPay(p, valueDate);
  pools.take(p.id);
  const text = p.paymentReference ? null : `${p.yourRef ?? ''} Factuur ${p.invoiceNumber}`.trim();
  return {
    line: {
      amount: money(amount.neg()),
      bankTransactionCode: 'PMNT/ICDT/ESCT',
      ...party(pools, p.accountID, p.accountBankAccountID),
      structuredReference: parseStructuredReference(p.paymentReference)?.reference ?? null,
      unstructuredRemittance: text,
      description: text,
    },
    kind: 'payments',
    items: [{ id: p.id, amount: money(amount) }],
    noise: [],
  };
}

/** Bank costs: a small debit without a counterparty, booked to the bank costs G/L account. */
export function feeLine(random: Random, pools: LinePools): MadeLine {
  const text = random.pick(['Kosten rekening', 'Beheerskosten zichtrekening', 'Kosten overschrijvingen', 'Kaartbijdrage']);
  return {
    line: {
      amount: money(new Dec(-random.int(150, 4_500)).div(100)),
      bankTransactionCode: 'ACMT/MDOP/CHRG',
      unstructuredRemittance: text,
      description: text,
    },
    kind: 'glAccount',
    items: [],
    glAccountCode: pools.items.glCodes.bankCosts ?? undefined,
    noise: ['bank-fee'],
  };
}

/** Money moved between the division's own accounts: booked to the other account's G/L account. */
export function internalTransferLine(random: Random, pools: LinePools): MadeLine | null {
  const own = pools.items.otherOwn[0];
  if (!own || !pools.items.glCodes.savings) return null;
  const amount = new Dec(random.int(1_000, 50_000)).times(random.chance(0.5) ? 10 : -10);
  const text = amount.isNegative() ? 'Overboeking naar spaarrekening' : 'Overboeking van spaarrekening';
  return {
    line: {
      amount: money(amount),
      bankTransactionCode: 'PMNT/ICDT/BOOK',
      counterpartyName: own.bankAccountHolderName,
      counterpartyAccount: own.bankAccount,
      counterpartyBic: own.bic,
      unstructuredRemittance: text,
      description: text,
    },
    kind: 'glAccount',
    items: [],
    glAccountCode: pools.items.glCodes.savings,
    noise: ['internal-transfer'],
  };
}

/** A supplier refunding a credit note, or a stranger's transfer: nothing open should match it. */
export function unmatchableLine(random: Random, pools: LinePools, refund: boolean): MadeLine {
  const suppliers = [...pools.items.accounts.values()].filter((a) => a.isSupplier).sort((a, b) => (a.id < b.id ? -1 : 1));
  const bank = makeBankAccount(random, random.chance(0.5) ? 'BE' : 'NL');
  if (refund && suppliers.length) {
    const s = random.pick(suppliers);
    const own = [...pools.items.banks.values()].find((b) => b.accountID === s.id);
    const text = `Terugbetaling creditnota CN-${random.digits(6)}`;
    return {
      line: {
        amount: money(new Dec(random.int(500, 80_000)).div(100)),
        bankTransactionCode: 'PMNT/RCDT/ESCT',
        counterpartyName: s.name,
        counterpartyAccount: own?.bankAccount ?? bank.iban,
        counterpartyBic: own?.bic ?? bank.bic,
        unstructuredRemittance: text,
        description: text,
      },
      kind: 'none',
      items: [],
      noise: ['refund'],
    };
  }
  const text = random.pick(['Gift', 'Voorschot', 'Terugstorting', 'Schadevergoeding dossier']) + ` ${random.digits(5)}`;
  return {
    line: {
      amount: money(new Dec(random.int(1_000, 300_000)).div(100)),
      bankTransactionCode: 'PMNT/RCDT/ESCT',
      counterpartyName: `${random.pick(FIRST_NAMES)} ${random.pick(['Aerts', 'Segers', 'Bogaert', 'Kuipers', 'Prins'])}`,
      counterpartyAccount: bank.iban,
      counterpartyBic: bank.bic,
      unstructuredRemittance: text,
      description: text,
    },
    kind: 'none',
    items: [],
    noise: ['unknown'],
  };
}
