import fs from 'node:fs';
import { RECEIVABLES } from '../../src/catalog/tables/receivables';
import { PAYMENTS } from '../../src/catalog/tables/payments';
import { describeWithShared, sharedFile } from '../support/shared-files';

/** The Receivables catalog against the column list of ../shared/reference/incoming.md ("Receivables"). */
const REFERENCE = 'reference/incoming.md';

interface ReferenceColumn {
  name: string;
  type: string;
  length?: number;
}

/** `Name: type` pairs of the "Columns (name: type): ..." paragraph, comments in parentheses dropped. */
function readReference(): ReferenceColumn[] {
  const text = fs.readFileSync(sharedFile(REFERENCE)!, 'utf8');
  const section = text.slice(text.indexOf('## Receivables'), text.indexOf('\n## ', text.indexOf('## Receivables') + 1));
  const list = section.slice(section.indexOf('Columns (name: type):') + 'Columns (name: type):'.length, section.indexOf('As for Payments'));
  const plain = list.replace(/\s+/g, ' ').replace(/ \([^)]*\)/g, '');
  const pairs = [...plain.matchAll(/(\w+): (\w+)(?:\((\d+)\))?/g)];
  return pairs.map(([, name, type, length]) => ({ name, type, ...(length ? { length: Number(length) } : {}) }));
}

describeWithShared(REFERENCE)('Receivables catalog against ../shared/reference/incoming.md', () => {
  let reference: ReferenceColumn[];
  beforeAll(() => {
    reference = readReference();
  });

  it('has every column of the reference, by name and in its order', () => {
    expect(reference.length).toBe(77);
    expect(RECEIVABLES.columns.map((c) => c.name)).toEqual(reference.map((r) => r.name));
  });

  it("has the reference's type and length of every column (double kept as exact decimal)", () => {
    for (const [i, r] of reference.entries()) {
      const c = RECEIVABLES.columns[i];
      expect({ column: c.name, type: c.type }).toEqual({ column: r.name, type: r.type === 'double' ? 'decimal' : r.type });
      if (r.length) expect({ column: c.name, length: c.length }).toEqual({ column: r.name, length: r.length });
      if (r.type === 'double') expect(c.scale).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('Receivables catalog', () => {
  it('is partitioned by Division, keyed by ID, with the relations the issue names', () => {
    expect({ partition: RECEIVABLES.partitionColumn, key: RECEIVABLES.primaryKey }).toEqual({ partition: 'Division', key: 'ID' });
    const relations = Object.fromEntries(RECEIVABLES.relations.map((r) => [r.name, r.table]));
    expect(relations).toMatchObject({
      account: 'Accounts',
      glAccount: 'GLAccounts',
      bankAccount: 'BankAccounts',
      journal: 'Journals',
      paymentCondition: 'PaymentConditions',
      document: 'Documents',
      creator: 'Users',
      modifier: 'Users',
      receivableSelector: 'Users',
    });
  });

  it('derives the names, codes and descriptions of related rows, as Payments does', () => {
    const derived = RECEIVABLES.columns.filter((c) => c.derived).map((c) => c.name);
    expect(derived.sort()).toEqual(
      [
        'AccountBankAccountNumber',
        'AccountCode',
        'AccountContactName',
        'AccountName',
        'BankAccountNumber',
        'CreatorFullName',
        'DocumentNumber',
        'DocumentSubject',
        'GLAccountCode',
        'GLAccountDescription',
        'JournalDescription',
        'ModifierFullName',
        'PaymentConditionDescription',
        'ReceivableSelectorFullName',
      ].sort(),
    );
    // A column both tables have is typed and sized alike (and derived alike), so joins and exports agree.
    for (const c of RECEIVABLES.columns) {
      const p = PAYMENTS.columns.find((x) => x.name === c.name);
      if (!p) continue;
      const shape = (x: typeof c) => [x.name, x.field, x.type, x.length, x.scale, Boolean(x.derived)];
      expect(shape(c)).toEqual(shape(p));
    }
  });
});
