// Token exchange with impCentral against nock: password login, OTP, login
// keys and refresh tokens, and the 403 answers of /auth.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { exchangeLoginKey, exchangeRefreshToken, login, loginWithOtp } from '../../src/api/auth.js';
import { ImpCentralApiError, UnexpectedResponseError } from '../../src/api/errors.js';
import { Http } from '../../src/api/http.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const ORIGIN = 'https://api.example.test';
const http = () => new Http({ endpoint: `${ORIGIN}/v5`, userAgent: 'impt/2.6.1' });
const TOKEN = { access_token: 'at', expires_in: 3600, expires_at: '2030-01-01T00:00:00.000Z', refresh_token: 'rt' };

noNetworkAndAllScopesDone();

describe('POST /auth', () => {
  it('returns the token document of a password login', async () => {
    const scope = nock(ORIGIN).post('/v5/auth', { id: 'jdoe', password: 's3cret' }).reply(200, TOKEN);
    expect(await login(http(), 'jdoe', 's3cret')).toEqual({ kind: 'token', token: TOKEN });
    scope.done();
  });

  it('asks for an OTP when the 403 carries a login_token, then sends it in the header', async () => {
    const scope = nock(ORIGIN)
      .post('/v5/auth', { id: 'jdoe', password: 's3cret' })
      .reply(403, { errors: [{ status: '403', title: 'OTP required', detail: 'x', meta: { login_token: 'lt-1' } }] })
      .post('/v5/auth', { login_token: 'lt-1' })
      .matchHeader('x-electricimp-otp-token', '123456')
      .reply(200, TOKEN);
    const first = await login(http(), 'jdoe', 's3cret');
    expect(first).toEqual({ kind: 'otp', loginToken: 'lt-1' });
    expect(await loginWithOtp(http(), 'lt-1', '123456')).toEqual(TOKEN);
    scope.done();
  });

  it('a 403 without login_token is an unexpected response; 401 stays an API error', async () => {
    const scope = nock(ORIGIN)
      .post('/v5/auth')
      .reply(403, { errors: [{ status: '403', title: 'Forbidden', detail: 'no' }] })
      .post('/v5/auth')
      .reply(401, { errors: [{ status: '401', title: 'Invalid Credentials', detail: 'bad password' }] });
    await expect(login(http(), 'a', 'b')).rejects.toBeInstanceOf(UnexpectedResponseError);
    const e = await login(http(), 'a', 'b').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImpCentralApiError);
    expect((e as Error).message).toBe('Invalid Credentials: bad password');
    scope.done();
  });

  it('a malformed token document is an unexpected response', async () => {
    const scope = nock(ORIGIN).post('/v5/auth').reply(200, { token: 'nope' });
    await expect(login(http(), 'a', 'b')).rejects.toBeInstanceOf(UnexpectedResponseError);
    scope.done();
  });
});

describe('POST /auth/token', () => {
  it('exchanges a login key and a refresh token', async () => {
    const scope = nock(ORIGIN)
      .post('/v5/auth/token', { key: 'k1' })
      .reply(200, { ...TOKEN, refresh_token: undefined })
      .post('/v5/auth/token', { token: 'rt' })
      .reply(200, TOKEN);
    expect((await exchangeLoginKey(http(), 'k1')).access_token).toBe('at');
    expect((await exchangeRefreshToken(http(), 'rt')).expires_at).toBe(TOKEN.expires_at);
    scope.done();
  });

  it('an unknown key is a 404 API error', async () => {
    const scope = nock(ORIGIN).post('/v5/auth/token').reply(404, { errors: [{ status: '404', title: 'Not Found', detail: 'no key' }] });
    const e = await exchangeLoginKey(http(), 'zz').catch((x: unknown) => x);
    expect((e as ImpCentralApiError).status).toBe(404);
    scope.done();
  });
});
