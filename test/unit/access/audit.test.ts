import { creationAudit, modificationAudit, selectionAudit, withoutAuditFields } from '../../../src/access/audit';

const alice = { userId: '11111111-1111-4111-8111-111111111111' };
const now = new Date('2026-06-15T10:00:00Z');

describe('audit columns', () => {
  it('take the user from the principal and the time from the clock', () => {
    expect(creationAudit(alice, now)).toEqual({
      creatorID: alice.userId,
      created: now,
      createdUtc: now,
      modifierID: alice.userId,
      modified: now,
      modifiedUtc: now,
    });
    expect(modificationAudit(alice, now)).toEqual({ modifierID: alice.userId, modified: now, modifiedUtc: now });
    expect(selectionAudit(alice, now)).toEqual({ paymentSelectorID: alice.userId, paymentSelected: now });
    expect(selectionAudit(alice, now, false)).toEqual({ paymentSelectorID: null, paymentSelected: null });
  });

  it('override anything smuggled in through input', () => {
    const input = { description: 'x', creatorID: 'evil', modified: new Date(0), paymentSelectorID: 'evil' };
    const row = { ...withoutAuditFields(input), ...creationAudit(alice, now) };
    expect(row).toEqual({ description: 'x', ...creationAudit(alice, now) });
    expect(withoutAuditFields(input)).toEqual({ description: 'x' });
  });
});
