import type { RuntimeHooks } from '../../platform/runtime';
import { randomUUID } from 'node:crypto';
import { electronicFormatIBAN } from 'ibantools';
import { Clock, creationAudit, modificationAudit, selectionAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { blank, checkBic, checkEuro, checkSepaAmount, checkSepaIban, Checked } from '../../formats/sepa-checks';
import { buildPain001, FormatError, Pain001Input, Pain001Result, Pain001Transfer, SEPA_NAME_MAX } from '../../formats/sepa-pain001';
import { fitSepaLength, toSepaText } from '../../formats/sepa-text';
import { Account } from '../accounts/account.entity';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Division } from '../divisions/division.entity';
import { DocumentAttachment } from '../documents/document-attachment.entity';
import { Document } from '../documents/document.entity';
import { Payment } from '../payments/payment.entity';
import { PaymentMethod, PaymentSource, PaymentStatus } from '../../catalog/codes';
import { BatchRule, batchError } from './batch.errors';
import { divisionCodeProblem } from '../../platform/validation';
import { amountToPay } from '../open-items/amount-to-pay';
import { notBeforeToday } from '../open-items/payment-day';
import { remittanceOf } from '../open-items/remittance';
import { paymentIdsProblem } from '../payments/payment.rules';
import { PaymentService } from '../payments/payment.service';
import { PaymentBatch } from './payment-batch.entity';
import { BankFileFormat, ProcessPaymentsInput } from './payment-run.inputs';

/** Document type of a bank export file. */
export const DOCUMENT_TYPE_BANK_FILE = 10;

/**
 * The payment run: turns open or selected payments of one division into a PaymentBatch with a
 * SEPA pain.001 file attached to a new Document, in one transaction (the caller's scope is the
 * transaction's). Numbers without gaps: the division row is locked first (SELECT ... FOR UPDATE),
 * so concurrent runs of one division queue, and the next document number and batch code are read
 * under that lock; a rolled-back run leaves no number used.
 */
export class PaymentRunService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
    /** Test seams of the gateway's runtime (empty in production). */
    private readonly hooks: RuntimeHooks = {},
  ) {}

  async process(input: ProcessPaymentsInput): Promise<PaymentBatch> {
    const division = input.divisionCode;
    const codeProblem = divisionCodeProblem(division);
    if (codeProblem) throw batchError(BatchRule.INVALID_VALUE, 'divisionCode', codeProblem);
    this.scope.assertWritable(division);
    const format = input.format ?? BankFileFormat.PAIN_001_001_03;
    const batchBooking = input.batchBooking ?? true;
    const divisionRow = await this.scope.forUpdate(this.scope.select(Division, 'd').where('d.code = :division', { division })).getOne();
    if (!divisionRow) throw batchError(BatchRule.NOT_FOUND, 'divisionCode', `division ${division} was not found`);
    const own = await this.ownBankAccount(division, input.bankAccountID);
    const payments = await this.lockPayments(division, input.paymentIDs);
    const [banks, accounts] = await Promise.all([
      this.byId(
        BankAccount,
        payments.map((p) => p.accountBankAccountID),
      ),
      this.byId(
        Account,
        payments.map((p) => p.accountID),
      ),
    ]);
    // The money leaves on the execution date, so that day decides the cash discount; a bank
    // executes nothing in the past, so a date before today is refused (it would also grant a
    // discount that expired before the money could move).
    const executionDate = notBeforeToday(input.executionDate, this.now(), 'executionDate');
    const refused: { id: string; reasons: string[] }[] = [];
    const lines = payments.map((p) => {
      const bank = p.accountBankAccountID ? banks.get(p.accountBankAccountID) : undefined;
      const amount = amountToPay(p, executionDate);
      const reasons = sepaProblems(p, divisionRow, bank, amount);
      if (reasons.length) refused.push({ id: p.id, reasons });
      return { payment: p, bank, amount, account: accounts.get(p.accountID) };
    });
    if (refused.length) {
      const summary = refused
        .slice(0, 5)
        .map((r) => `${r.id}: ${r.reasons.join('; ')}`)
        .join(' | ');
      throw batchError(
        BatchRule.NOT_SEPA_PAYABLE,
        'paymentIDs',
        `${refused.length} payments cannot be paid by SEPA credit transfer: ${summary}`,
        { reasons: refused, ids: refused.map((r) => r.id) },
      );
    }

    const at = this.now();
    const documentNumber = (await this.maxOf(Document, 'documentNumber', division)) + 1;
    const batchCode = await this.nextBatchCode(division);
    const transfers: Pain001Transfer[] = lines.map(({ payment, bank, amount, account }) => ({
      endToEndId: payment.id.replace(/-/g, ''),
      amount: amount.toFixed(2),
      currency: 'EUR',
      creditorName: sepaName(bank!.bankAccountHolderName, account?.name, 'Unknown'),
      creditorIban: electronicFormatIBAN(bank!.bankAccount)!,
      creditorBic: bank!.bic,
      ...remittanceOf(payment),
    }));
    const companyName = sepaName(divisionRow.companyName, divisionRow.description, `Division ${division}`);
    const file = writeFile(
      {
        version: format,
        messageId: `${batchCode}-${documentNumber}`,
        createdAt: at,
        initiatingPartyName: companyName,
        debtorName: sepaName(own.bankAccountHolderName, companyName),
        debtorIban: electronicFormatIBAN(own.bankAccount)!,
        debtorBic: own.bic,
        executionDate,
        batchBooking,
        paymentInformationId: batchCode,
        transfers,
      },
      new Map(lines.map((l) => [l.payment.id.replace(/-/g, ''), l.payment.id])),
    );
    const total = lines.reduce((sum, l) => sum.plus(l.amount), new Dec(0));
    if (file.numberOfTransactions !== lines.length || !new Dec(file.controlSum).eq(total)) {
      throw new Error(
        `Bank file totals ${file.numberOfTransactions}/${file.controlSum} differ from the payments ${lines.length}/${total.toFixed(2)}`,
      );
    }

    const audit = creationAudit(this.principal, at);
    const document = Object.assign(new Document(), {
      id: randomUUID(),
      divisionCode: division,
      documentNumber,
      subject: `Betaalbestand ${batchCode}`,
      type: DOCUMENT_TYPE_BANK_FILE,
      created: at,
      creatorID: audit.creatorID,
      modified: at,
      modifierID: audit.modifierID,
    });
    const bytes = Buffer.from(file.xml, 'utf8');
    const attachment = Object.assign(new DocumentAttachment(), {
      id: randomUUID(),
      divisionCode: division,
      documentID: document.id,
      fileName: `${batchCode}.xml`,
      mediaType: 'application/xml',
      fileSize: bytes.length,
      attachment: bytes,
      created: at,
    });
    const batch = Object.assign(new PaymentBatch(), {
      id: randomUUID(),
      divisionCode: division,
      cashflowTransactionBatchCode: batchCode,
      bankAccountID: own.id,
      executionDate,
      fileFormat: format,
      batchBooking,
      documentID: document.id,
      paymentCount: lines.length,
      totalAmountDC: total.toFixed(2),
      currency: 'EUR',
      created: at,
      creatorID: audit.creatorID,
      modified: at,
      modifierID: audit.modifierID,
    });
    await this.scope.insert(Document, [document]);
    await this.scope.insert(DocumentAttachment, [attachment]);
    await this.scope.insert(PaymentBatch, [batch]);
    await this.hooks.afterBatchWritten?.(batchCode);

    for (const [i, { payment }] of lines.entries()) {
      const selection = payment.paymentSelected ? {} : selectionAudit(this.principal, at);
      const changed = await this.scope.update(
        Payment,
        {
          status: PaymentStatus.PROCESSED,
          source: PaymentSource.PROCESS,
          cashflowTransactionBatchCode: batchCode,
          paymentBatchNumber: i + 1,
          documentID: document.id,
          isBatchBooking: batchBooking ? 1 : 0,
          bankAccountID: own.id,
          ...selection,
          ...modificationAudit(this.principal, at),
        },
        'ID = :id AND Status IN (:...statuses)',
        { id: payment.id, statuses: [PaymentStatus.OPEN, PaymentStatus.SELECTED] },
      );
      if (changed !== 1)
        throw batchError(BatchRule.NOT_OPEN, 'paymentIDs', `payment ${payment.id} changed meanwhile`, { ids: [payment.id] });
    }
    return batch;
  }

  private async ownBankAccount(division: number, id: string): Promise<BankAccount> {
    const own = await this.scope.select(BankAccount, 'b').where('b.id = :id AND b.divisionCode = :division', { id, division }).getOne();
    if (!own) throw batchError(BatchRule.UNKNOWN_REFERENCE, 'bankAccountID', `bank account ${id} does not exist in division ${division}`);
    if (own.accountID !== null)
      throw batchError(
        BatchRule.BANK_ACCOUNT_NOT_OWN,
        'bankAccountID',
        `bank account ${own.bankAccount} is not an own bank account of the division`,
      );
    const iban = checkSepaIban(own.bankAccount);
    if (!iban.ok) throw batchError(BatchRule.INVALID_IBAN, 'bankAccountID', iban.reason);
    const bic = blank(own.bic) ? null : checkBic(own.bic);
    if (bic && !bic.ok) throw batchError(BatchRule.INVALID_BIC, 'bankAccountID', bic.reason);
    return own;
  }

  /** The payments of the run, locked, in the order of the file (due date, then ID). */
  private async lockPayments(division: number, ids: string[] | null | undefined): Promise<Payment[]> {
    if (ids) {
      if (!ids.length)
        throw batchError(
          BatchRule.REQUIRED,
          'paymentIDs',
          'at least one payment is required (leave the field out to process every selected payment)',
        );
      const problem = paymentIdsProblem(ids);
      if (problem) throw batchError(BatchRule[problem.rule], 'paymentIDs', problem.why);
      const current = await new PaymentService(this.scope, this.principal, this.now).lockExisting(ids, 'paymentIDs');
      const rows = [...current.values()];
      const elsewhere = rows.filter((p) => p.divisionCode !== division).map((p) => p.id);
      if (elsewhere.length)
        throw batchError(BatchRule.INVALID_VALUE, 'paymentIDs', `payments of another division than ${division}: ${elsewhere.join(', ')}`, {
          ids: elsewhere,
        });
      const lost = rows.filter((p) => p.status !== PaymentStatus.OPEN && p.status !== PaymentStatus.SELECTED).map((p) => p.id);
      if (lost.length)
        throw batchError(BatchRule.NOT_OPEN, 'paymentIDs', `${lost.length} payments are no longer open or selected: ${lost.join(', ')}`, {
          ids: lost,
        });
      return rows.sort(fileOrder);
    }
    const selected = await this.scope
      .forUpdate(
        this.scope
          .select(Payment, 'p')
          .where('p.divisionCode = :division AND p.status = :status', { division, status: PaymentStatus.SELECTED })
          .orderBy('p.id'),
      )
      .getMany();
    if (!selected.length) throw batchError(BatchRule.NOTHING_TO_PROCESS, 'paymentIDs', `division ${division} has no selected payments`);
    return selected.sort(fileOrder);
  }

  private async byId<T extends { id: string }>(entity: new () => T, ids: (string | null)[]): Promise<Map<string, T>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.scope.select(entity, 't').where('t.id IN (:...wanted)', { wanted }).getMany();
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async maxOf(entity: typeof Document, field: string, division: number): Promise<number> {
    const raw = await this.scope
      .select(entity, 't')
      .select(`MAX(t.${field})`, 'max')
      .where('t.divisionCode = :division', { division })
      .getRawOne<{ max: unknown }>();
    return Number(raw?.max ?? 0);
  }

  /** B<division>-<5 digits>, one more than the division's highest (read under the division lock). */
  private async nextBatchCode(division: number): Promise<string> {
    const prefix = `B${division}-`;
    const raw = await this.scope
      .select(PaymentBatch, 'b')
      .select('MAX(b.cashflowTransactionBatchCode)', 'max')
      .where('b.divisionCode = :division AND b.cashflowTransactionBatchCode LIKE :pattern', { division, pattern: `${prefix}%` })
      .getRawOne<{ max: string | null }>();
    const last = raw?.max ? Number(raw.max.slice(prefix.length)) : 0;
    return `${prefix}${String(last + 1).padStart(5, '0')}`;
  }
}

/** Why SEPA credit transfer cannot carry a payment (empty when it can); the writer's own checks. */
export function sepaProblems(p: Payment, division: Division, bank: BankAccount | undefined, amount: Dec): string[] {
  const reasons: string[] = [];
  const refused = <T>(checked: Checked<T>, prefix = '') => {
    if (!checked.ok) reasons.push(prefix + checked.reason);
  };
  refused(checkEuro(p.currency), 'currency ');
  if (p.currency === 'EUR') refused(checkEuro(division.currency), 'division currency ');
  if (p.paymentMethod !== PaymentMethod.ON_CREDIT) reasons.push(`payment method ${p.paymentMethod} is not a credit transfer (B)`);
  if (!bank) reasons.push('no supplier bank account (AccountBankAccountID)');
  else {
    refused(checkSepaIban(bank.bankAccount), 'supplier bank account: ');
    if (!blank(bank.bic)) refused(checkBic(bank.bic), 'supplier bank account: ');
  }
  refused(checkSepaAmount(amount.toFixed(2)), 'amount to pay ');
  return reasons;
}

/** The pain.001 file; a problem the writer finds in a payment is a refusal naming that payment. */
function writeFile(input: Pain001Input, paymentOf: Map<string, string>): Pain001Result {
  try {
    return buildPain001(input);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    const reasons = error.problems.map((p) => ({ id: (p.endToEndId && paymentOf.get(p.endToEndId)) || p.field, reasons: [p.message] }));
    throw batchError(BatchRule.NOT_SEPA_PAYABLE, 'paymentIDs', `the bank file cannot be written: ${error.message}`, {
      reasons,
      ids: reasons.map((r) => r.id),
    });
  }
}

/**
 * A party name for the file: the first candidate with letters the SEPA set can carry, cut to the
 * 70 characters EPC allows as the SEPA set counts them (converted first, then cut: a name cut
 * first could grow past 70 when ß becomes ss, and the writer would refuse the file).
 */
function sepaName(...candidates: (string | null | undefined)[]): string {
  const usable = candidates.find((c) => toSepaText(c ?? '') !== '') ?? '';
  return fitSepaLength(usable, SEPA_NAME_MAX);
}

function fileOrder(a: Payment, b: Payment): number {
  return a.dueDate.getTime() - b.dueDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
