// The HTTP layer of the impCentral client against nock: headers, paging,
// refresh on 401, the retry policy (DIFFERENCES F4/F5) and debug dumps.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ImpCentralApiError, RateLimitError, TransportError } from '../../src/api/errors.js';
import { Http, type HttpOptions, type TokenSource } from '../../src/api/http.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const BASE = 'https://api.example.test/v5';
const ORIGIN = 'https://api.example.test';

function client(extra: Partial<HttpOptions> = {}): { http: Http; slept: number[]; dumps: string[] } {
  const slept: number[] = [];
  const dumps: string[] = [];
  const http = new Http({
    endpoint: BASE,
    userAgent: 'impt/2.6.1',
    retryBaseMs: 1,
    sleep: async (ms) => void slept.push(ms),
    debug: (t) => void dumps.push(t),
    ...extra,
  });
  return { http, slept, dumps };
}

class FakeTokens implements TokenSource {
  refreshes = 0;
  constructor(private current = 'old-token') {}
  async token() {
    return this.current;
  }
  async refresh() {
    this.refreshes++;
    this.current = `new-token-${this.refreshes}`;
    return this.current;
  }
}

// nock needs a real Error for axios to see the failure at once
const reset = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
const item = (id: string) => ({ type: 'product', id, attributes: { name: id } });

noNetworkAndAllScopesDone();

describe('headers', () => {
  it('sends JSON:API content type, the impt user agent and the bearer token', async () => {
    const scope = nock(ORIGIN, {
      reqheaders: {
        'content-type': 'application/vnd.api+json',
        accept: 'application/vnd.api+json',
        'user-agent': 'impt/2.6.1',
        authorization: 'Bearer old-token',
      },
    })
      .get('/v5/products/p1')
      .reply(200, { data: item('p1') });
    const { http } = client({ tokens: new FakeTokens() });
    const r = await http.getResource('/products/p1');
    expect(r.id).toBe('p1');
    scope.done();
  });

  it('auth endpoints use plain JSON and no token', async () => {
    const scope = nock(ORIGIN, { badheaders: ['authorization'], reqheaders: { 'content-type': 'application/json' } })
      .post('/v5/auth', { id: 'u', password: 'p' })
      .reply(200, { access_token: 't', expires_at: '2030-01-01T00:00:00Z' });
    const { http } = client({ tokens: new FakeTokens() });
    await http.request('POST', '/auth', { body: { id: 'u', password: 'p' }, anonymous: true });
    scope.done();
  });
});

describe('paging', () => {
  it('follows links.next with page[size]=100 and drops duplicate ids', async () => {
    const scope = nock(ORIGIN)
      .get('/v5/products')
      .query({ 'filter[owner.id]': 'a1', 'page[number]': '1', 'page[size]': '100' })
      .reply(200, { data: [item('p1'), item('p2')], links: { next: `${BASE}/products?filter[owner.id]=a1&page[number]=2&page[size]=100` } })
      .get('/v5/products')
      .query({ 'filter[owner.id]': 'a1', 'page[number]': '2', 'page[size]': '100' })
      .reply(200, { data: [item('p2'), item('p3')], links: {} });
    const { http } = client();
    const all = await http.list('/products', { 'filter[owner.id]': 'a1' });
    expect(all.map((r) => r.id)).toEqual(['p1', 'p2', 'p3']);
    scope.done();
  });

  it('serialises repeated query keys in repeat format', async () => {
    const scope = nock(ORIGIN)
      .get('/v5/devices?filter%5Btype%5D=a&filter%5Btype%5D=b&page%5Bnumber%5D=1&page%5Bsize%5D=100')
      .reply(200, { data: [], links: {} });
    const { http } = client();
    expect(await http.list('/devices', { 'filter[type]': ['a', 'b'] })).toEqual([]);
    scope.done();
  });
});

describe('401', () => {
  it('refreshes the token once and retries with the new one', async () => {
    const scope = nock(ORIGIN)
      .get('/v5/accounts/me')
      .matchHeader('authorization', 'Bearer old-token')
      .reply(401, { errors: [{ status: '401', title: 'Unauthorized', detail: 'expired' }] })
      .get('/v5/accounts/me')
      .matchHeader('authorization', 'Bearer new-token-1')
      .reply(200, { data: { type: 'account', id: 'me1', attributes: {} } });
    const tokens = new FakeTokens();
    const { http } = client({ tokens });
    expect((await http.getResource('/accounts/me')).id).toBe('me1');
    expect(tokens.refreshes).toBe(1);
    scope.done();
  });

  it('a second 401 is an error (no refresh loop)', async () => {
    const scope = nock(ORIGIN)
      .get('/v5/accounts/me')
      .times(2)
      .reply(401, { errors: [{ status: '401', title: 'Unauthorized', detail: 'no' }] });
    const tokens = new FakeTokens();
    const { http } = client({ tokens });
    const e = await http.get('/accounts/me').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImpCentralApiError);
    expect((e as ImpCentralApiError).message).toBe('Unauthorized: no');
    expect(tokens.refreshes).toBe(1);
    scope.done();
  });
});

describe('429', () => {
  it('waits as long as Retry-After says, then succeeds', async () => {
    const scope = nock(ORIGIN)
      .get('/v5/products/p1')
      .reply(429, { errors: [{ title: 'Rate Limit Exceeded', detail: 'x' }] }, { 'Retry-After': '3' })
      .get('/v5/products/p1')
      .reply(429, {}, { 'X-RateLimit-Reset': '2' })
      .get('/v5/products/p1')
      .reply(200, { data: item('p1') });
    const { http, slept } = client();
    expect((await http.getResource('/products/p1')).id).toBe('p1');
    expect(slept).toEqual([3000, 2000]);
    scope.done();
  });

  it('backs off without a hint and gives up once 60 s of waiting are spent', async () => {
    const scope = nock(ORIGIN).post('/v5/products').times(10).reply(429, {});
    const { http, slept } = client();
    const e = await http.request('POST', '/products', { body: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    // 1+2+4+8+8+8+8+8+8 = 55 s; another 8 s would pass the 60 s budget
    expect(slept).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000]);
    scope.done();
  });

  it('backs off when Retry-After keeps asking for the same short wait', async () => {
    const scope = nock(ORIGIN).get('/v5/products/p1').times(5).reply(429, {}, { 'Retry-After': '1' }).get('/v5/products/p1').reply(200, { data: item('p1') });
    const { http, slept } = client();
    expect((await http.getResource('/products/p1')).id).toBe('p1');
    expect(slept).toEqual([1000, 2000, 4000, 8000, 8000]);
    scope.done();
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const when = new Date(Date.now() + 30_000).toUTCString();
    const scope = nock(ORIGIN).get('/v5/products/p1').reply(429, {}, { 'Retry-After': when }).get('/v5/products/p1').reply(200, { data: item('p1') });
    const { http, slept } = client();
    await http.getResource('/products/p1');
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThan(20_000);
    expect(slept[0]).toBeLessThanOrEqual(30_000);
    scope.done();
  });

  it('fails at once when Retry-After exceeds the budget', async () => {
    const scope = nock(ORIGIN).get('/v5/products').query(true).reply(429, {}, { 'Retry-After': '120' });
    const { http, slept } = client();
    await expect(http.list('/products')).rejects.toBeInstanceOf(RateLimitError);
    expect(slept).toEqual([]);
    scope.done();
  });
});

describe('connection errors and 5xx', () => {
  it('retries a GET on 503 and on ECONNRESET, three tries in all', async () => {
    const scope = nock(ORIGIN)
      .get('/v5/products/p1')
      .reply(503, 'busy')
      .get('/v5/products/p1')
      .replyWithError(reset())
      .get('/v5/products/p1')
      .reply(200, { data: item('p1') });
    const { http, slept } = client();
    expect((await http.getResource('/products/p1')).id).toBe('p1');
    expect(slept).toHaveLength(2);
    scope.done();
  });

  it('gives up after the third failing GET with a network failure', async () => {
    const scope = nock(ORIGIN).get('/v5/products/p1').times(3).replyWithError(reset());
    const { http } = client();
    const e = await http.get('/products/p1').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).isNetworkFailure).toBe(true);
    scope.done();
  });

  it('never retries a POST on a connection error or 503', async () => {
    const scope = nock(ORIGIN)
      .post('/v5/products')
      .replyWithError(reset())
      .post('/v5/devicegroups')
      .reply(503, { errors: [{ title: 'Unavailable', detail: 'down' }] });
    const { http, slept } = client();
    await expect(http.request('POST', '/products', { body: {} })).rejects.toBeInstanceOf(TransportError);
    await expect(http.request('POST', '/devicegroups', { body: {} })).rejects.toBeInstanceOf(ImpCentralApiError);
    expect(slept).toEqual([]);
    scope.done();
  });

  it('retries PATCH and DELETE on 502/504', async () => {
    const scope = nock(ORIGIN)
      .patch('/v5/products/p1')
      .reply(502)
      .patch('/v5/products/p1')
      .reply(200, { data: item('p1') })
      .delete('/v5/products/p1')
      .reply(504)
      .delete('/v5/products/p1')
      .reply(204);
    const { http } = client();
    await http.request('PATCH', '/products/p1', { body: {} });
    await http.request('DELETE', '/products/p1');
    scope.done();
  });

  it('reports an unusable endpoint as an invalid URI without sending anything', async () => {
    const http = new Http({ endpoint: 'notaurl', userAgent: 'impt/2.6.1' });
    const e = await http.request('POST', '/auth', { body: {}, anonymous: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as Error).message).toBe('Error: Invalid URI "notaurl/auth"');
  });
});

describe('debug dumps', () => {
  it('hide passwords, tokens and keys in headers and bodies of requests and responses', async () => {
    const scope = nock(ORIGIN)
      .post('/v5/auth')
      .reply(200, { access_token: 'AT-secret', refresh_token: 'RT-secret', expires_at: '2030-01-01T00:00:00Z' })
      .post('/v5/auth/token')
      .reply(200, { access_token: 'AT2-secret', expires_at: '2030-01-01T00:00:00Z' })
      .post('/v5/auth/token', { token: 'RT-secret' })
      .reply(404, { errors: [{ title: 'Not Found', detail: 'unknown refresh token' }] })
      .post('/v5/accounts/me/login_keys')
      .reply(201, { data: { type: 'login_key', id: 'k1', attributes: {} } })
      .delete('/v5/devicegroups/dg1/relationships/devices')
      .reply(204);
    const { http, dumps } = client({ tokens: new FakeTokens('BEARER-secret') });
    await http.request('POST', '/auth', { body: { id: 'jdoe', password: 'PW-secret' }, anonymous: true });
    await http.request('POST', '/auth/token', { body: { key: 'LK-secret' }, anonymous: true });
    await http.request('POST', '/auth/token', { body: { token: 'RT-secret' }, anonymous: true }).catch(() => undefined);
    await http.request('POST', '/accounts/me/login_keys', { body: { data: {} }, headers: { 'X-Electricimp-Password': 'PW2-secret' } });
    await http.request('DELETE', '/devicegroups/dg1/relationships/devices', { headers: { 'X-Electricimp-Key': 'UNBOND-secret' } });
    const text = dumps.join('\n');
    expect(text).toContain('Doing the request with options:');
    expect(text).toContain('Response code: 200');
    expect(text).toContain('"id": "jdoe"');
    expect(text).toContain('[hidden]');
    expect(text).not.toMatch(/[A-Z0-9]+-secret/);
    scope.done();
  });

  it('show login key ids by their last 4 characters in URLs, bodies and error details', async () => {
    const key = (id: string) => ({ type: 'login_key', id, attributes: { description: 'd' }, links: { self: `${BASE}/accounts/me/login_keys/${id}` } });
    const scope = nock(ORIGIN)
      .get('/v5/accounts/me/login_keys')
      .query(true)
      .reply(200, { data: [key('aaaa1111bbbb2222'), key('cccc3333dddd4444')], links: {} })
      .patch('/v5/accounts/me/login_keys/aaaa1111bbbb2222')
      .reply(200, { data: key('aaaa1111bbbb2222') })
      .delete('/v5/accounts/me/login_keys/eeee5555ffff6666')
      .reply(404, { errors: [{ status: '404', title: 'Not Found', detail: 'no login key eeee5555ffff6666' }] });
    const { http, dumps } = client({ tokens: new FakeTokens() });
    await http.list('/accounts/me/login_keys');
    await http.request('PATCH', '/accounts/me/login_keys/aaaa1111bbbb2222', { body: { data: { type: 'login_key', id: 'aaaa1111bbbb2222', attributes: {} } } });
    await http.request('DELETE', '/accounts/me/login_keys/eeee5555ffff6666').catch(() => undefined);
    const text = dumps.join('\n');
    expect(text).not.toMatch(/aaaa1111bbbb2222|cccc3333dddd4444|eeee5555ffff6666/);
    expect(text).toContain('"url": "https://api.example.test/v5/accounts/me/login_keys/****2222"');
    expect(text).toContain('"id": "****4444"');
    expect(text).toContain('"self": "https://api.example.test/v5/accounts/me/login_keys/****2222"');
    expect(text).toContain('ERROR: HTTP/404: Not Found: no login key ****6666');
    scope.done();
  });
});
