// The kinds of failure of a test session and what each one does
// (interface/test-run.md "Error handling"): how it is printed, whether it
// ends the session and whether it makes the run fail.
import { ContextError } from '../errors.js';
import { contextFailureText } from '../output/messages/context.js';
import { testRunMessages as msg } from '../output/messages/test-run.js';

export type SessionErrorKind =
  | 'TestMethodError'
  | 'TestStateError'
  | 'SessionFailedError'
  | 'DeviceDisconnectedError'
  | 'DeviceRuntimeError'
  | 'AgentRuntimeError'
  | 'DeviceError'
  | 'SessionStartTimeoutError'
  | 'SessionTestMessagesTimeoutError'
  | 'ExternalCommandTimeoutError'
  | 'ExternalCommandExitCodeError'
  | 'Error';

export interface SessionError {
  kind: SessionErrorKind;
  message: string;
  /** API error entries to print after the `[error]` line (text modes) */
  apiErrors?: { head: string; meta: unknown }[];
}

export const sessionError = (kind: SessionErrorKind, message: string): SessionError => ({ kind, message });

export const startTimeout = () => sessionError('SessionStartTimeoutError', msg.sessionStartTimeout);
export const messagesTimeout = () => sessionError('SessionTestMessagesTimeoutError', msg.testingTimeout);
export const stateError = () => sessionError('TestStateError', msg.invalidState);

/** The message of a failure the session reports as an `Error` (a context failure in impt's words). */
export function errorText(e: unknown): string {
  if (e instanceof ContextError) return contextFailureText(e.failure);
  return e instanceof Error ? e.message : String(e);
}
