// Ctrl-C before the paging (`log get`) or the stream (`log stream`) has
// started: the command ends like an interrupted one, `IMPT COMMAND
// SUCCEEDS`, exit 0, without waiting for the lookups under way
// (interface/log.md, "Ctrl-C (SIGINT) at any time"). SIGTERM is treated the
// same, as the paging and the stream do (DIFFERENCES F12). The boundary owns
// the signals and aborts `rt.signal`; this only listens to it.

export const INTERRUPTED = Symbol('interrupted');

/** The result of `work`, or INTERRUPTED as soon as the signal is aborted (work is then left to itself). */
export function unlessInterrupted<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T | typeof INTERRUPTED> {
  if (signal.aborted) return Promise.resolve(INTERRUPTED);
  return new Promise<T | typeof INTERRUPTED>((resolve, reject) => {
    const interrupted = () => resolve(INTERRUPTED);
    signal.addEventListener('abort', interrupted, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', interrupted));
  });
}
