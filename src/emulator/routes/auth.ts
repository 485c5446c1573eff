// POST /auth, POST /auth/token, accounts, login keys, refresh tokens.
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError, err } from '../core/errors.js';
import { type App, type Emulator, type Env, json, me, noContent } from '../core/emulator.js';
import { hex, newAccessToken, newLoginKeyId, newRefreshToken } from '../core/ids.js';
import { apiBase, checkAttributes, listDocument, optString, parseListQuery, readJson, readWrite } from '../core/jsonapi.js';
import type { AccountRec } from '../core/model.js';
import * as ser from '../core/serialize.js';

export const MAX_LOGIN_KEYS = 10;
export const MAX_REFRESH_TOKENS = 5;
const LOGIN_TOKEN_TTL_MS = 5 * 60_000;

const PasswordLogin = z.object({ id: z.string(), password: z.string() });
const OtpLogin = z.object({ login_token: z.string() });
const TokenExchange = z.union([z.object({ token: z.string() }), z.object({ key: z.string() })]);

export function registerAuth(emu: Emulator, api: App): void {
  const { store } = emu;
  // Short-lived OTP login tokens live in memory only.
  const loginTokens = new Map<string, { accountId: string; expiresAt: number }>();
  emu.events.on('emulator.reset', () => loginTokens.clear());

  const issue = (account: AccountRec, withRefresh: boolean) => {
    const token = newAccessToken();
    const expiresAtMs = emu.clock.nowMs() + emu.tokenTtl * 1000;
    store.put('access_tokens', { id: token, account_id: account.id, expires_at_ms: expiresAtMs });
    const doc: Record<string, unknown> = {
      access_token: token,
      expires_in: emu.tokenTtl,
      expires_at: new Date(expiresAtMs).toISOString(),
    };
    if (withRefresh) {
      const mine = store.list('refresh_tokens', (t) => t.account_id === account.id);
      while (mine.length >= MAX_REFRESH_TOKENS) store.delete('refresh_tokens', mine.shift()!.id);
      const refresh = newRefreshToken();
      store.put('refresh_tokens', { id: hex(16), token: refresh, account_id: account.id, created_at: emu.iso() });
      doc.refresh_token = refresh;
    }
    return doc;
  };

  api.post('/auth', async (c) => {
    const body = await readJson(c);
    const otp = OtpLogin.safeParse(body);
    if (otp.success) {
      const lt = loginTokens.get(otp.data.login_token);
      if (!lt || lt.expiresAt <= emu.clock.nowMs()) {
        throw ApiError.one(401, 'PX102', 'Invalid Login Token', 'The login token is invalid or has expired.');
      }
      const account = store.get('accounts', lt.accountId);
      const code = c.req.header('x-electricimp-otp-token');
      if (!account || !code || code !== account.otp) {
        throw ApiError.one(401, 'PX103', 'Invalid Credentials', 'The one-time password is invalid.');
      }
      loginTokens.delete(otp.data.login_token);
      return json(c, issue(account, true));
    }
    const pw = PasswordLogin.safeParse(body);
    if (!pw.success) throw err.validation('The body must contain "id" and "password", or "login_token".', 'VX030');
    const account = store.list('accounts', (a) => a.email === pw.data.id || a.username === pw.data.id)[0];
    if (!account || account.password !== pw.data.password) throw err.invalidCredentials();
    if (account.otp) {
      const token = hex(8);
      loginTokens.set(token, { accountId: account.id, expiresAt: emu.clock.nowMs() + LOGIN_TOKEN_TTL_MS });
      throw ApiError.one(
        403,
        'PX104',
        'Two-Factor Authentication Required',
        'A one-time password is required to complete the login.',
        { login_token: token },
      );
    }
    return json(c, issue(account, true));
  });

  api.post('/auth/token', async (c) => {
    const body = TokenExchange.safeParse(await readJson(c));
    if (!body.success) throw err.validation('The body must contain "token" or "key".', 'VX031');
    if ('token' in body.data) {
      const refresh = body.data.token;
      const rec = store.list('refresh_tokens', (t) => t.token === refresh)[0];
      const account = rec && store.get('accounts', rec.account_id);
      if (!account) throw err.notFound('refresh_token');
      return json(c, issue(account, false));
    }
    const key = store.get('login_keys', body.data.key);
    const account = key && store.get('accounts', key.account_id);
    if (!key || !account) throw err.notFound('login_key');
    store.put('login_keys', { ...key, usages: key.usages + 1 });
    return json(c, issue(account, false));
  });

  // ---- accounts ----------------------------------------------------------

  api.get('/accounts', (c) => {
    const q = parseListQuery(c, []);
    const account = me(c);
    const items = [account, ...account.collaborates_on.map((id) => store.get('accounts', id)).filter((a) => !!a)];
    return json(c, listDocument(c, '/accounts', q, items as AccountRec[], (a) => ser.account(apiBase(c), a)));
  });

  api.get('/accounts/:id', (c) => {
    const id = c.req.param('id');
    const account = me(c);
    const target = id === 'me' ? account : store.get('accounts', id);
    if (!target || !emu.canSee(account, target.id)) throw err.notFound('account');
    return json(c, { data: ser.account(apiBase(c), target) });
  });

  // ---- refresh tokens ----------------------------------------------------

  api.get('/accounts/me/refresh_tokens', (c) => {
    const q = parseListQuery(c, []);
    const items = store.list('refresh_tokens', (t) => t.account_id === me(c).id);
    return json(c, listDocument(c, '/accounts/me/refresh_tokens', q, items, (t) => ser.refreshToken(apiBase(c), t)));
  });

  api.delete('/accounts/me/refresh_tokens/:id', (c) => {
    const rec = store.get('refresh_tokens', c.req.param('id'));
    if (!rec || rec.account_id !== me(c).id) throw err.notFound('refresh_token');
    store.delete('refresh_tokens', rec.id);
    return noContent(c);
  });

  // ---- login keys --------------------------------------------------------

  const requirePassword = (c: Context<Env>) => {
    const pwd = c.req.header('x-electricimp-password');
    if (pwd === undefined || pwd === '') {
      throw ApiError.one(403, 'PX110', 'Invalid Credentials', 'The account password is required (X-Electricimp-Password).');
    }
    if (pwd !== me(c).password) {
      throw ApiError.one(403, 'PX111', 'Invalid Credentials', 'The provided password is incorrect.');
    }
  };

  api.get('/accounts/me/login_keys', (c) => {
    const q = parseListQuery(c, []);
    const items = store.list('login_keys', (k) => k.account_id === me(c).id);
    return json(c, listDocument(c, '/accounts/me/login_keys', q, items, (k) => ser.loginKey(apiBase(c), k)));
  });

  api.post('/accounts/me/login_keys', async (c) => {
    const data = await readWrite(c, ['login_key']);
    requirePassword(c);
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['description'], 'a login key');
    const description = optString(attrs, 'description') ?? '';
    const account = me(c);
    if (store.list('login_keys', (k) => k.account_id === account.id).length >= MAX_LOGIN_KEYS) {
      throw err.constraint(
        'Login Key Limit Reached',
        `An account can have at most ${MAX_LOGIN_KEYS} login keys; delete one and try again.`,
        'CX010',
      );
    }
    let id = newLoginKeyId();
    while (store.get('login_keys', id)) id = newLoginKeyId();
    const now = emu.iso();
    const key = store.put('login_keys', {
      id,
      account_id: account.id,
      description,
      usages: 0,
      created_at: now,
      updated_at: now,
    });
    return json(c, { data: ser.loginKey(apiBase(c), key) }, 201);
  });

  const ownKey = (c: Context<Env>) => {
    const key = store.get('login_keys', c.req.param('id') ?? '');
    if (!key || key.account_id !== me(c).id) throw err.notFound('login_key');
    return key;
  };

  api.get('/accounts/me/login_keys/:id', (c) => json(c, { data: ser.loginKey(apiBase(c), ownKey(c)) }));

  api.patch('/accounts/me/login_keys/:id', async (c) => {
    const data = await readWrite(c, ['login_key']);
    requirePassword(c);
    const key = ownKey(c);
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['description'], 'a login key');
    const description = optString(attrs, 'description');
    const updated = store.put('login_keys', {
      ...key,
      description: description ?? key.description,
      updated_at: emu.iso(),
    });
    return json(c, { data: ser.loginKey(apiBase(c), updated) });
  });

  api.delete('/accounts/me/login_keys/:id', (c) => {
    requirePassword(c);
    const key = ownKey(c);
    store.delete('login_keys', key.id);
    return noContent(c);
  });
}
