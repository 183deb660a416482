import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { retryOnDeadlock } from '../../platform/retry';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Division } from '../divisions/division.entity';
import { BankStatementService } from '../financial-accounts/bank-statement.service';
import { BANK_TABLES, EntryLedger } from '../financial-accounts/entry-ledger';
import { StatementLineToStore, StatementToStore } from '../financial-accounts/statement.input';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnectionAccount, BankRemoteTransaction } from './bank-connection.entity';
import { recogniseInFiles, sumOf } from './feed-dedup';
import { JsonApiResource, PontoTransactionAttributes } from './ponto-client';

/**
 * A JSON number of Ponto's as exact decimal text. JSON.parse gives the nearest binary double; its
 * shortest round-trip text (Number#toString, ECMA-262 §6.1.6.1.20) is the decimal Ponto wrote for
 * any amount of at most 15 significant digits, so no float arithmetic ever touches the amount.
 */
export function amountText(value: number | string): string {
  const d = new Dec(String(value));
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toString();
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);
const cut = (text: string | null | undefined, max: number) => {
  const one = text?.replace(/\s+/g, ' ').trim();
  return one ? [...one].slice(0, max).join('') : null;
};

/**
 * A Ponto transaction as the line of a statement (statement.input.ts), field by field: execution
 * date the booking date, value date, amount (exact), currency, counterpart name and reference
 * (IBAN), remittance information as structured reference or unstructured text by its type,
 * end-to-end id, bank transaction code (ISO, else proprietary), Ponto's internal reference as bank
 * reference, and `ponto:<id>` as the source line.
 */
export function pontoLine(t: JsonApiResource<PontoTransactionAttributes>): StatementLineToStore {
  const a = t.attributes;
  const structured = a.remittanceInformationType === 'structured';
  return {
    bookingDate: day(a.executionDate) ?? day(a.valueDate)!,
    valueDate: day(a.valueDate),
    amount: amountText(a.amount),
    currency: a.currency,
    description: cut(a.description, 255),
    counterpartyName: cut(a.counterpartName, 140),
    counterpartyAccount: cut(a.counterpartReference, 50),
    structuredReference: structured ? cut(a.remittanceInformation, 35) : null,
    unstructuredRemittance: structured ? null : cut(a.remittanceInformation, 1000),
    endToEndId: cut(a.endToEndId, 35),
    bankReference: cut(a.internalReference, 35),
    bankTransactionCode: cut(a.bankTransactionCode ?? a.proprietaryBankTransactionCode, 35),
    sourceLine: `ponto:${t.id}`,
  };
}

/** What staging did: booked transactions new here, updated before import, seen again after import. */
export interface StagedCounts {
  added: number;
  updated: number;
  alreadyImported: number;
}

/**
 * Keeps Ponto's booked transactions of an account by their id (never their digest) and moves the
 * account's cursor, in one transaction: a transaction seen before is not added again (updated
 * while still waiting for its statement, left alone once imported).
 */
export async function stageBooked(
  scope: DivisionScope,
  account: BankConnectionAccount,
  transactions: JsonApiResource<PontoTransactionAttributes>[],
  patch: Partial<BankConnectionAccount>,
  now: Date,
): Promise<StagedCounts> {
  const counts = { added: 0, updated: 0, alreadyImported: 0 };
  await retryOnDeadlock(() =>
    scope.transaction(async (tx) => {
      Object.assign(counts, { added: 0, updated: 0, alreadyImported: 0 });
      for (const t of transactions) {
        const key = { divisionCode: account.divisionCode, connectionAccountID: account.id, status: 'BOOKED' as const, remoteID: t.id };
        const line = pontoLine(t);
        const [found] = await tx.internal.list(BankRemoteTransaction, key);
        if (found?.entryID) counts.alreadyImported++;
        else if (found) {
          await tx.internal.update(
            BankRemoteTransaction,
            { id: found.id },
            { line: JSON.stringify(line), amount: line.amount, updated: now },
          );
          counts.updated++;
        } else {
          const row = {
            id: randomUUID(),
            ...key,
            executionDate: line.bookingDate,
            amount: line.amount,
            line: JSON.stringify(line),
            entryID: null,
            updated: now,
          };
          await tx.internal.insert(BankRemoteTransaction, Object.assign(new BankRemoteTransaction(), row));
          counts.added++;
        }
      }
      await tx.internal.update(BankConnectionAccount, { id: account.id }, patch);
    }),
  );
  Object.assign(account, patch);
  return counts;
}

/** Replaces the account's pending transactions by the ones Ponto lists now (booked ones have left that list). */
export async function replacePending(
  scope: DivisionScope,
  account: BankConnectionAccount,
  pending: JsonApiResource<PontoTransactionAttributes>[],
  now: Date,
): Promise<void> {
  await retryOnDeadlock(() =>
    scope.transaction(async (tx) => {
      await tx.internal.delete(BankRemoteTransaction, {
        divisionCode: account.divisionCode,
        connectionAccountID: account.id,
        status: 'PENDING',
      });
      for (const t of pending) {
        const line = pontoLine(t);
        const row = {
          id: randomUUID(),
          divisionCode: account.divisionCode,
          connectionAccountID: account.id,
          status: 'PENDING' as const,
          remoteID: t.id,
          executionDate: line.bookingDate,
          amount: line.amount,
          line: JSON.stringify(line),
          entryID: null,
          updated: now,
        };
        await tx.internal.insert(BankRemoteTransaction, Object.assign(new BankRemoteTransaction(), row));
      }
    }),
  );
}

/** What storeStaged did: the entries it created, the lines they hold, the transactions found in statement files already. */
export interface StoredStaged {
  entries: string[];
  lines: number;
  recognised: number;
}

/**
 * Stores the account's booked transactions that wait for a statement, through the statement store
 * (the same checks, continuity and idempotency as an imported file), one statement per booking day,
 * and marks them with their entry in the same transaction: a crash before the commit leaves them
 * waiting, a crash after it leaves them marked, so each is stored exactly once. A transaction
 * already in a stored statement file of the account (recogniseInFiles, feed-dedup.ts) is marked
 * with that file's entry and line instead, and not stored again.
 *
 * Each statement opens with the journal's last closing balance (for a journal without entries: the
 * balance Ponto reports minus these transactions), closes with that plus its transactions, and is
 * dated on its booking day, or the journal's last entry's day when that is later.
 */
export async function storeStaged(scope: DivisionScope, principal: Principal, account: BankConnectionAccount): Promise<StoredStaged> {
  const done: StoredStaged = { entries: [], lines: 0, recognised: 0 };
  if (!account.bankAccountID) return done;
  const bankAccountID = account.bankAccountID;
  await retryOnDeadlock(() =>
    scope.transaction(async (tx) => {
      Object.assign(done, { entries: [], lines: 0, recognised: 0 });
      const division = account.divisionCode;
      await tx.forUpdate(tx.select(Division, 'd').where('d.code = :division', { division })).getOne();
      const waiting = await tx.internal.list(
        BankRemoteTransaction,
        { divisionCode: division, connectionAccountID: account.id, status: 'BOOKED', entryID: IsNull() },
        { executionDate: 'ASC', remoteID: 'ASC' },
      );
      if (!waiting.length) return;
      const bank = await tx.select(BankAccount, 'b').where('b.id = :id', { id: bankAccountID }).getOne();
      if (!bank) throw connectorError(BankConnectorRule.ACCOUNT_NOT_MAPPED, null, `bank account ${bankAccountID} no longer exists`);
      const journal = await EntryLedger.lockJournal(tx, division, { bankAccountID }, 'account');
      const ledger = new EntryLedger(tx, BANK_TABLES, division, journal.code);
      const recognised = await recogniseInFiles(tx, division, journal.code, account.id, waiting);
      for (const [id, at] of recognised)
        await tx.internal.update(BankRemoteTransaction, { id }, { entryID: at.entryID, lineID: at.lineID });
      done.recognised = recognised.size;
      const rest = waiting.filter((w) => !recognised.has(w.id));
      const previous = await ledger.last();
      let opening = previous ? new Dec(previous.closingBalanceFC) : new Dec(account.currentBalance ?? 0).minus(sumOf(rest.map(lineOf)));
      const lastDay = previous ? previous.entryDate.toISOString().slice(0, 10) : '';
      const days = new Map<string, BankRemoteTransaction[]>();
      for (const w of rest) {
        const d = w.executionDate > lastDay ? w.executionDate : lastDay;
        days.set(d, [...(days.get(d) ?? []), w]);
      }
      for (const [statementDate, group] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
        const lines = group.map(lineOf);
        const closing = opening.plus(sumOf(lines));
        const statement: StatementToStore = {
          divisionCode: division,
          account: bank.bankAccount,
          currency: account.currency ?? bank.currency ?? 'EUR',
          statementNumber: null,
          statementDate,
          openingBalance: opening.toFixed(2),
          closingBalance: closing.toFixed(2),
          lines,
        };
        const result = await new BankStatementService(tx, principal).store(statement, {});
        for (const w of group) await tx.internal.update(BankRemoteTransaction, { id: w.id }, { entryID: result.entry.entryID });
        if (result.created) done.entries.push(result.entry.entryID);
        done.lines += lines.length;
        opening = closing;
      }
    }),
  );
  return done;
}

const lineOf = (w: BankRemoteTransaction) => JSON.parse(w.line) as StatementLineToStore;
