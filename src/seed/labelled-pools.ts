import { Payment } from '../modules/payments/payment.entity';
import { Receivable } from '../modules/receivables/receivable.entity';
import { DivisionItems } from './labelled-items';
import { Random } from './random';

/**
 * The open items of a division that the labelled line makers (labelled-lines.ts) have not used
 * yet: receivables by customer and in invoice date order, open payments, processed payments by
 * batch. An item taken once is never handed out again, so no item is settled by two lines.
 */
export class LinePools {
  readonly byCustomer = new Map<string, Receivable[]>();
  /** Receivables with a twin (same customer and amount, inserted by the generator): [original, duplicate]. */
  readonly twins: [Receivable, Receivable][] = [];
  private readonly twinIds: Set<string>;
  private receivableAt = 0;
  private paymentAt = 0;
  readonly used = new Set<string>();
  readonly openPayments: Payment[];
  /** Processed payments by batch code, in batch number order. */
  readonly batched = new Map<string, Payment[]>();
  readonly batchCodes: string[];
  /** Which customer's or batch's group an item belongs to (`c:` + account, `b:` + batch code), and how many of a group are unused. */
  private readonly group = new Map<string, string>();
  private readonly left = new Map<string, number>();

  constructor(
    readonly items: DivisionItems,
    twins: [Receivable, Receivable][],
  ) {
    this.twinIds = new Set(twins.flat().map((r) => r.id));
    this.twins.push(...twins);
    for (const r of items.receivables) {
      if (this.twinIds.has(r.id)) continue;
      const list = this.byCustomer.get(r.accountID);
      if (list) list.push(r);
      else this.byCustomer.set(r.accountID, [r]);
      this.join(r.id, `c:${r.accountID}`);
    }
    this.openPayments = items.payments.filter((p) => !p.cashflowTransactionBatchCode);
    for (const p of items.payments.filter((x) => x.cashflowTransactionBatchCode)) {
      const list = this.batched.get(p.cashflowTransactionBatchCode!) ?? [];
      list.push(p);
      this.batched.set(p.cashflowTransactionBatchCode!, list);
      this.join(p.id, `b:${p.cashflowTransactionBatchCode}`);
    }
    for (const list of this.batched.values()) list.sort((a, b) => a.paymentBatchNumber! - b.paymentBatchNumber!);
    this.batchCodes = [...this.batched.keys()].sort();
  }

  private join(id: string, key: string): void {
    this.group.set(id, key);
    this.left.set(key, (this.left.get(key) ?? 0) + 1);
  }

  /** The next unused receivable (not a twin), in invoice date order. */
  nextReceivable(): Receivable | null {
    const list = this.items.receivables;
    while (this.receivableAt < list.length && (this.used.has(list[this.receivableAt].id) || this.twinIds.has(list[this.receivableAt].id)))
      this.receivableAt++;
    return list[this.receivableAt] ?? null;
  }

  /** Up to `count` unused receivables of one customer (one with at least two unused), or null. */
  severalOf(random: Random, count: number): Receivable[] | null {
    const customers = [...this.byCustomer.keys()].filter((c) => (this.left.get(`c:${c}`) ?? 0) >= 2);
    if (!customers.length) return null;
    const list = this.byCustomer.get(random.pick(customers))!;
    const out: Receivable[] = [];
    for (let i = 0; i < list.length && out.length < count; i++) if (!this.used.has(list[i].id)) out.push(list[i]);
    return out;
  }

  nextOpenPayment(): Payment | null {
    while (this.paymentAt < this.openPayments.length && this.used.has(this.openPayments[this.paymentAt].id)) this.paymentAt++;
    return this.openPayments[this.paymentAt] ?? null;
  }

  /** An unused processed payment (paid under its EndToEndId), or null. */
  processedPayment(random: Random): Payment | null {
    const codes = this.batchCodes.filter((c) => (this.left.get(`b:${c}`) ?? 0) > 0);
    if (!codes.length) return null;
    return this.batched.get(random.pick(codes))!.find((p) => !this.used.has(p.id))!;
  }

  /** A batch none of whose payments is used yet, whole, or null. */
  wholeBatch(random: Random): { code: string; payments: Payment[] } | null {
    const codes = this.batchCodes.filter((c) => this.left.get(`b:${c}`) === this.batched.get(c)!.length);
    if (!codes.length) return null;
    const code = random.pick(codes);
    return { code, payments: this.batched.get(code)! };
  }

  take(...ids: string[]): void {
    for (const id of ids) {
      if (this.used.has(id)) continue;
      this.used.add(id);
      const key = this.group.get(id);
      if (key) this.left.set(key, this.left.get(key)! - 1);
    }
  }
}
