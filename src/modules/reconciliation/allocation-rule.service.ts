import { randomUUID } from 'node:crypto';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { canonicalGuid, isGuid } from '../../platform/guid';
import { divisionCodeProblem, integerProblem, textProblem } from '../../platform/validation';
import { Account } from '../accounts/account.entity';
import { GLAccount } from '../gl-accounts/gl-account.entity';
import { AllocationRuleCheck, allocationRuleError } from './allocation-rule.errors';
import { AllocationRule } from './allocation-rule.entity';
import { AllocationRuleInput } from './allocation-rule.inputs';

/** Priority of a rule created without one. */
export const DEFAULT_PRIORITY = 100;
const MAX_PRIORITY = 1_000_000;

type RuleValues = Pick<AllocationRule, 'description' | 'words' | 'counterpartyBankAccount' | 'accountID' | 'glAccountID' | 'priority'>;

/**
 * Allocation rules of bank reconciliation (Exact's toewijzingsregels; see rules-allocation.ts for
 * how the engine applies them), in the caller's transaction scope. Rules, each refused with
 * nothing written (BAD_USER_INPUT naming the field): a description of 1 to 60 characters; words
 * or a counterparty IBAN, at least one (`words`); a valid IBAN (`counterpartyBankAccount`,
 * INVALID_IBAN); a G/L account and an optional account of the rule's division
 * (UNKNOWN_REFERENCE); a priority from 0 to 1,000,000. Update and delete carry the version read
 * (STALE_VERSION, CONFLICT); a rule not in the caller's divisions is NOT_FOUND `id`.
 */
export class AllocationRuleService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  async create(input: AllocationRuleInput): Promise<AllocationRule> {
    const division = input.divisionCode;
    if (division === null || division === undefined)
      throw allocationRuleError(AllocationRuleCheck.REQUIRED, 'divisionCode', 'the division is required');
    const problem = divisionCodeProblem(division);
    if (problem) throw allocationRuleError(AllocationRuleCheck.INVALID_VALUE, 'divisionCode', problem);
    if (!this.scope.allows(division))
      throw allocationRuleError(
        AllocationRuleCheck.DIVISION_NOT_GRANTED,
        'divisionCode',
        `division ${division} is not granted to this caller`,
      );
    const values = await this.check(division, {
      description: input.description ?? null,
      words: input.words ?? null,
      counterpartyBankAccount: input.counterpartyBankAccount ?? null,
      accountID: input.accountID ?? null,
      glAccountID: input.glAccountID ?? null,
      priority: input.priority ?? DEFAULT_PRIORITY,
    });
    const at = this.now();
    const row = Object.assign(new AllocationRule(), {
      id: randomUUID(),
      divisionCode: division,
      ...values,
      created: at,
      creatorID: this.principal.userId,
      modified: at,
      modifierID: this.principal.userId,
      version: 1,
    });
    await this.scope.insert(AllocationRule, [row]);
    return row;
  }

  async update(id: string, version: number, input: AllocationRuleInput): Promise<AllocationRule> {
    const row = await this.locked(id, version);
    if (input.divisionCode !== undefined && input.divisionCode !== null && input.divisionCode !== row.divisionCode)
      throw allocationRuleError(AllocationRuleCheck.INVALID_VALUE, 'divisionCode', 'a rule stays in its division');
    const pick = <K extends keyof RuleValues>(key: K): RuleValues[K] | null =>
      input[key] === undefined ? row[key] : (input[key] as RuleValues[K] | null);
    const values = await this.check(row.divisionCode, {
      description: pick('description'),
      words: pick('words'),
      counterpartyBankAccount: pick('counterpartyBankAccount'),
      accountID: pick('accountID'),
      glAccountID: pick('glAccountID'),
      priority: pick('priority'),
    });
    const changes = { ...values, modified: this.now(), modifierID: this.principal.userId, version: row.version + 1 };
    await this.scope.update(AllocationRule, changes, 'ID = :id AND Version = :version', { id: row.id, version });
    return Object.assign(row, changes);
  }

  async delete(id: string, version: number): Promise<string> {
    const row = await this.locked(id, version);
    await this.scope.delete(AllocationRule, 'ID = :id AND Version = :version', { id: row.id, version });
    return row.id;
  }

  /** The rule at the version read, locked for the write; NOT_FOUND `id`, STALE_VERSION `version`. */
  private async locked(id: string, version: number): Promise<AllocationRule> {
    if (!isGuid(id)) throw allocationRuleError(AllocationRuleCheck.INVALID_VALUE, 'id', `${JSON.stringify(id)} is not a GUID`);
    const row = await this.scope.forUpdate(this.scope.select(AllocationRule, 'r').where('r.id = :id', { id: canonicalGuid(id) })).getOne();
    if (!row) throw allocationRuleError(AllocationRuleCheck.NOT_FOUND, 'id', `no allocation rule ${id} in your divisions`);
    if (row.version !== version)
      throw allocationRuleError(AllocationRuleCheck.STALE_VERSION, 'version', `the rule is at version ${row.version}, not ${version}`, {
        current: row.version,
      });
    return row;
  }

  /** The checked, canonical values of a rule of `division`. */
  private async check(division: number, v: { [K in keyof RuleValues]: RuleValues[K] | null }): Promise<RuleValues> {
    const description = v.description?.trim() ?? '';
    if (!description) throw allocationRuleError(AllocationRuleCheck.REQUIRED, 'description', 'a description is required');
    const descriptionProblem = textProblem(description, 1, 60);
    if (descriptionProblem) throw allocationRuleError(ruleOf(descriptionProblem), 'description', descriptionProblem);
    const words = v.words?.trim().replace(/\s+/g, ' ') || null;
    const wordsProblem = words === null ? undefined : textProblem(words, 1, 200);
    if (wordsProblem) throw allocationRuleError(ruleOf(wordsProblem), 'words', wordsProblem);
    let iban: string | null = null;
    if (v.counterpartyBankAccount?.trim()) {
      iban = electronicFormatIBAN(v.counterpartyBankAccount) ?? null;
      if (!iban || !isValidIBAN(iban))
        throw allocationRuleError(
          AllocationRuleCheck.INVALID_IBAN,
          'counterpartyBankAccount',
          `${JSON.stringify(v.counterpartyBankAccount)} is not a valid IBAN`,
        );
    }
    if (!words && !iban)
      throw allocationRuleError(
        AllocationRuleCheck.REQUIRED,
        'words',
        'give words, a counterpartyBankAccount, or both: a rule needs something to apply on',
      );
    if (!v.glAccountID) throw allocationRuleError(AllocationRuleCheck.REQUIRED, 'glAccountID', 'the G/L account to book to is required');
    const glAccountID = await this.existing(GLAccount, division, v.glAccountID, 'glAccountID', 'G/L account');
    const accountID = v.accountID ? await this.existing(Account, division, v.accountID, 'accountID', 'account') : null;
    const priority = v.priority ?? DEFAULT_PRIORITY;
    const priorityProblem = integerProblem(priority, 0, MAX_PRIORITY);
    if (priorityProblem) throw allocationRuleError(AllocationRuleCheck.INVALID_VALUE, 'priority', priorityProblem);
    return { description, words, counterpartyBankAccount: iban, accountID, glAccountID, priority };
  }

  private async existing(
    entity: typeof GLAccount | typeof Account,
    division: number,
    id: string,
    field: string,
    noun: string,
  ): Promise<string> {
    if (!isGuid(id)) throw allocationRuleError(AllocationRuleCheck.INVALID_VALUE, field, `${JSON.stringify(id)} is not a GUID`);
    const key = canonicalGuid(id);
    const found = await this.scope
      .select<{ id: string }>(entity as never, 'x')
      .select(['x.id'])
      .where('x.id = :key AND x.divisionCode = :division', { key, division })
      .getOne();
    if (!found) throw allocationRuleError(AllocationRuleCheck.UNKNOWN_REFERENCE, field, `no ${noun} ${id} in division ${division}`);
    return key;
  }
}

const ruleOf = (problem: string) =>
  problem.startsWith('must have at most') ? AllocationRuleCheck.TOO_LONG : AllocationRuleCheck.INVALID_VALUE;
