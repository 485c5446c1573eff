// A DELETE whose answer is lost is retried (DIFFERENCES F5); the retry may
// then meet the result of the first attempt. Unassigning devices and deleting
// an entity treat that as the success it is — after checking, for devices —
// and every other refusal still fails. A change whose answer never came (a
// POST, sent once, or other changes once their retries ran out) is marked as
// one that may have been carried out.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ImpCentralApiError, TransportError } from '../../src/api/errors.js';
import { Http } from '../../src/api/http.js';
import { ImpCentral } from '../../src/api/impcentral.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const ORIGIN = 'https://api.example.test';
const api = () => new ImpCentral(new Http({ endpoint: `${ORIGIN}/v5`, userAgent: 'impt/2.6.1', retryBaseMs: 1, sleep: async () => undefined }));
const lost = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const notAssigned = { errors: [{ status: '400', code: 'PX400', title: 'Invalid Assignment', detail: 'device d1 is not assigned to this devicegroup' }] };
const device = (group: string | null) => ({
  data: { type: 'device', id: 'd1', attributes: { name: 'd1' }, relationships: group ? { devicegroup: { type: 'development_devicegroup', id: group } } : {} },
});

noNetworkAndAllScopesDone();

describe('unassigning devices after a lost answer', () => {
  it('succeeds when the devices are no longer in the group', async () => {
    nock(ORIGIN).delete('/v5/devicegroups/g1/relationships/devices').replyWithError(lost());
    nock(ORIGIN).delete('/v5/devicegroups/g1/relationships/devices').reply(400, notAssigned);
    nock(ORIGIN).get('/v5/devices/d1').reply(200, device(null));
    await expect(api().deviceGroups.removeDevices('g1', ['d1'])).resolves.toBeUndefined();
  });

  it('fails with the refusal when a device is still in the group', async () => {
    nock(ORIGIN).delete('/v5/devicegroups/g1/relationships/devices').replyWithError(lost());
    nock(ORIGIN).delete('/v5/devicegroups/g1/relationships/devices').reply(400, notAssigned);
    nock(ORIGIN).get('/v5/devices/d1').reply(200, device('g1'));
    await expect(api().deviceGroups.removeDevices('g1', ['d1'])).rejects.toMatchObject({ status: 400, afterLostAnswer: true });
  });

  it('does not look when no answer was lost: refused connections never reached the server', async () => {
    nock(ORIGIN).delete('/v5/devicegroups/g1/relationships/devices').replyWithError(refused());
    nock(ORIGIN).delete('/v5/devicegroups/g1/relationships/devices').reply(400, notAssigned);
    await expect(api().deviceGroups.removeDevices('g1', ['d1'])).rejects.toMatchObject({ status: 400, afterLostAnswer: false });
    nock(ORIGIN).delete('/v5/devicegroups/g1/relationships/devices').reply(400, notAssigned);
    await expect(api().deviceGroups.removeDevices('g1', ['d1'])).rejects.toBeInstanceOf(ImpCentralApiError);
  });
});

describe('deleting an entity after a lost answer', () => {
  it('a 404 to the retry means the first attempt deleted it', async () => {
    nock(ORIGIN).delete('/v5/products/p1').replyWithError(lost());
    nock(ORIGIN).delete('/v5/products/p1').reply(404, { errors: [{ status: '404', code: 'PX404', title: 'Resource Not Found', detail: 'p1' }] });
    await expect(api().products.delete('p1')).resolves.toBeUndefined();
  });

  it('a 404 without a lost answer is still not found; other refusals after one still fail', async () => {
    nock(ORIGIN).delete('/v5/products/p1').reply(404, { errors: [{ status: '404', code: 'PX404', title: 'Resource Not Found', detail: 'p1' }] });
    await expect(api().products.delete('p1')).rejects.toMatchObject({ status: 404 });
    nock(ORIGIN).delete('/v5/products/p1').reply(504, 'gateway timeout');
    nock(ORIGIN).delete('/v5/products/p1').reply(409, { errors: [{ status: '409', code: 'PX409', title: 'Conflict', detail: 'has device groups' }] });
    await expect(api().products.delete('p1')).rejects.toMatchObject({ status: 409, afterLostAnswer: true });
  });
});

describe('a change without an answer', () => {
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

  it('a POST is sent once and marked as possibly carried out; a refused one is not', async () => {
    nock(ORIGIN).post('/v5/products').replyWithError(lost());
    const e = await failure(api().products.create({ name: 'x' }));
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).unanswered).toEqual({ method: 'POST', path: '/products' });
    nock(ORIGIN).post('/v5/products').replyWithError(refused());
    expect(((await failure(api().products.create({ name: 'x' }))) as TransportError).unanswered).toBeUndefined();
  });

  it('a PATCH is marked once its three tries lost their answers; a GET never is', async () => {
    nock(ORIGIN).patch('/v5/products/p1').times(3).replyWithError(lost());
    const e = (await failure(api().products.update('p1', { name: 'y' }))) as TransportError;
    expect(e.unanswered).toEqual({ method: 'PATCH', path: '/products/p1' });
    nock(ORIGIN).get('/v5/products/p1').times(3).replyWithError(lost());
    expect(((await failure(api().products.get('p1'))) as TransportError).unanswered).toBeUndefined();
  });
});
