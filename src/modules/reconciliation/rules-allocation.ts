import type { AllocationRule } from './allocation-rule.entity';
import { compactIban } from './candidates';

/**
 * Allocation rules as Exact applies them (shared/reference/incoming.md, "Reconciliation"): a rule
 * applies to a bank line when every one of its words appears in the line's texts (description,
 * remittance information, counterparty name; case and accents ignored, whole words or parts of
 * them), or when the line's counterparty IBAN is the rule's; a rule that gives both needs both.
 */

/** Lower case without accents, for comparing words. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The words of a rule, folded; empty for none. */
export function ruleWords(words: string | null | undefined): string[] {
  return foldText(words ?? '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The texts of a line that allocation rules read. */
export interface AllocationLine {
  description: string | null;
  remittanceInformation: string | null;
  counterpartyName: string | null;
  counterpartyBankAccount: string | null;
}

/** How a rule applies to a line: on the IBAN, on the words, or not at all (null). */
export function allocationFit(
  rule: Pick<AllocationRule, 'words' | 'counterpartyBankAccount'>,
  line: AllocationLine,
): 'iban' | 'words' | null {
  const words = ruleWords(rule.words);
  const iban = rule.counterpartyBankAccount ? compactIban(rule.counterpartyBankAccount) : null;
  if (!words.length && !iban) return null;
  if (iban && (!line.counterpartyBankAccount || compactIban(line.counterpartyBankAccount) !== iban)) return null;
  if (words.length) {
    const text = foldText([line.description, line.remittanceInformation, line.counterpartyName].filter(Boolean).join(' '));
    if (!words.every((w) => text.includes(w))) return null;
  }
  return iban ? 'iban' : 'words';
}

/** The first rule (by Priority, the order given) that applies to the line, with how it applied. */
export function firstAllocation(rules: AllocationRule[], line: AllocationLine): { rule: AllocationRule; fit: 'iban' | 'words' } | null {
  for (const rule of rules) {
    const fit = allocationFit(rule, line);
    if (fit) return { rule, fit };
  }
  return null;
}
