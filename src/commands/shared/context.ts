// What every handler needs to talk to impCentral: the session for the
// current directory, with debug dumps, impCentral warnings and terminal
// prompts wired in.
import { openSession, type Session } from '../../context/session.js';
import { askSecret } from '../../prompt/index.js';
import type { CommandRuntime } from '../../cli/spec.js';

export function session(rt: CommandRuntime, context?: Session['context']): Session {
  return (rt.openSession ?? openSession)(
    {
      cwd: rt.cwd,
      env: rt.env,
      debug: rt.out.isDebug ? (t) => rt.out.debug(t) : undefined,
      onActivity: (active) => rt.out.activity(active),
      onWarnings: (warnings) => rt.out.warnings(warnings),
      askSecret: (question, hint) => askSecret(rt.out, question, hint),
    },
    context,
  );
}
