/**
 * Why a bank file or QR code cannot be made. Format functions stay free of GraphQL: callers map
 * each problem to their own error (the payment run turns them into BAD_USER_INPUT naming `field`).
 */
export interface FormatProblem {
  /** Input path of the offending value, e.g. `transfers[3].creditorIban` or `amount`. */
  field: string;
  /** Why, in words a finance user understands. */
  message: string;
  /** Index of the transfer in the input, for problems of one transfer. */
  transferIndex?: number;
  /** EndToEndId of that transfer, so the caller can name the payment it came from. */
  endToEndId?: string;
}

export class FormatError extends Error {
  constructor(readonly problems: FormatProblem[]) {
    super(problems.map(describeProblem).join('; '));
    this.name = 'FormatError';
  }

  /** Field of the first problem (the one a single-field error message should name). */
  get field(): string {
    return this.problems[0]?.field ?? '';
  }
}

export function describeProblem(p: FormatProblem): string {
  const which = p.endToEndId !== undefined ? ` (EndToEndId ${p.endToEndId})` : '';
  return `${p.field}${which}: ${p.message}`;
}

/** Collects every problem of an input, so one refusal lists all reasons instead of the first. */
export class Problems {
  readonly list: FormatProblem[] = [];

  add(field: string, message: string, transfer?: { index: number; endToEndId?: string }): void {
    this.list.push({ field, message, ...(transfer ? { transferIndex: transfer.index, endToEndId: transfer.endToEndId } : {}) });
  }

  throwIfAny(): void {
    if (this.list.length) throw new FormatError(this.list);
  }
}
