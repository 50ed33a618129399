/** Driver errors become catalogue errors that name the store; the driver's error is the cause. */
import { isParleyError, ParleyError } from '../errors.js';
import { errorMessage } from './migration.js';

export type StoreErrorCode = 'PARLEY_STORE_OPEN' | 'PARLEY_STORE_WRITE' | 'PARLEY_STORE_READ';

/** A ParleyError for a failed store operation (a ParleyError passes through unchanged). */
export function storeError(code: StoreErrorCode, location: string, err: unknown): ParleyError {
  if (isParleyError(err)) return err;
  return new ParleyError(code, { location, why: errorMessage(err) }, { cause: err });
}
