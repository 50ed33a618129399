/**
 * What a format reader yields before `readInputs` gives each document its final id and hash and
 * each error its path and message.
 */
import type { RawDoc } from '../doc.js';
import type { ErrorCode } from '../errors.js';

export type ReaderItem =
  | { kind: 'doc'; raw: RawDoc; /** Id given by the input (record id, feed guid, file name). */ id?: string }
  | { kind: 'error'; code: ErrorCode; why?: string; line?: number };

/** Shorthand for a bad-record error at a line. */
export function badRecord(line: number | undefined, why: string): ReaderItem {
  return { kind: 'error', code: 'PARLEY_INPUT_BAD_RECORD', line, why };
}
