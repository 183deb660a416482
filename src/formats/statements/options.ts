import { checkEncoding, DEFAULT_FALLBACK_ENCODING } from './text';
import type { ParseOptions } from './types';

/** ParseOptions with their defaults: verify, and the fallback encoding checked against iconv-lite's list. */
export function resolveOptions(options: ParseOptions = {}): { verify: boolean; encoding: string } {
  return { verify: options.verify ?? true, encoding: checkEncoding(options.encoding ?? DEFAULT_FALLBACK_ENCODING) };
}
