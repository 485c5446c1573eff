// Token exchange with impCentral (/auth, /auth/token): plain JSON bodies.
import { ImpCentralApiError, UnexpectedResponseError } from './errors.js';
import type { Http } from './http.js';
import { TokenDocument } from './wire.js';

export type LoginResult = { kind: 'token'; token: TokenDocument } | { kind: 'otp'; loginToken: string };

function parseToken(body: unknown): TokenDocument {
  const doc = TokenDocument.safeParse(body);
  if (!doc.success) throw new UnexpectedResponseError(doc.error.message);
  return doc.data;
}

/** POST /auth with id (email or username) and password; 403 + login_token asks for an OTP. */
export async function login(http: Http, id: string, password: string): Promise<LoginResult> {
  try {
    return { kind: 'token', token: parseToken(await http.request('POST', '/auth', { body: { id, password }, anonymous: true })) };
  } catch (e) {
    if (e instanceof ImpCentralApiError && e.status === 403) {
      const meta = e.errors[0]?.meta as { login_token?: unknown } | undefined;
      if (meta && typeof meta.login_token === 'string') return { kind: 'otp', loginToken: meta.login_token };
      throw new UnexpectedResponseError('403 without login_token');
    }
    throw e;
  }
}

export async function loginWithOtp(http: Http, loginToken: string, otp: string): Promise<TokenDocument> {
  return parseToken(
    await http.request('POST', '/auth', {
      body: { login_token: loginToken },
      headers: { 'X-Electricimp-OTP-Token': otp },
      anonymous: true,
    }),
  );
}

export async function exchangeRefreshToken(http: Http, token: string): Promise<TokenDocument> {
  return parseToken(await http.request('POST', '/auth/token', { body: { token }, anonymous: true }));
}

export async function exchangeLoginKey(http: Http, key: string): Promise<TokenDocument> {
  return parseToken(await http.request('POST', '/auth/token', { body: { key }, anonymous: true }));
}
