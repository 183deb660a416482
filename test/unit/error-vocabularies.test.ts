import fs from 'node:fs';
import path from 'node:path';
import { ACCESS_ERROR_CODES, AccessRule } from '../../src/access/access.errors';
import { API_KEY_ERROR_CODES, ApiKeyRule } from '../../src/access/api-key.errors';
import { BANK_CONNECTOR_ERROR_CODES, BankConnectorRule } from '../../src/modules/bank-connectors/bank-connector.errors';
import { BATCH_ERROR_CODES, BatchRule } from '../../src/modules/batches/batch.errors';
import { EXACT_ERROR_CODES, ExactRule } from '../../src/modules/exact-online/exact.errors';
import { EXPORT_ERROR_CODES, ExportRule } from '../../src/modules/exports/export.errors';
import { FINANCIAL_ENTRY_ERROR_CODES, FinancialEntryRule } from '../../src/modules/financial-accounts/financial-entry.errors';
import { IDEMPOTENCY_ERROR_CODES, IdempotencyRule } from '../../src/modules/idempotency/idempotency.errors';
import { MATCHING_ERROR_CODES, MatchingRule } from '../../src/modules/matching/matching.errors';
import { PAYMENT_DAY_ERROR_CODES, PaymentDayRule } from '../../src/modules/open-items/payment-day';
import { PAYMENT_ERROR_CODES, PaymentRule } from '../../src/modules/payments/payment.errors';
import { RECEIVABLE_ERROR_CODES, ReceivableRule } from '../../src/modules/receivables/receivable.errors';
import { RECONCILIATION_ERROR_CODES, ReconciliationRule } from '../../src/modules/reconciliation/match-apply.errors';
import { ALLOCATION_RULE_ERROR_CODES, AllocationRuleCheck } from '../../src/modules/reconciliation/allocation-rule.errors';
import { ErrorCode, HTTP_STATUS, ruleErrors } from '../../src/platform/errors';
import { SQL_ERROR_CODES, SqlRule } from '../../src/sql/errors';
import { STATEMENT_IMPORT_ERROR_CODES, StatementImportRule } from '../../src/modules/statement-import/statement-import.errors';

/**
 * Every module's errors are a rule enum mapped exhaustively to GraphQL codes (the Record type
 * makes a rule without a code a compile error). What the compiler cannot see is checked here:
 * every vocabulary in src is listed, a rule string means the same code wherever it appears, and
 * the rules the payment run and matching had while they borrowed PaymentRule are still the
 * strings clients receive in extensions.rule.
 */
const VOCABULARIES: Record<string, Record<string, ErrorCode>> = {
  'access/access.errors.ts': ACCESS_ERROR_CODES,
  'access/api-key.errors.ts': API_KEY_ERROR_CODES,
  'modules/bank-connectors/bank-connector.errors.ts': BANK_CONNECTOR_ERROR_CODES,
  'modules/batches/batch.errors.ts': BATCH_ERROR_CODES,
  'modules/exact-online/exact.errors.ts': EXACT_ERROR_CODES,
  'modules/exports/export.errors.ts': EXPORT_ERROR_CODES,
  'modules/financial-accounts/financial-entry.errors.ts': FINANCIAL_ENTRY_ERROR_CODES,
  'modules/idempotency/idempotency.errors.ts': IDEMPOTENCY_ERROR_CODES,
  'modules/matching/matching.errors.ts': MATCHING_ERROR_CODES,
  'modules/open-items/payment-day.ts': PAYMENT_DAY_ERROR_CODES,
  'modules/payments/payment.errors.ts': PAYMENT_ERROR_CODES,
  'modules/receivables/receivable.errors.ts': RECEIVABLE_ERROR_CODES,
  'modules/statement-import/statement-import.errors.ts': STATEMENT_IMPORT_ERROR_CODES,
  'modules/reconciliation/match-apply.errors.ts': RECONCILIATION_ERROR_CODES,
  'modules/reconciliation/allocation-rule.errors.ts': ALLOCATION_RULE_ERROR_CODES,
  'sql/errors.ts': SQL_ERROR_CODES,
};

const SRC = path.resolve(__dirname, '../../src');
const filesOf = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesOf(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('error vocabularies', () => {
  it('lists every vocabulary of src (each ruleErrors call)', () => {
    const declaring = filesOf(SRC)
      .filter((f) => f.endsWith('.ts') && /\bruleErrors\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
      .filter((f) => f !== 'platform/errors.ts');
    expect(declaring.sort()).toEqual(Object.keys(VOCABULARIES).sort());
  });

  it('maps each rule to a code with an HTTP status, and a rule string to one code everywhere', () => {
    const codeOf = new Map<string, { code: ErrorCode; file: string }>();
    for (const [file, codes] of Object.entries(VOCABULARIES)) {
      for (const [rule, code] of Object.entries(codes)) {
        expect(HTTP_STATUS[code]).toBeDefined();
        const seen = codeOf.get(rule);
        if (seen) expect({ rule, file, code }).toEqual({ rule, file, code: seen.code });
        else codeOf.set(rule, { code, file });
      }
    }
  });

  it('keeps the rule strings the payment run and matching answered with before they had their own', () => {
    // The PaymentRule values these services threw until they got their own vocabularies.
    expect(Object.values(BatchRule).sort()).toEqual(
      [
        'BANK_ACCOUNT_NOT_OWN',
        'INVALID_BIC',
        'INVALID_IBAN',
        'INVALID_VALUE',
        'NOT_FOUND',
        'NOT_OPEN',
        'NOT_SEPA_PAYABLE',
        'NOTHING_TO_PROCESS',
        'REQUIRED',
        'UNKNOWN_REFERENCE',
      ].sort(),
    );
    expect(Object.values(MatchingRule).sort()).toEqual(
      ['INVALID_VALUE', 'MATCH_NOT_BALANCED', 'NOT_MATCHABLE', 'NOT_MATCHED', 'REQUIRED', 'TOO_LONG'].sort(),
    );
    expect({ ...BATCH_ERROR_CODES, ...MATCHING_ERROR_CODES }).toMatchObject({
      NOT_OPEN: 'CONFLICT',
      NOTHING_TO_PROCESS: 'BAD_USER_INPUT',
      NOT_MATCHABLE: 'CONFLICT',
      MATCH_NOT_BALANCED: 'BAD_USER_INPUT',
      NOT_MATCHED: 'CONFLICT',
    });
  });

  it('writes each rule as its own name, so the string clients see is the enum key', () => {
    const enums = [
      AccessRule,
      ApiKeyRule,
      BankConnectorRule,
      BatchRule,
      ExactRule,
      ExportRule,
      FinancialEntryRule,
      IdempotencyRule,
      MatchingRule,
      PaymentDayRule,
      PaymentRule,
      ReceivableRule,
      StatementImportRule,
      ReconciliationRule,
      AllocationRuleCheck,
      SqlRule,
    ];
    expect(enums.flatMap((e) => Object.entries(e).filter(([key, value]) => key !== value || !/^[A-Z][A-Z_]*$/.test(value)))).toEqual([]);
    expect(enums.map((e) => Object.values(e).sort())).toEqual(Object.values(VOCABULARIES).map((codes) => Object.keys(codes).sort()));
  });
});

describe('the open-item vocabularies', () => {
  it('answer the rules payables and receivables share with the same strings and codes', () => {
    // The rules the shared open-item code throws (open-items/open-item.ts, OpenItemRuleName).
    const shared = Object.keys(PAYMENT_ERROR_CODES).filter((rule) => rule in RECEIVABLE_ERROR_CODES);
    const own = (codes: Record<string, string>, other: Record<string, string>) =>
      Object.keys(codes)
        .filter((r) => !(r in other))
        .sort();
    expect(own(RECEIVABLE_ERROR_CODES, PAYMENT_ERROR_CODES)).toEqual(
      ['ACCOUNT_NOT_CUSTOMER', 'BANK_ACCOUNT_NOT_CUSTOMERS', 'GL_ACCOUNT_NOT_RECEIVABLE', 'INVALID_STRUCTURED_REFERENCE'].sort(),
    );
    // Payments' own: the side rules and those of selection and the EPC QR code.
    expect(own(PAYMENT_ERROR_CODES, RECEIVABLE_ERROR_CODES)).toEqual(
      [
        'ACCOUNT_NOT_SUPPLIER',
        'BANK_ACCOUNT_NOT_SUPPLIERS',
        'GL_ACCOUNT_NOT_PAYABLE',
        'NOT_OPEN',
        'NOT_SELECTED',
        'NOT_SEPA_PAYABLE',
      ].sort(),
    );
    for (const rule of shared) {
      const code = PAYMENT_ERROR_CODES[rule as PaymentRule];
      expect({ rule, code: RECEIVABLE_ERROR_CODES[rule as ReceivableRule] }).toEqual({ rule, code });
    }
    expect(RECEIVABLE_ERROR_CODES).toMatchObject({
      GL_ACCOUNT_NOT_RECEIVABLE: 'BAD_USER_INPUT',
      ACCOUNT_NOT_CUSTOMER: 'BAD_USER_INPUT',
      BANK_ACCOUNT_NOT_CUSTOMERS: 'BAD_USER_INPUT',
      INVALID_STRUCTURED_REFERENCE: 'BAD_USER_INPUT',
      STALE_VERSION: 'CONFLICT',
      NOT_FOUND: 'NOT_FOUND',
    });
  });
});

describe('ruleErrors', () => {
  const error = ruleErrors({ TOO_LONG: 'BAD_USER_INPUT', GONE: 'NOT_FOUND' } as const);

  it('names the field in the message and the extensions, with the item of a bulk input', () => {
    const e = error('TOO_LONG', 'description', 'at most 10 characters', { index: 2 });
    expect(e.message).toBe('input[2].description: at most 10 characters');
    expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'description', rule: 'TOO_LONG', index: 2 });
  });

  it('makes an error about no argument when the field is null', () => {
    const e = error('GONE', null, 'PaymentBatch 7 was not found', { id: '7' });
    expect(e.message).toBe('PaymentBatch 7 was not found');
    expect(e.extensions).toEqual({ code: 'NOT_FOUND', rule: 'GONE', id: '7' });
  });
});
