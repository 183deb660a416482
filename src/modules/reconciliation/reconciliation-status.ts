import { Field, Int, ObjectType } from 'type-graphql';
import { DivisionScope } from '../../access/division-scope';
import { DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { Dec } from '../../platform/decimal';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { Journal } from '../journals/journal.entity';
import { LineStatus } from './match-line';

@ObjectType({ description: 'Lines of one reconciliation status: how many, and their amount.' })
export class LineTally {
  @Field(() => Int)
  declare count: number;

  @Field(() => DecimalScalar, {
    description: 'Sum of AmountFC of the lines; for open lines what is still open of them (OpenAmountFC, else AmountFC).',
  })
  declare amountFC: string;
}

@ObjectType({
  description:
    'Reconciliation of one financial account (an own bank account, its bank journal): its lines matched, proposed (waiting ' +
    'with proposals), open (waiting without, or with an over-payment left) and ignored, by count and amount.',
})
export class ReconciliationStatusOfAccount {
  @Field(() => UUIDScalar, { description: "ID of the account's journal (as financialAccount(id) takes it)." })
  declare financialAccountID: string;

  @Field(() => Int)
  declare divisionCode: number;

  @Field(() => String, { description: 'Code of the bank journal.' })
  declare journalCode: string;

  @Field(() => LineTally)
  declare matched: LineTally;

  @Field(() => LineTally)
  declare proposed: LineTally;

  @Field(() => LineTally)
  declare open: LineTally;

  @Field(() => LineTally)
  declare ignored: LineTally;
}

type Bucket = 'matched' | 'proposed' | 'open' | 'ignored';
const BUCKET: Record<number, Bucket> = {
  [LineStatus.OPEN]: 'open',
  [LineStatus.PROPOSED]: 'proposed',
  // A split line whose parts wait: open for what they have open.
  [LineStatus.SPLIT]: 'open',
  [LineStatus.MATCHED]: 'matched',
  [LineStatus.IGNORED]: 'ignored',
};

/**
 * reconciliationStatus: per bank journal of the scope (optionally one, by its journal ID), the
 * lines by reconciliation status with their count and exact sum, one grouped statement over the
 * index (Division, ReconciliationStatus). A line without a status is open, and so is a split line
 * whose parts wait (for what they have open).
 */
export async function reconciliationStatus(
  scope: DivisionScope,
  financialAccountID?: string | null,
): Promise<ReconciliationStatusOfAccount[]> {
  const journals = scope.select(Journal, 'j').where('j.type = 12');
  if (financialAccountID) journals.andWhere('j.id = :financialAccountID', { financialAccountID });
  const accounts = await journals.orderBy('j.divisionCode').addOrderBy('j.code').getMany();
  if (!accounts.length) return [];
  const q = scope.dialect.quote;
  const col = (name: string) => `${q('l')}.${q(name)}`;
  const status = `COALESCE(${col('ReconciliationStatus')}, ${LineStatus.OPEN})`;
  const codes = [...new Set(accounts.map((a) => a.code))];
  const rows = await scope
    .select(BankEntryLine, 'l')
    .select(col('Division'), 'division')
    .addSelect(col('JournalCode'), 'journal')
    .addSelect(status, 'status')
    .addSelect('COUNT(*)', 'count')
    .addSelect(scope.dialect.decimalAggregate('sum', col('AmountFC')), 'amount')
    .addSelect(scope.dialect.decimalAggregate('sum', `COALESCE(${col('OpenAmountFC')}, ${col('AmountFC')})`), 'open')
    .where('l.journalCode IN (:...codes)', { codes })
    .groupBy(col('Division'))
    .addGroupBy(col('JournalCode'))
    .addGroupBy(status)
    .getRawMany<{ division: number; journal: string; status: number; count: number; amount: unknown; open: unknown }>();
  const zero = (): LineTally => ({ count: 0, amountFC: '0.00' });
  return accounts.map((a) => {
    const out: ReconciliationStatusOfAccount = {
      financialAccountID: a.id,
      divisionCode: a.divisionCode,
      journalCode: a.code,
      matched: zero(),
      proposed: zero(),
      open: zero(),
      ignored: zero(),
    };
    for (const r of rows.filter((x) => Number(x.division) === a.divisionCode && x.journal === a.code)) {
      const bucket = BUCKET[Number(r.status)];
      if (!bucket) continue;
      const amount = new Dec(String((bucket === 'open' ? r.open : r.amount) ?? 0)).plus(out[bucket].amountFC);
      out[bucket] = { count: out[bucket].count + Number(r.count), amountFC: amount.toFixed(2) };
    }
    return out;
  });
}
