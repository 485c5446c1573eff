// The words of the execution context's failures (auth, Project and test
// files): the Error line and the info lines after it, as impt 2.6.1 prints
// them (interface/README.md §10, §11).
import type { AuthScope, ContextFailure, ContextFile } from '../../errors.js';
import { entity, errors, info } from './common.js';

/** `Local Auth`, `Global Auth`, `Auth` (IMPT_AUTH_FILE_PATH), `Project`, `Test Configuration`. */
function fileWhat(file: ContextFile): string {
  if (file.role === 'project') return 'Project';
  if (file.role === 'test') return 'Test Configuration';
  return file.scope === 'local' ? 'Local Auth' : file.scope === 'global' ? 'Global Auth' : 'Auth';
}

/** Only the files `impt auth login` writes can be mended by logging in again. */
function reloginHint(scope: AuthScope): string[] {
  return scope === 'local' || scope === 'global' ? [info.relogin(scope === 'local')] : [];
}

/** The Error line of a context failure. */
export function contextFailureText(f: ContextFailure): string {
  switch (f.kind) {
    case 'not-logged-in':
      return errors.notLoggedIn;
    case 'not-found':
      return errors.fileNotFound(fileWhat(f.file));
    case 'not-in-cwd':
      return errors.fileNotInCwd(fileWhat(f.file));
    case 'corrupted':
      return errors.fileCorrupted(fileWhat(f.file));
    case 'token-expired':
      return errors.tokenExpired(fileWhat({ role: 'auth', scope: f.scope }));
    case 'refresh-impossible':
      return errors.refreshImpossible(fileWhat({ role: 'auth', scope: f.scope }));
    case 'unknown-login-key':
      // impt 2.6.1 reports an unknown IMPT_LOGINKEY as it does for `auth login --lk`
      return errors.notFound(entity('Login Key', f.loginKey));
    case 'file-access':
      return errors.fileError(f.path, f.reason);
    case 'not-regular-file':
      return errors.fileError(f.path, errors.notRegularFile);
  }
}

/** The info lines after it: how to log in again, for a bad auth file of `impt auth login`. */
export function contextFailureHints(f: ContextFailure): string[] {
  if (f.kind === 'token-expired' || f.kind === 'refresh-impossible') return reloginHint(f.scope);
  if (f.kind === 'corrupted' && f.file.role === 'auth') return reloginHint(f.file.scope);
  return [];
}
