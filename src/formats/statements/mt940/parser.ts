import { StatementTally } from '../balance';
import { formatError, problem, type StatementProblem } from '../errors';
import type { StatementHeader, StatementLine } from '../types';
import { accountNumber, currencyCode, dateYYMMDD, fullYear, swiftAmount, textOrNull, ValueProblem, type AccountNumber } from '../values';
import { parseInformation } from './details';
import type { Field, Message } from './fields';

/**
 * One MT940 message as a normalised statement (SWIFT MT940 Customer Statement Message; the field
 * layouts are SWIFT's, the `:86:` structures the banks'). `:60F:`/`:60M:` opens (M: an
 * intermediate balance, when a statement runs over several messages), `:61:` lines each with the
 * `:86:` that follows them, `:62F:`/`:62M:` closes. A `:86:` after `:62F:` (or before any `:61:`)
 * is about the statement, not a line (ING's summary, `/SUM/...`).
 */

/** `:61:` statement line: value date YYMMDD, [entry date MMDD], mark (C, D, RC, RD), [funds code],
 * amount (`15d`), type (`N` + 3), customer reference, [`//` bank reference], [line break and
 * supplementary details]. Line breaks are allowed between the first parts: banks break there. */
const STATEMENT_LINE =
  /^(\d{6})(\d{4})?\n?(RC|RD|C|D)([A-Z])?\n?(\d[\d\n]*,[\d\n]*)\n?([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;
/** Supplementary details that are an account: an IBAN's shape, or a Dutch account number (P for Postbank). */
const COUNTER_ACCOUNT = /^([A-Z]{2}\d{2}[A-Z0-9]{10,30}|P?\d{3,10})$/;
const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/;
/** Customer references that only say where the real reference is (ING, Rabobank) or that there is none. */
const NO_REFERENCE = new Set(['NONREF', 'EREF', 'PREF', 'MARF', 'IREF']);

interface Balance {
  amount: string;
  date: string;
  currency: string;
}

function balance(field: Field): Balance {
  const m = BALANCE.exec(field.lines.join('').trim());
  if (!m) throw new ValueProblem('BAD_RECORD', `:${field.tag}: is not mark, YYMMDD date, currency and amount`);
  const currency = currencyCode(m[3]);
  return { amount: swiftAmount(m[4], m[1] === 'D', currency), date: dateYYMMDD(m[2]), currency };
}

/** `:25:` as written: an IBAN (ING adds the currency after it), `BANK/account` (Triodos) or a bare number. */
function account(text: string): AccountNumber {
  const plain = text.trim();
  const withCurrency = /^([A-Z]{2}\d{2}[A-Z0-9]+?)([A-Z]{3})$/.exec(plain.replace(/\s+/g, ''));
  if (withCurrency && accountNumber(withCurrency[1]).iban) return accountNumber(withCurrency[1]);
  const slash = plain.lastIndexOf('/');
  return accountNumber(slash >= 0 ? plain.slice(slash + 1) : plain);
}

/** The entry date MMDD in the year that puts it nearest the value date (a year end may lie between). */
function entryDate(mmdd: string, valueDate: string): string {
  const year = Number(valueDate.slice(0, 4));
  const month = Number(mmdd.slice(0, 2));
  const valueMonth = Number(valueDate.slice(5, 7));
  const shift = month === 12 && valueMonth === 1 ? -1 : month === 1 && valueMonth === 12 ? 1 : 0;
  return dateYYMMDD(`${String(year + shift).slice(2)}${mmdd}`.padStart(6, '0'));
}

function statementLine(field: Field, info: Field | null, currency: string, index: number): StatementLine {
  const m = STATEMENT_LINE.exec(field.lines.join('\n'));
  if (!m)
    throw new ValueProblem(
      'BAD_RECORD',
      `:61: is not value date, mark, amount, type and reference: ${JSON.stringify(field.lines.join(' '))}`,
    );
  const [, value, entry, mark, , amountText, type, customer, bank, supplementary] = m;
  const valueDate = dateYYMMDD(value);
  const details = info ? parseInformation(info.lines) : null;
  const counterparty = details?.counterparty ?? { name: null, iban: null, otherId: null, bic: null, address: null };
  const extra: Record<string, string> = { ...details?.extra };
  const more = textOrNull(supplementary?.replace(/\n/g, ''));
  if (more) {
    extra.supplementaryDetails = more;
    const trcd = /^\/TRCD\/([^/]+)\/?$/.exec(more);
    if (trcd) extra.transactionCode = trcd[1];
    // Rabobank writes the counterparty's account here (an IBAN, or P and a Postbank number)
    else if (!counterparty.iban && !counterparty.otherId && COUNTER_ACCOUNT.test(more)) Object.assign(counterparty, accountNumber(more));
  }
  const proprietary = details?.transactionCode ?? extra.transactionCode ?? null;
  const customerReference = textOrNull(customer);
  return {
    index,
    sequence: String(index + 1),
    bookingDate: entry ? entryDate(entry, valueDate) : valueDate,
    valueDate,
    amount: swiftAmount(amountText.replace(/\n/g, ''), mark === 'D' || mark === 'RC', currency),
    currency,
    counterparty,
    remittance: details?.remittance ?? { structured: null, unstructured: null },
    endToEndId: details?.endToEndId ?? null,
    bankReference: textOrNull(bank),
    customerReference: customerReference && !NO_REFERENCE.has(customerReference) ? customerReference : null,
    bankTransactionCode: { iso: null, proprietary: proprietary ? { code: proprietary, issuer: null } : null, coda: null, swift: type },
    description: details?.description || null,
    reversal: mark === 'RC' || mark === 'RD',
    status: null,
    batch: null,
    extra,
    source: field.line,
  };
}

/** A message read: the statement's header, its lines, and the balance problems found. */
export interface Mt940Statement {
  header: StatementHeader;
  lines: StatementLine[];
  problems: StatementProblem[];
}

/** The statement of one message; throws StatementFormatError naming the line of a bad field. */
export function readStatement(message: Message, index: number): Mt940Statement {
  let current: Field = message.fields[0];
  try {
    const one = (tags: string[]) => message.fields.find((f) => tags.includes(f.tag));
    const accountField = one(['25']);
    if (!accountField) throw new ValueProblem('BAD_RECORD', 'the message has no :25: (account)');
    const openField = one(['60F', '60M']);
    const closeField = one(['62F', '62M']);
    if (!openField || !closeField) {
      current = openField ?? closeField ?? accountField;
      throw new ValueProblem('MISSING_BALANCE', `the message has no ${openField ? ':62F:/:62M: closing' : ':60F:/:60M: opening'} balance`);
    }
    current = openField;
    const opening = balance(openField);
    current = closeField;
    const closing = balance(closeField);
    const lines: StatementLine[] = [];
    const information: string[] = [];
    let previous: Field | null = null;
    const fields = message.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      current = field;
      if (field.tag === '61') {
        // a bank's :NS: block may stand between a line and its :86:
        let j = i + 1;
        while (fields[j]?.tag === 'NS') j++;
        lines.push(statementLine(field, fields[j]?.tag === '86' ? fields[j] : null, opening.currency, lines.length));
      } else if (field.tag === '86' && previous?.tag !== '61') information.push(field.lines.join('\n').trim());
      if (field.tag !== 'NS') previous = field;
    }
    const statementField = one(['28C', '28']);
    const [number, sequence] = (statementField?.lines.join('').trim() ?? '').split('/');
    const identification = accountField.lines.join('').trim();
    const header: StatementHeader = {
      format: 'mt940',
      formatVersion: null,
      index,
      account: {
        ...account(identification),
        identification,
        bic: message.bic,
        currency: opening.currency,
        holderName: null,
        description: null,
      },
      statementNumber: textOrNull(number),
      sequence: textOrNull(sequence),
      statementId: textOrNull(one(['20'])?.lines.join('')),
      createdAt: creation(one(['13D', '13'])),
      statementDate: closing.date,
      openingBalance: { amount: opening.amount, date: opening.date },
      closingBalance: { amount: closing.amount, date: closing.date },
      duplicate: false,
      information: textOrNull(information.join('\n')),
      lineCount: lines.length,
      source: { first: message.fields[0].line, last: message.fields[message.fields.length - 1].line },
    };
    const tally = new StatementTally();
    for (const line of lines) tally.add(line, header.account.currency);
    const problems = tally.problems(header);
    if (closing.currency !== opening.currency) {
      problems.unshift(
        problem(
          'CURRENCY_MISMATCH',
          index,
          closeField.line,
          `the closing balance is in ${closing.currency}, the opening one in ${opening.currency}`,
        ),
      );
    }
    return { header, lines, problems };
  } catch (e) {
    if (e instanceof ValueProblem) throw formatError(e.rule, index, current.line, e.message);
    throw e;
  }
}

/** `:13D:` YYMMDDHHMM and an offset (+HHMM) as an ISO 8601 date-time. */
function creation(field: Field | undefined): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-]\d{4})?/.exec(field?.lines.join('').trim() ?? '');
  if (!m) return null;
  const zone = m[6] ? `${m[6].slice(0, 3)}:${m[6].slice(3)}` : '';
  return `${fullYear(Number(m[1]))}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${zone}`;
}
