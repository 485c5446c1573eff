// What `auth login` and `auth logout` share: the --local option and the
// auth file it selects (environment variables are ignored by both).
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';
import { authFilePath } from '../../context/auth-file.js';
import { globalAuthPath } from '../../context/session.js';
import type { AuthFileScope } from '../../output/messages/auth.js';

export const LOCAL_OPTION = defineOption({
  name: 'local',
  alias: 'l',
  kind: 'flag',
  describe:
    'If specified, creates or replaces a local auth file in the current directory. If not specified, creates or replaces the global auth file.',
});

export interface AuthTarget {
  scope: AuthFileScope;
  path: string;
}

/** `./.impt.auth` with --local, `~/.impt.auth` otherwise. */
export function authTarget(local: boolean, cwd: string, env: NodeJS.ProcessEnv): AuthTarget {
  return local ? { scope: 'Local', path: authFilePath(cwd) } : { scope: 'Global', path: globalAuthPath(env) };
}
