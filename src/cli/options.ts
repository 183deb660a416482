import { GatewayError } from '../platform/errors';

/**
 * Command-line input rules: a bad option is a one-line message naming it (`--expires: ...`) and
 * exit status 1, never a stack trace (main.ts prints the message of whatever is thrown) and never
 * a silently ignored option or argument.
 */

/** A mistake in how a command was called: main.ts prints its message alone. */
export class UsageError extends Error {}

/** `--option: why`. */
export function optionError(option: string, why: string): UsageError {
  return new UsageError(`--${option}: ${why}`);
}

/** Refuses any argument to a command that takes none (configuration comes from the environment). */
export function noArguments(command: string, args: readonly string[], hint = ''): void {
  if (args.length) throw new UsageError(`${command} takes no options or arguments, got ${args.join(' ')}${hint ? ` (${hint})` : ''}`);
}

/**
 * Runs `work`, turning a BAD_USER_INPUT about a field into the same message naming the option it
 * came from: `fields` lists the fields named as their options (divisions, expires, format, ...)
 * or maps a field to its option (`{ query: 'sql' }`), so the command line speaks of its options.
 */
export async function namingOptions<T>(fields: readonly string[] | Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
  const optionOf: Readonly<Record<string, string>> = Array.isArray(fields)
    ? Object.fromEntries(fields.map((f: string) => [f, f]))
    : (fields as Record<string, string>);
  try {
    return await work();
  } catch (error) {
    const field = error instanceof GatewayError ? error.extensions.field : undefined;
    if (typeof field === 'string' && Object.hasOwn(optionOf, field) && error instanceof Error && error.message.startsWith(`${field}: `)) {
      throw optionError(optionOf[field], error.message.slice(field.length + 2));
    }
    throw error;
  }
}
