// Ctrl-C before the paging (`log get`) or the stream (`log stream`) has
// started: impt handles it from start-up, so a command still looking up its
// device ends like an interrupted one, `IMPT COMMAND SUCCEEDS`, exit 0
// (interface/log.md, "Ctrl-C (SIGINT) at any time"). SIGTERM is treated the
// same, as the paging and the stream do (DIFFERENCES F12).
import { SUCCEEDS } from '../../output/messages/common.js';
import { exitQuietly } from '../../output/line-sink.js';
import type { Printer } from '../../output/printer.js';

/** Installs the handlers; call the returned function when the paging or the stream takes over. */
export function endOnInterrupt(out: Printer): () => void {
  const interrupted = () => {
    release();
    out.info(SUCCEEDS);
    void exitQuietly();
  };
  const release = () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  return release;
}
