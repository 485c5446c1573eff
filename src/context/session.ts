// Execution context (interface/README.md §10.1, §11): which credentials a
// command uses, keeping the access token fresh and saving it back.
import { homedir } from 'node:os';
import pkg from '../../package.json' with { type: 'json' };
import { exchangeLoginKey, exchangeRefreshToken, login, loginWithOtp } from '../api/auth.js';
import { ImpCentralApiError } from '../api/errors.js';
import { DEFAULT_ENDPOINT, Http, type TokenSource } from '../api/http.js';
import { ImpCentral } from '../api/impcentral.js';
import type { TokenDocument } from '../api/wire.js';
import { ContextError, type AuthScope } from '../errors.js';
import { authFilePath, readAuthFile, writeAuthFile, type AuthFileData, type AuthFileRead } from './auth-file.js';

export type ContextKind = AuthScope;

export interface AuthContext {
  kind: ContextKind;
  /** `Auth type` shown by `auth info` */
  label: string;
  filePath?: string;
  endpoint: string;
  data?: AuthFileData;
  /** env context: how to log in */
  envLogin?: { loginKey: string } | { user: string; password?: string };
}

export interface SessionDeps {
  cwd: string;
  env: NodeJS.ProcessEnv;
  debug?: (text: string) => void;
  /** told when a request starts and ends (progress indicator) */
  onActivity?: (active: boolean) => void;
  /** warnings of successful answers (`data.meta`) */
  onWarnings?: (warnings: unknown[]) => void;
  /** asks for a secret on the terminal; fails when there is none */
  askSecret?: (question: string, missingHint: string) => Promise<string>;
  /** the longest a request may take (default: the client's) */
  timeoutMs?: number;
  /** the longest the client waits out rate limits (default: the client's) */
  rateLimitBudgetMs?: number;
}

const REFRESH_AHEAD_MS = 3 * 60 * 1000;
/** impt and the version of impt it is (the package's version) */
export const USER_AGENT = `impt/${pkg.version}`;

export function globalAuthPath(env: NodeJS.ProcessEnv): string {
  return authFilePath(env.HOME || homedir());
}

/**
 * Where the credentials of a command come from (§10.1), before checking that
 * they are usable: `auth info` shows this much even when the file is bad.
 */
export interface LocatedContext {
  kind: ContextKind;
  label: string;
  filePath?: string;
  /** the file's state (file contexts only) */
  read?: AuthFileRead;
  envLogin?: AuthContext['envLogin'];
  /** endpoint from IMPT_ENDPOINT (env context only) */
  envEndpoint?: string;
}

/** Finds the context by the precedence of §10.1 without validating it; undefined = not logged in. */
export function locateContext(cwd: string, env: NodeJS.ProcessEnv): LocatedContext | undefined {
  const local = authFilePath(cwd);
  const localRead = readAuthFile(local);
  if (localRead.status !== 'missing') return { kind: 'local', label: 'Local Auth file', filePath: local, read: localRead };
  if (env.IMPT_AUTH_FILE_PATH) {
    const path = authFilePath(env.IMPT_AUTH_FILE_PATH);
    return { kind: 'path', label: `Auth file path: ${env.IMPT_AUTH_FILE_PATH}`, filePath: path, read: readAuthFile(path) };
  }
  if (env.IMPT_LOGINKEY || env.IMPT_USER) {
    return {
      kind: 'env',
      label: 'Environment variables',
      envEndpoint: env.IMPT_ENDPOINT || undefined,
      // like every IMPT_* variable, an empty IMPT_PASSWORD counts as not set (the password is asked for)
      envLogin: env.IMPT_LOGINKEY ? { loginKey: env.IMPT_LOGINKEY } : { user: env.IMPT_USER!, password: env.IMPT_PASSWORD || undefined },
    };
  }
  const global = globalAuthPath(env);
  const globalRead = readAuthFile(global);
  if (globalRead.status !== 'missing') return { kind: 'global', label: 'Global Auth file', filePath: global, read: globalRead };
  return undefined;
}

const notLoggedIn = () => new ContextError({ kind: 'not-logged-in' });

/** Turns a located context into a usable one; missing/corrupted files fail (ContextError). */
export function validateContext(loc: LocatedContext | undefined): AuthContext {
  if (!loc) throw notLoggedIn();
  const { kind, label, filePath, envLogin } = loc;
  if (!loc.read) return { kind, label, endpoint: loc.envEndpoint || DEFAULT_ENDPOINT, envLogin };
  if (loc.read.status === 'missing') throw new ContextError({ kind: 'not-found', file: { role: 'auth', scope: kind } });
  if (loc.read.status === 'corrupted') throw new ContextError({ kind: 'corrupted', file: { role: 'auth', scope: kind } });
  const data = loc.read.data;
  return { kind, label, filePath, endpoint: data.endpoint || DEFAULT_ENDPOINT, data };
}

/** Finds the auth context by the precedence of §10.1. */
export function resolveContext(cwd: string, env: NodeJS.ProcessEnv): AuthContext {
  return validateContext(locateContext(cwd, env));
}

/** Logs in with user/password, asking for an OTP when the account needs one. */
export async function passwordLogin(
  http: Http,
  user: string,
  password: string,
  askOtp: () => Promise<string>,
): Promise<TokenDocument> {
  const first = await login(http, user, password);
  if (first.kind === 'token') return first.token;
  return loginWithOtp(http, first.loginToken, await askOtp());
}

/** Keeps a context's access token valid, refreshing ahead of expiry and saving it back. */
export class ContextTokens implements TokenSource {
  private current: { token: string; expiresAt: string } | undefined;
  private obtained = false;
  /** the refresh under way: requests that need one at the same time share it */
  private refreshing: Promise<string> | undefined;
  private readonly http: Http;

  constructor(
    readonly context: AuthContext,
    private readonly deps: SessionDeps,
  ) {
    this.http = new Http({ endpoint: context.endpoint, userAgent: USER_AGENT, debug: deps.debug, env: deps.env });
    if (context.data) this.current = { token: context.data.accessToken, expiresAt: context.data.expiresAt };
  }

  async token(): Promise<string> {
    // A token obtained by this command is used until it really expires, even when
    // the server's lifetime is shorter than the 3 minutes ahead (no refresh per request).
    const ahead = this.obtained ? 0 : REFRESH_AHEAD_MS;
    if (!this.current || Date.parse(this.current.expiresAt) - Date.now() < ahead) return this.refresh();
    return this.current.token;
  }

  /**
   * A new access token. Requests refused together (parallel lookups once the
   * token has expired) share one exchange, and a request refused with a
   * token that another one has already replaced just uses the new one.
   */
  refresh(rejected?: string): Promise<string> {
    if (this.refreshing) return this.refreshing;
    if (rejected !== undefined && this.current && this.current.token !== rejected) {
      return Promise.resolve(this.current.token);
    }
    this.refreshing = this.exchange().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async exchange(): Promise<string> {
    const ctx = this.context;
    let doc: TokenDocument;
    try {
      if (ctx.envLogin) doc = await this.envLogin(ctx.envLogin);
      else if (ctx.data?.refreshToken) doc = await exchangeRefreshToken(this.http, ctx.data.refreshToken);
      else if (ctx.data?.loginKey) doc = await exchangeLoginKey(this.http, ctx.data.loginKey);
      else throw new ContextError({ kind: 'token-expired', scope: ctx.kind });
    } catch (e) {
      if (e instanceof ImpCentralApiError && e.status === 404 && !ctx.envLogin) {
        throw new ContextError({ kind: 'refresh-impossible', scope: ctx.kind });
      }
      throw e;
    }
    this.current = { token: doc.access_token, expiresAt: doc.expires_at };
    this.obtained = true;
    if (ctx.filePath && ctx.data) {
      ctx.data = { ...ctx.data, accessToken: doc.access_token, expiresAt: doc.expires_at };
      await writeAuthFile(ctx.filePath, ctx.data);
    }
    return doc.access_token;
  }

  private async envLogin(how: NonNullable<AuthContext['envLogin']>): Promise<TokenDocument> {
    if ('loginKey' in how) {
      try {
        return await exchangeLoginKey(this.http, how.loginKey);
      } catch (e) {
        if (e instanceof ImpCentralApiError && e.status === 404) throw new ContextError({ kind: 'unknown-login-key', loginKey: how.loginKey });
        throw e;
      }
    }
    const ask = this.deps.askSecret ?? (() => Promise.reject(notLoggedIn()));
    const password = how.password ?? (await ask('Enter password: ', 'set IMPT_PASSWORD'));
    return passwordLogin(this.http, how.user, password, () => ask('Enter one-time password: ', 'log in with a login key (IMPT_LOGINKEY)'));
  }
}

export interface Session {
  api: ImpCentral;
  context: AuthContext;
  /** id of the logged-in account (one `GET /accounts/me` per command) */
  meId(): Promise<string>;
}

/** A session for the current directory's context, or for one already resolved (auth info). */
export function openSession(deps: SessionDeps, context: AuthContext = resolveContext(deps.cwd, deps.env)): Session {
  const tokens = new ContextTokens(context, deps);
  const http = new Http({
    endpoint: context.endpoint,
    userAgent: USER_AGENT,
    tokens,
    debug: deps.debug,
    onActivity: deps.onActivity,
    onWarnings: deps.onWarnings,
    env: deps.env,
    timeoutMs: deps.timeoutMs,
    rateLimitBudgetMs: deps.rateLimitBudgetMs,
  });
  const api = new ImpCentral(http);
  let me: Promise<string> | undefined;
  return {
    api,
    context,
    meId: () => (me ??= api.me().then((r) => r.id)),
  };
}

