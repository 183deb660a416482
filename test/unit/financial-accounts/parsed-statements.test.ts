import fs from 'node:fs';
import { isBooked, parseStatementFile } from '../../../src/formats/statements';
import { statementToStore } from '../../../src/modules/financial-accounts/parsed-statement';
import { checkStatement } from '../../../src/modules/financial-accounts/statement.input';
import { Dec } from '../../../src/platform/decimal';
import { describeWithShared, sharedFile } from '../../support/shared-files';

/**
 * The parsers' statements (src/formats/statements) map onto what the statement service stores:
 * every statement of the real files that balance (a CODA file, a camt.053 file with two
 * statements, a Rabobank MT940 file) passes the service's own checks, with every booked line,
 * texts on one line and the balance rule intact. Most fixtures are cut-down files the parsers
 * refuse (unbalanced): those never reach the service.
 */
const FILES = ['coda/php-coda-parser-sample1.cod', 'camt053/genkgo-camt053.v2.multi.statement.xml', 'mt940/jejik-rabobank-iban.sta'];

describeWithShared('fixtures')('parsed statements as the statement service stores them', () => {
  it.each(FILES)("%s: every statement passes the service's checks", (file) => {
    const parsed = parseStatementFile(fs.readFileSync(sharedFile(`fixtures/${file}`)!));
    expect(parsed.statements.length).toBeGreaterThan(0);
    for (const s of parsed.statements) {
      const input = statementToStore(s, 100101);
      const checked = checkStatement(input);
      const booked = s.lines.filter(isBooked);
      expect(checked.lines).toHaveLength(booked.length);
      expect(checked.closingBalance).toBe(new Dec(s.closingBalance.amount).toFixed(2));
      expect(checked.lines.reduce((sum, l) => sum.plus(l.amountFC), new Dec(checked.openingBalance)).toFixed(2)).toBe(
        checked.closingBalance,
      );
      for (const l of checked.lines) {
        // eslint-disable-next-line no-control-regex
        for (const value of Object.values(l.columns)) if (typeof value === 'string') expect(value).not.toMatch(/[\u0000-\u001f]/);
      }
    }
  });

  it("keeps the bank's references and codes", () => {
    const [coda] = parseStatementFile(fs.readFileSync(sharedFile('fixtures/coda/php-coda-parser-sample1.cod')!)).statements;
    const checked = checkStatement(statementToStore(coda, 100101));
    expect(checked.statementNumber).toBe(coda.statementNumber);
    expect(checked.lines.some((l) => l.columns.paymentReference && /^\d{12}$/.test(l.columns.paymentReference))).toBe(true);
    expect(checked.lines.every((l) => l.columns.bankTransactionCode && /^\d{8}$/.test(l.columns.bankTransactionCode))).toBe(true);
    // Rabobank numbers every statement 0: no number, so the two statements are told apart by their contents.
    const rabo = parseStatementFile(fs.readFileSync(sharedFile('fixtures/mt940/jejik-rabobank-iban.sta')!)).statements;
    expect(rabo.map((s) => checkStatement(statementToStore(s, 100101)).statementNumber)).toEqual([null, null]);
  });
});
