import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { retryOnDeadlock } from '../../platform/retry';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Division } from '../divisions/division.entity';
import { DocumentAttachment } from '../documents/document-attachment.entity';
import { Document } from '../documents/document.entity';
import { BankEntry } from './bank-entry.entity';
import { bankEntryOf } from './bank-entry-rows';
import { JournalType } from './entry-codes';
import { BANK_TABLES, checkContinuity, EntryLedger } from './entry-ledger';
import { periodOf, RowAudit } from './entry-rows';
import { withoutFeedLines } from './feed-lines';
import { entryError, FinancialEntryRule } from './financial-entry.errors';
import { accountKey, CheckedStatement, checkStatementAsync, StatementToStore } from './statement.input';

/** Document type of an imported bank statement file (10 is a bank export file, 20 a purchase invoice). */
export const DOCUMENT_TYPE_BANK_STATEMENT = 40;

/** A statement file to keep with its entries, attached to a new document. */
export interface StatementFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface StoreStatementOptions {
  /**
   * Store a statement whose opening balance does not connect to the journal's previous entry (or
   * whose closing balance does not connect to a later one): the entry keeps the difference in
   * BalanceGapFC, financial accounts report it, and a statement stored later that fills the gap
   * clears it. Without it such a statement is refused with BALANCE_GAP (CONFLICT).
   */
  acceptGap?: boolean;
  /** The document holding the file already (one file, several statements). */
  documentID?: string | null;
  /** The file, to attach to a new document of type 40 (when `documentID` is not given). */
  file?: StatementFile | null;
  /** SHA-256 (hex) of the file the statement comes from, recorded on the entry (BankEntries.FileHash). */
  fileHash?: string | null;
}

/** What storing a statement did. */
export interface StoredStatement {
  entry: BankEntry;
  /** False when this very statement was stored before: nothing was written, the first entry is returned. */
  created: boolean;
  /** The entry's BalanceGapFC: null when its opening balance connects to the previous entry. */
  balanceGap: string | null;
}

/**
 * Stores bank statements as bank entries (FinancialTransaction/BankEntries and BankEntryLines):
 * the one place a statement becomes rows, called by the import service with statements in the
 * parsers' normalised shape (statement.input.ts). Runs in the caller's transaction scope.
 *
 * Rules, each refused with nothing written: every field (BAD_USER_INPUT naming it); the balance
 * rule (opening + lines = closing, exactly; UNBALANCED); the own bank account exists in the division
 * (UNKNOWN_REFERENCE `account`) with a bank journal, in the statement's currency (CURRENCY_MISMATCH);
 * continuity with the journal's entries before and after it (BALANCE_GAP, CONFLICT, unless the gap
 * is accepted, when it is stored in BalanceGapFC and reported, never hidden).
 *
 * A statement of a file (`fileHash` given) whose transactions a bank connector stored already
 * is stored without them (withoutFeedLines, feed-lines.ts), so no transaction is stored twice.
 *
 * Idempotent: a statement is identified by its account, year and statement number (or, without a
 * number, by its date and contents). Storing the same statement again writes nothing and returns
 * the entry stored first (`created: false`); a different statement under the same number is
 * STATEMENT_NUMBER_TAKEN (CONFLICT).
 */
export class BankStatementService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  /**
   * Stores `input` (see the class). `checked` is `checkStatementAsync(input)` when the caller
   * started it already (the import checks a file's next statement while the one before is being
   * written); its refusal is this call's refusal.
   */
  async store(
    input: StatementToStore,
    options: StoreStatementOptions = {},
    checked: Promise<CheckedStatement> = checkStatementAsync(input),
  ): Promise<StoredStatement> {
    let statement = await checked;
    const division = statement.divisionCode;
    this.scope.assertWritable(division);
    // Documents are numbered under the division's lock (as the payment run does), taken first.
    const divisionRow = await this.scope.forUpdate(this.scope.select(Division, 'd').where('d.code = :division', { division })).getOne();
    if (!divisionRow) throw entryError(FinancialEntryRule.UNKNOWN_REFERENCE, 'divisionCode', `division ${division} does not exist`);
    const bank = await this.ownBankAccount(statement);
    const journal = await EntryLedger.lockJournal(this.scope, division, { bankAccountID: bank.id }, 'account');
    if (journal.type !== JournalType.BANK) {
      throw entryError(
        FinancialEntryRule.WRONG_JOURNAL_TYPE,
        'account',
        `journal ${journal.code} of bank account ${bank.bankAccount} is of type ${journal.type}, not 12 (Bank)`,
      );
    }
    const ledger = new EntryLedger(this.scope, BANK_TABLES, division, journal.code);
    // A file's statement leaves out the transactions a bank connector (Ponto) stored already (feed-lines.ts).
    if (options.fileHash) {
      const rest = await withoutFeedLines(this.scope, journal.code, input, statement.statementDate);
      // Checked again only when lines were left out: the usual statement is checked (and hashed) once.
      if (rest !== input) statement = await checkStatementAsync(rest);
    }
    const stored = await this.storedBefore(ledger, statement);
    if (stored) return { entry: stored, created: false, balanceGap: stored.balanceGapFC };

    const { previous, next } = await ledger.neighbours(statement.statementDate);
    const fields = { opening: 'openingBalance', closing: 'closingBalance' };
    const continuity = checkContinuity(previous, next, statement.openingBalance, statement.closingBalance, {
      acceptGap: options.acceptGap ?? false,
      fields,
    });
    const at = this.now();
    const audit: RowAudit = { created: at, creatorID: this.principal.userId, modified: at, modifierID: this.principal.userId };
    const documentID = await this.document(division, options, audit);
    const { entry, lines } = bankEntryOf(statement, {
      entryID: randomUUID(),
      entryNumber: await ledger.nextEntryNumber(),
      journalCode: journal.code,
      bankAccountID: bank.id,
      divisionCurrency: divisionRow.currency,
      balanceGap: continuity.gapBefore,
      documentID,
      fileHash: options.fileHash ?? null,
      audit,
      // Time-ordered IDs (UUIDv7, RFC 9562): InnoDB appends a statement's lines at the end of the
      // table's clustered index instead of at random places in it (a fifth less of MariaDB's work
      // for a statement of thousands of lines, docs/benchmarks.md). Still UUIDs, as Exact's IDs are.
      newId: uuidv7,
    });
    await this.scope.insert(BankEntry, [entry]);
    await ledger.insertLines(lines);
    // The next entry's gap is measured against its new predecessor: filled, changed or new.
    if (next && (next as BankEntry).balanceGapFC !== continuity.gapAfter) {
      await this.scope.update(
        BankEntry,
        { balanceGapFC: continuity.gapAfter, modified: at, modifierID: this.principal.userId },
        'EntryID = :id',
        { id: next.entryID },
      );
    }
    return { entry, created: true, balanceGap: continuity.gapBefore };
  }

  /** The division's own bank account with the statement's number (compared in canonical form). */
  private async ownBankAccount(statement: CheckedStatement): Promise<BankAccount> {
    const own = await this.scope
      .select(BankAccount, 'b')
      .where('b.divisionCode = :division AND b.accountID IS NULL', { division: statement.divisionCode })
      .getMany();
    const bank = own.find((b) => accountKey(b.bankAccount) === statement.account);
    if (!bank) {
      throw entryError(
        FinancialEntryRule.UNKNOWN_REFERENCE,
        'account',
        `${statement.account} is not an own bank account of division ${statement.divisionCode}`,
      );
    }
    if (bank.currency && bank.currency !== statement.currency) {
      const why = `the statement is in ${statement.currency}, bank account ${bank.bankAccount} in ${bank.currency}`;
      throw entryError(FinancialEntryRule.CURRENCY_MISMATCH, 'currency', why, { expected: bank.currency });
    }
    return bank;
  }

  /** The entry this statement was stored as before, if any; a different one under its number is refused. */
  private async storedBefore(ledger: EntryLedger, statement: CheckedStatement): Promise<BankEntry | null> {
    const { financialYear } = periodOf(statement.statementDate);
    const candidates = (
      statement.statementNumber === null
        ? await ledger.find('e.entryDate = :date AND e.statementHash = :hash', { date: statement.statementDate, hash: statement.hash })
        : await ledger.find('e.financialYear = :year AND e.statementNumber = :number', {
            year: financialYear,
            number: statement.statementNumber,
          })
    ) as BankEntry[];
    const same = candidates.find((e) => e.statementHash === statement.hash && e.entryDate.getTime() === statement.statementDate.getTime());
    if (same) return same;
    const taken = candidates[0];
    if (!taken) return null;
    const why =
      `statement ${statement.statementNumber} of ${financialYear} for ${statement.account} is stored already with other contents ` +
      `(entry ${taken.entryNumber} of ${taken.entryDate.toISOString().slice(0, 10)}, closing balance ${taken.closingBalanceFC})`;
    throw entryError(FinancialEntryRule.STATEMENT_NUMBER_TAKEN, 'statementNumber', why, { entryID: taken.entryID });
  }

  /** The document of the statement: the one named (it must exist in the division), or a new one holding the file. */
  private async document(division: number, options: StoreStatementOptions, audit: RowAudit): Promise<string | null> {
    if (options.documentID) {
      const found = await this.scope
        .select(Document, 'd')
        .where('d.id = :id AND d.divisionCode = :division', { id: options.documentID, division })
        .getOne();
      if (!found)
        throw entryError(
          FinancialEntryRule.UNKNOWN_REFERENCE,
          'documentID',
          `document ${options.documentID} does not exist in division ${division}`,
        );
      return found.id;
    }
    if (!options.file) return null;
    return (await createStatementDocument(this.scope, division, options.file, audit)).id;
  }
}

/**
 * A new document of type 40 holding a statement file, numbered one more than the division's
 * highest document number. The caller holds the division's row lock (SELECT ... FOR UPDATE), as
 * the payment run does, so numbers stay without gaps or doubles.
 */
export async function createStatementDocument(
  scope: DivisionScope,
  division: number,
  file: StatementFile,
  audit: RowAudit,
): Promise<Document> {
  const qb = scope.select(Document, 'd').where('d.divisionCode = :division', { division }).orderBy('d.documentNumber', 'DESC').limit(1);
  const top = await scope.forUpdate(qb).getOne();
  const document = Object.assign(new Document(), {
    id: randomUUID(),
    divisionCode: division,
    documentNumber: (top?.documentNumber ?? 0) + 1,
    subject: `Bankafschrift ${file.fileName}`.slice(0, 256),
    type: DOCUMENT_TYPE_BANK_STATEMENT,
    ...audit,
  });
  const attachment = Object.assign(new DocumentAttachment(), {
    id: randomUUID(),
    divisionCode: division,
    documentID: document.id,
    fileName: file.fileName.slice(0, 255),
    mediaType: file.mediaType,
    fileSize: file.content.length,
    attachment: file.content,
    created: audit.created,
  });
  await scope.insert(Document, [document]);
  // insertMany: the bytes go to MariaDB as a binary parameter, not as hex in the SQL text.
  await scope.insertMany(DocumentAttachment, [attachment]);
  return document;
}

/**
 * Stores one statement in its own transaction of `scope` (retried when MariaDB picks it as a
 * deadlock victim): the entry point of the import service. See BankStatementService.
 */
export function storeStatement(
  scope: DivisionScope,
  principal: Principal,
  input: StatementToStore,
  options: StoreStatementOptions = {},
  now: Clock = systemClock,
): Promise<StoredStatement> {
  return retryOnDeadlock(() => scope.transaction((tx) => new BankStatementService(tx, principal, now).store(input, options)));
}
