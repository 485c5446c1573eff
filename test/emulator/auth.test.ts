import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { call, client, login } from './util.js';

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', unbond_key: 'demo-unbond-key',
      login_keys: [{ id: '0123456789abcdef', description: 'demo login key' }] },
    { username: 'otpuser', email: 'otp@example.com', password: 'otp-pass', otp: true },
  ],
  devices: [],
};

describe('auth', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulator({ seed: SEED, inMemory: true });
  });
  afterAll(() => emu.stop());

  it('logs in with username or email and returns a token document', async () => {
    for (const id of ['demo', 'demo@example.com']) {
      const r = await call(emu, 'POST', '/auth', { body: { id, password: 'demo' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/vnd.api+json');
      expect(r.body.expires_in).toBe(3600);
      expect(r.body.refresh_token).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(r.body.expires_at)).toBeGreaterThan(Date.now() + 3500_000);
      expect(typeof r.body.access_token).toBe('string');
    }
  });

  it('rejects a wrong password with 401 Invalid Credentials', async () => {
    const r = await call(emu, 'POST', '/auth', { body: { id: 'demo', password: 'nope' } });
    expect(r.status).toBe(401);
    expect(r.body.errors[0].title).toBe('Invalid Credentials');
    expect(r.body.errors[0].status).toBe('401');
  });

  it('runs the two-step OTP login', async () => {
    const first = await call(emu, 'POST', '/auth', { body: { id: 'otpuser', password: 'otp-pass' } });
    expect(first.status).toBe(403);
    const loginToken = first.body.errors[0].meta.login_token;
    expect(typeof loginToken).toBe('string');
    const bad = await call(emu, 'POST', '/auth', {
      body: { login_token: loginToken },
      headers: { 'X-Electricimp-OTP-Token': '000000' },
    });
    expect(bad.status).toBe(401);
    const ok = await call(emu, 'POST', '/auth', {
      body: { login_token: loginToken },
      headers: { 'X-Electricimp-OTP-Token': '123456' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toMatch(/^[0-9a-f]{64}$/);
    const me = await client(emu, ok.body.access_token).get('/accounts/me');
    expect(me.body.data.attributes.username).toBe('otpuser');
    // a login token is single-use
    const again = await call(emu, 'POST', '/auth', {
      body: { login_token: loginToken },
      headers: { 'X-Electricimp-OTP-Token': '123456' },
    });
    expect(again.status).toBe(401);
    // a reset wipes login tokens like every other token
    const pending = (await call(emu, 'POST', '/auth', { body: { id: 'otpuser', password: 'otp-pass' } })).body.errors[0].meta.login_token;
    await emu.admin('POST', 'reset');
    const afterReset = await call(emu, 'POST', '/auth', {
      body: { login_token: pending },
      headers: { 'X-Electricimp-OTP-Token': '123456' },
    });
    expect(afterReset.status).toBe(401);
    expect(afterReset.body.errors[0].title).toBe('Invalid Login Token');
  });

  it('exchanges refresh tokens and login keys; unknown ones are 404', async () => {
    const r = await call(emu, 'POST', '/auth', { body: { id: 'demo', password: 'demo' } });
    const t = await call(emu, 'POST', '/auth/token', { body: { token: r.body.refresh_token } });
    expect(t.status).toBe(200);
    expect(t.body.refresh_token).toBeUndefined();
    expect((await client(emu, t.body.access_token).get('/accounts/me')).status).toBe(200);
    expect((await call(emu, 'POST', '/auth/token', { body: { token: 'f'.repeat(64) } })).status).toBe(404);
    const k = await call(emu, 'POST', '/auth/token', { body: { key: '0123456789abcdef' } });
    expect(k.status).toBe(200);
    expect(k.body.refresh_token).toBeUndefined();
    const k2 = await call(emu, 'POST', '/auth/token', { body: { key: 'ffffffffffffffff' } });
    expect(k2.status).toBe(404);
    const key = await client(emu, k.body.access_token).get('/accounts/me/login_keys/0123456789abcdef');
    expect(key.body.data.attributes.usages).toBeGreaterThanOrEqual(1);
  });

  it('lists and deletes refresh tokens, keeping at most five', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await call(emu, 'POST', '/auth', { body: { id: 'demo', password: 'demo' } });
      tokens.push(r.body.refresh_token);
    }
    const api = client(emu, await login(emu));
    const list = await api.get('/accounts/me/refresh_tokens');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(5);
    expect(list.body.data[0].type).toBe('refresh_token');
    const victim = list.body.data[4].id;
    expect((await api.del(`/accounts/me/refresh_tokens/${victim}`)).status).toBe(204);
    expect((await api.del(`/accounts/me/refresh_tokens/${victim}`)).status).toBe(404);
    expect((await api.get('/accounts/me/refresh_tokens')).body.data).toHaveLength(4);
    // the oldest ones were evicted
    expect((await call(emu, 'POST', '/auth/token', { body: { token: tokens[0] } })).status).toBe(404);
  });

  it('rejects a malformed body with 400', async () => {
    const r = await call(emu, 'POST', '/auth', { body: { nothing: true } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].status).toBe('400');
  });
});

describe('token expiry', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    // a lifetime no loaded machine outlasts between two requests; the
    // emulator's clock is moved past it instead of waiting
    emu = await startEmulator({ tokenTtl: 60, inMemory: true });
  });
  afterAll(() => emu.stop());

  it('expires access tokens after --token-ttl seconds', async () => {
    const r = await call(emu, 'POST', '/auth', { body: { id: 'demo', password: 'demo' } });
    expect(r.body.expires_in).toBe(60);
    const api = client(emu, r.body.access_token);
    expect((await api.get('/products')).status).toBe(200);
    await emu.admin('POST', 'clock', { advance_seconds: 60 });
    const late = await api.get('/products');
    expect(late.status).toBe(401);
    expect(late.body.errors[0].status).toBe('401');
    const fresh = await call(emu, 'POST', '/auth/token', { body: { token: r.body.refresh_token } });
    expect((await client(emu, fresh.body.access_token).get('/products')).status).toBe(200);
  });
});
