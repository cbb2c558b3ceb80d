// The document lock every server function that changes the spreadsheet takes: one such execution per
// document at a time. (The script lock would serialize every user of the add-on.)
import { raceError, type CallContext } from '../core/errors';
import type { MessageKey } from '../core/i18n';

/** Long enough for a concurrent run to finish a small step, short enough to answer "busy" quickly. */
export const LOCK_TIMEOUT_MS = 3000;

/**
 * Runs `work` holding `LockService.getDocumentLock()`; when another execution holds it, throws the
 * localized `busy` message instead, before anything is changed. The lock is released however `work` ends.
 */
export function withDocumentLock<T>(ctx: CallContext, busy: MessageKey, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_TIMEOUT_MS)) throw raceError(ctx, busy);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
