import { allDivisionCodes } from '../../src/access/authenticate';
import { Account } from '../../src/modules/accounts/account.entity';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { AllocationRule } from '../../src/modules/reconciliation/allocation-rule.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { executeAs } from '../support/execute';
import { bankLines, propose } from '../support/reconciliation';

/**
 * Allocation rules through GraphQL (createAllocationRule, updateAllocationRule,
 * deleteAllocationRule, the AllocationRules list): the checks name the field and write nothing,
 * versions, scopes (reconciliation:write to write, reconciliation:read to read), division
 * isolation, and the engine applying a rule on the IBAN and on words.
 */
let t: TestDatabase;
let D: number;
let other: number;
let gl: GLAccount;
let foreignGl: GLAccount;
let account: Account;

beforeAll(async () => {
  t = await openSeededDatabase('allocation_rules', { divisions: 2, payments: 30 });
  [D, other] = await allDivisionCodes(t.db);
  gl = await t.db.dataSource.getRepository(GLAccount).findOneByOrFail({ divisionCode: D });
  foreignGl = await t.db.dataSource.getRepository(GLAccount).findOneByOrFail({ divisionCode: other });
  account = await t.db.dataSource.getRepository(Account).findOneByOrFail({ divisionCode: D });
});
afterAll(async () => {
  await t?.close();
});

const FIELDS = 'id divisionCode description words counterpartyBankAccount accountID glAccountID priority version';
const CREATE = `mutation($input: AllocationRuleInput!) { createAllocationRule(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: UUID!, $version: Int!, $input: AllocationRuleInput!) {
  updateAllocationRule(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: UUID!, $version: Int!) { deleteAllocationRule(id: $id, version: $version) { deletedID } }`;
const LIST = `{ allocationRules(orderBy: [{ field: priority }]) { nodes { id divisionCode description } } }`;

const as = (query: string, variables: Record<string, unknown> = {}, divisions = [D, other], scopes?: string[]) =>
  executeAs(t.db, { divisions, ...(scopes ? { scopes: scopes as never } : {}) }, query, variables);
const count = () => t.db.dataSource.getRepository(AllocationRule).count();
const valid = (overrides: Record<string, unknown> = {}) => ({
  divisionCode: D,
  description: 'Bank fees',
  words: 'kosten',
  glAccountID: gl.id,
  ...overrides,
});

describe('allocation rule mutations', () => {
  it('creates a rule with its IBAN in electronic form and the default priority', async () => {
    const r = await as(CREATE, { input: valid({ words: null, counterpartyBankAccount: 'be68 5390 0754 7034', accountID: account.id }) });
    expect(r.errors).toBeUndefined();
    expect(r.data.createAllocationRule).toMatchObject({
      divisionCode: D,
      words: null,
      counterpartyBankAccount: 'BE68539007547034',
      accountID: account.id,
      glAccountID: gl.id,
      priority: 100,
      version: 1,
    });
  });

  it.each([
    ['description', { description: '  ' }, 'REQUIRED', 'BAD_USER_INPUT'],
    ['words', { words: null, counterpartyBankAccount: null }, 'REQUIRED', 'BAD_USER_INPUT'],
    ['words', { words: 'x'.repeat(201) }, 'TOO_LONG', 'BAD_USER_INPUT'],
    ['counterpartyBankAccount', { counterpartyBankAccount: 'BE68 5390 0754 7035' }, 'INVALID_IBAN', 'BAD_USER_INPUT'],
    ['glAccountID', { glAccountID: null }, 'REQUIRED', 'BAD_USER_INPUT'],
    ['glAccountID', { glAccountID: 'FOREIGN' }, 'UNKNOWN_REFERENCE', 'BAD_USER_INPUT'],
    ['priority', { priority: -1 }, 'INVALID_VALUE', 'BAD_USER_INPUT'],
    ['divisionCode', { divisionCode: 999_999 }, 'DIVISION_NOT_GRANTED', 'FORBIDDEN'],
  ])('refuses a bad %s (%j) with %s, writing nothing', async (field, overrides, rule, code) => {
    const input = valid(overrides);
    if (input.glAccountID === 'FOREIGN') input.glAccountID = foreignGl.id; // a G/L account of the other division
    const before = await count();
    const r = await as(CREATE, { input });
    expect(r.errors?.[0].extensions).toMatchObject({ code, field, rule });
    expect(r.errors?.[0].message.startsWith(`${field}: `)).toBe(true);
    expect(await count()).toBe(before);
  });

  it('updates at the version read, refuses a stale version, and deletes', async () => {
    const created = (await as(CREATE, { input: valid({ description: 'Rent', words: 'huur' }) })).data.createAllocationRule;
    const updated = await as(UPDATE, { id: created.id, version: 1, input: { priority: 5, accountID: account.id } });
    expect(updated.data.updateAllocationRule).toMatchObject({
      description: 'Rent',
      words: 'huur',
      priority: 5,
      accountID: account.id,
      version: 2,
    });
    const stale = await as(UPDATE, { id: created.id, version: 1, input: { priority: 6 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'STALE_VERSION', field: 'version' });
    const cleared = await as(UPDATE, { id: created.id, version: 2, input: { accountID: null } });
    expect(cleared.data.updateAllocationRule).toMatchObject({ accountID: null, version: 3 });
    const deleted = await as(DELETE, { id: created.id, version: 3 });
    expect(deleted.data.deleteAllocationRule).toEqual({ deletedID: created.id });
    expect(await t.db.dataSource.getRepository(AllocationRule).findOneBy({ id: created.id })).toBeNull();
  });

  it('needs reconciliation:write to write and reconciliation:read to read, and shows a caller its divisions only', async () => {
    const denied = await as(CREATE, { input: valid() }, [D, other], ['reconciliation:read']);
    expect(denied.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const unread = await as(LIST, {}, [D, other], ['payments:read']);
    expect(unread.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const foreign = (await as(CREATE, { input: valid({ divisionCode: other, glAccountID: foreignGl.id }) })).data.createAllocationRule;
    const mine = await as(LIST, {}, [D], ['reconciliation:read']);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.allocationRules.nodes.every((n: { divisionCode: number }) => n.divisionCode === D)).toBe(true);
    // A rule of another division is NOT_FOUND for a caller without it.
    const hidden = await as(DELETE, { id: foreign.id, version: 1 }, [D]);
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('the engine proposes the G/L account of the first rule that applies: on the IBAN, and on all the words', async () => {
    const landlord = 'NL91ABNA0417164300';
    await as(CREATE, { input: valid({ description: 'Salaries', words: 'loon juni', priority: 1 }) });
    await as(CREATE, { input: valid({ description: 'Landlord', words: null, counterpartyBankAccount: landlord, priority: 2 }) });
    const [rent, salary, neither] = await bankLines(t.db, D, [
      { amount: '-1500.00', counterpartyAccount: landlord, description: 'Huur juni' },
      { amount: '-2300.00', description: 'LOON JUNI J. Peeters' },
      { amount: '-2300.00', description: 'Loon mei' },
    ]);
    const proposals = await propose(t.db, [D], [rent, salary, neither]);
    expect(proposals.get(rent)![0]).toMatchObject({ kind: 'glAccount', glAccountID: gl.id });
    expect(proposals.get(rent)![0].reasons[0].detail).toMatch(/Landlord/);
    expect(proposals.get(salary)![0]).toMatchObject({ kind: 'glAccount', glAccountID: gl.id });
    expect(proposals.get(salary)![0].reasons[0].detail).toMatch(/Salaries/);
    expect(proposals.get(neither)!.some((p) => p.kind === 'glAccount' && p.reasons[0].detail.includes('Salaries'))).toBe(false);
  });
});
