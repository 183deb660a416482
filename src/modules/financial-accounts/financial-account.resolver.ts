import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Journal } from '../journals/journal.entity';
import { BankEntry } from './bank-entry.entity';
import { JournalType } from './entry-codes';
import { EntryRow } from './entry-ledger';
import { AccountHandle, FinancialAccountService, TransactionPageArgs } from './financial-account.service';
import { FinancialAccount, FinancialTransactionConnection } from './financial-account.types';

@ArgsType()
class TransactionArgs implements TransactionPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Transactions from the start (or after `after`); at most the maximum page size. Default 50.',
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the transaction after which the page starts.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Transactions from the end (or before `before`); at most the maximum page size.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the transaction before which the page ends.' })
  before?: string | null;
}

const DOCS = {
  list:
    'The financial accounts of the divisions (scope statements:read): each own bank account with a bank journal and each cash ' +
    'book, with balance, last statement and transactions.',
  one: "One financial account by the ID of its journal (scope statements:read); NOT_FOUND when the caller's divisions have none.",
  transactions:
    "The account's transactions in order (entry date, entry number, line number) with the balance after each, in keyset pages " +
    '(first/after, last/before; no offset): the balances are stored, so every page is exact and a deep page costs what the first does.',
  balanceAt:
    'The balance at the end of the given day (UTC): after every transaction booked on or before it. Before the first transaction the ' +
    "first entry's opening balance (null before its opening balance date); null for an account without entries.",
};

/** What a listed account needs later: its handle, the scope it was read in, its last entry (read once). */
interface Listed {
  handle: AccountHandle;
  service: FinancialAccountService;
  last?: Promise<EntryRow | null>;
}
const LISTED = new WeakMap<FinancialAccount, Listed>();

function listed(account: FinancialAccount): Listed {
  const found = LISTED.get(account);
  if (!found) throw new Error(`financial account ${account.id} was not read by financialAccounts`);
  return found;
}

const lastEntry = (account: FinancialAccount) => {
  const l = listed(account);
  return (l.last ??= l.service.lastEntry(l.handle));
};

function service(scope: DivisionScope, ctx: RequestContext): FinancialAccountService {
  return new FinancialAccountService(scope, ctx.config);
}

function remember(handles: AccountHandle[], svc: FinancialAccountService): FinancialAccount[] {
  return handles.map((handle) => {
    LISTED.set(handle.account, { handle, service: svc });
    return handle.account;
  });
}

/** Financial accounts (scope statements:read on the roots). Thin over FinancialAccountService. */
@Resolver(() => FinancialAccount)
export class FinancialAccountResolver {
  @Query(() => [FinancialAccount], { description: DOCS.list })
  @RequiresScope('statements:read')
  async financialAccounts(
    @Arg('type', () => JournalType, { nullable: true, description: 'Only bank accounts (BANK) or only cash books (CASH).' })
    type: JournalType | null,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<FinancialAccount[]> {
    const svc = service(scope, ctx);
    return remember(await svc.list(type), svc);
  }

  @Query(() => FinancialAccount, { description: DOCS.one })
  @RequiresScope('statements:read')
  async financialAccount(
    @Arg('id', () => UUIDScalar) id: string,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<FinancialAccount> {
    const svc = service(scope, ctx);
    return remember([await svc.byId(id)], svc)[0];
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Closing balance of the last entry; null while the account has none.',
  })
  async currentBalance(@Root() account: FinancialAccount): Promise<string | null> {
    return (await lastEntry(account))?.closingBalanceFC ?? null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'Date of the last statement (bank) or cash entry (cash).' })
  async lastStatementDate(@Root() account: FinancialAccount): Promise<Date | null> {
    return (await lastEntry(account))?.entryDate ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Number of the last statement, as the bank gives it (bank accounts).' })
  async lastStatementNumber(@Root() account: FinancialAccount): Promise<string | null> {
    const last = await lastEntry(account);
    return last instanceof BankEntry ? last.statementNumber : null;
  }

  @FieldResolver(() => [BankEntry], {
    description:
      'Bank entries stored with a balance gap (their opening balance is not the previous closing balance: a statement is missing).',
  })
  balanceGaps(@Root() account: FinancialAccount): Promise<BankEntry[]> {
    const l = listed(account);
    return l.service.balanceGaps(l.handle);
  }

  @FieldResolver(() => Journal, { description: "The account's journal." })
  journal(@Root() account: FinancialAccount): Journal {
    return listed(account).handle.journal;
  }

  @FieldResolver(() => BankAccount, { nullable: true, description: 'The own bank account of a bank journal.' })
  bankAccount(@Root() account: FinancialAccount, @Ctx() ctx: RequestContext): Promise<BankAccount | null> | null {
    if (!account.bankAccountID) return null;
    return ctx.loaders.by('BankAccounts', 'ID').load(`${account.divisionCode}|${account.bankAccountID}`) as Promise<BankAccount | null>;
  }

  @FieldResolver(() => FinancialTransactionConnection, { description: DOCS.transactions })
  async transactions(@Root() account: FinancialAccount, @Args(() => TransactionArgs) args: TransactionArgs) {
    const l = listed(account);
    return FinancialTransactionConnection.of(await l.service.transactions(l.handle, args));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: DOCS.balanceAt })
  balanceAt(@Root() account: FinancialAccount, @Arg('date', () => DateTimeScalar) date: Date): Promise<string | null> {
    const l = listed(account);
    return l.service.balanceAt(l.handle, date);
  }
}
