// Login key endpoints of the client: the account password travels only in
// the X-Electricimp-Password header, never in a body.
import nock from 'nock';
import { expect, it } from 'vitest';
import { Http } from '../../src/api/http.js';
import { ImpCentral } from '../../src/api/impcentral.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const ORIGIN = 'https://api.example.test';
const KEY = { type: 'login_key', id: 'k1', attributes: { description: 'd', usages: 0 } };
const api = () => new ImpCentral(new Http({ endpoint: `${ORIGIN}/v5`, userAgent: 'impt/2.6.1', tokens: { token: async () => 't', refresh: async () => 't' } }));

noNetworkAndAllScopesDone();

it('create, update and delete send the password header and JSON:API bodies without it', async () => {
  const scope = nock(ORIGIN, { reqheaders: { 'x-electricimp-password': 'pw', 'content-type': 'application/vnd.api+json' } })
    .post('/v5/accounts/me/login_keys', { data: { type: 'login_key', attributes: { description: 'd' } } })
    .reply(201, { data: KEY })
    .post('/v5/accounts/me/login_keys', { data: { type: 'login_key', attributes: {} } })
    .reply(201, { data: KEY })
    .patch('/v5/accounts/me/login_keys/k1', { data: { type: 'login_key', id: 'k1', attributes: { description: '' } } })
    .reply(200, { data: KEY })
    .delete('/v5/accounts/me/login_keys/k1')
    .reply(204);
  const a = api();
  expect((await a.loginKeys.createWithPassword('pw', 'd')).id).toBe('k1');
  await a.loginKeys.createWithPassword('pw');
  await a.loginKeys.updateWithPassword('k1', 'pw', '');
  await a.loginKeys.deleteWithPassword('k1', 'pw');
  scope.done();
});

it('list and get need no password', async () => {
  const scope = nock(ORIGIN, { badheaders: ['x-electricimp-password'] })
    .get('/v5/accounts/me/login_keys')
    .query({ 'page[number]': '1', 'page[size]': '100' })
    .reply(200, { data: [KEY], links: {} })
    .get('/v5/accounts/me/login_keys/k1')
    .reply(200, { data: KEY });
  const a = api();
  expect((await a.loginKeys.list()).map((k) => k.id)).toEqual(['k1']);
  expect((await a.loginKeys.get('k1')).attributes.description).toBe('d');
  scope.done();
});
