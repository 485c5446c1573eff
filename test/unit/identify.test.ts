// Identifier parsing and the search order of interface/README.md §9 against
// an in-memory impCentral: which values are read by id (only those that can
// be an id), attribute order, hierarchical parts, the plain retry.
import { describe, expect, it } from 'vitest';
import { ImpCentralApiError } from '../../src/api/errors.js';
import type { ImpCentral, Resource } from '../../src/api/impcentral.js';
import {
  ACCOUNT,
  AmbiguousError,
  DEPLOYMENT,
  DEVICE,
  DEVICE_GROUP,
  findAll,
  findOne,
  isPathSegment,
  NoIdentifierError,
  NotFoundError,
  PRODUCT,
  wasReadById,
} from '../../src/identify/index.js';

const ME = 'acc-me';
const res = (type: string, id: string, attributes: Record<string, unknown>, rels: Record<string, string> = {}): Resource =>
  ({
    type,
    id,
    attributes,
    relationships: Object.fromEntries(Object.entries(rels).map(([k, v]) => [k, { type: k, id: v }])),
  }) as Resource;

const P1 = '0b7b4e0c-1c2d-4e5f-8a9b-000000000001';
const P2 = '0b7b4e0c-1c2d-4e5f-8a9b-000000000002';
const G1 = '0b7b4e0c-1c2d-4e5f-8a9b-0000000000a1';

const DATA: Record<string, Resource[]> = {
  accounts: [res('account', ME, { username: 'demo', email: 'demo@x' }), res('account', 'acc-bob', { username: 'bob', email: 'bob@x' })],
  products: [res('product', P1, { name: 'Lamp' }, { owner: ME }), res('product', P2, { name: 'Lamp' }, { owner: 'acc-bob' })],
  devicegroups: [
    res('development_devicegroup', G1, { name: 'Dev' }, { product: P1 }),
    res('development_devicegroup', 'g2', { name: G1 }, { product: P2 }),
  ],
  devices: [
    res('device', '30000c2a690c0001', { name: 'a', mac_address: '0c:2a:69:0c:00:01', agent_id: 'Agent0000001' }),
    res('device', '30000c2a690c0002', { name: 'Agent0000001', mac_address: '0c:2a:69:0c:00:02', agent_id: null }),
  ],
  deployments: [
    res('deployment', 'd1', { sha: 'a'.repeat(64), tags: ['t'], origin: 'x' }),
    res('deployment', 'd2', { sha: 'b'.repeat(64), tags: ['x'], origin: 't' }),
  ],
};

/** A fake API over DATA recording `GET id` / `LIST filters` calls. */
function fakeApi() {
  const calls: string[] = [];
  const coll = (name: string) => ({
    async get(id: string) {
      calls.push(`GET ${name}/${id}`);
      const r = DATA[name]!.find((x) => x.id === (name === 'accounts' && id === 'me' ? ME : id));
      if (!r) throw new ImpCentralApiError(404, [], 'GET', `/${name}/${id}`);
      return r;
    },
    async list(filters: Record<string, string | undefined> = {}) {
      const f = Object.entries(filters).filter(([, v]) => v !== undefined);
      calls.push(`LIST ${name}${f.length ? ` ${f.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`);
      return DATA[name]!.filter((r) =>
        f.every(([k, v]) => {
          const link = r.relationships?.[k.split('.')[0]!];
          return link && !Array.isArray(link) && link.id === v;
        }),
      );
    },
  });
  const api = {
    accounts: coll('accounts'),
    products: coll('products'),
    deviceGroups: coll('devicegroups'),
    devices: coll('devices'),
    deployments: coll('deployments'),
    me: () => coll('accounts').get('me'),
  } as unknown as ImpCentral;
  return { api, calls };
}

const ids = (rs: Resource[]) => rs.map((r) => r.id);

describe('which values are read by id first', () => {
  it('products, groups and deployments: UUID-like values only', () => {
    for (const kind of [PRODUCT, DEVICE_GROUP, DEPLOYMENT]) {
      expect(kind.maybeId(P1)).toBe(true);
      expect(kind.maybeId(P1.toUpperCase())).toBe(true);
      expect(kind.maybeId('Lamp')).toBe(false);
      expect(kind.maybeId('a'.repeat(64))).toBe(false);
      expect(kind.maybeId(`${P1}x`)).toBe(false);
    }
  });

  it('devices: an id, a MAC with colons in any case, or an agent-id-like value', () => {
    for (const v of ['30000c2a690c0001', '0c:2a:69:0c:00:01', '0C:2A:69:0C:00:01', 'T1oUmIZ3At_N', '0c2a690c0001']) expect(DEVICE.maybeId(v), v).toBe(true);
    for (const v of ['kitchen', '0c-2a-69-0c-00-01', 'me', '', '..', 'a/b/c/d/e/f/']) expect(DEVICE.maybeId(v), v).toBe(false);
  });

  it('accounts: any value that is one path segment (ids need not look like UUIDs)', () => {
    for (const v of ['me', 'bob', 'bob@example.com', 'acc0000000000002']) expect(ACCOUNT.maybeId(v), v).toBe(true);
    for (const v of ['', '.', '..', 'a/b', 'a?b', 'a#b', '50%']) expect(ACCOUNT.maybeId(v), v).toBe(false);
  });

  it('isPathSegment', () => {
    expect([' ', 'a', '...', 'a.b'].every(isPathSegment)).toBe(true);
    expect(['', '.', '..'].some(isPathSegment)).toBe(false);
  });
});

describe('findAll / findOne', () => {
  it('a name is listed without a GET; every match of the first matching attribute is returned', async () => {
    const { api, calls } = fakeApi();
    expect(ids(await findAll(api, PRODUCT, 'Lamp'))).toEqual([P1, P2]);
    expect(calls).toEqual(['LIST products']);
    await expect(findOne(api, PRODUCT, 'Lamp')).rejects.toBeInstanceOf(AmbiguousError);
  });

  it('an id wins over a name equal to it; a UUID-like name that is no id is found by name', async () => {
    const { api, calls } = fakeApi();
    const found = await findAll(api, DEVICE_GROUP, G1);
    expect(ids(found)).toEqual([G1]);
    expect(wasReadById(found[0]!)).toBe(true);
    expect(calls).toEqual([`GET devicegroups/${G1}`]);
    const other = await findAll(api, DEVICE_GROUP, G1, { filters: { 'product.id': P2 } });
    expect(ids(other)).toEqual(['g2']);
    expect(wasReadById(other[0]!)).toBe(false);
  });

  it('device attributes in order mac_address, agent_id, name', async () => {
    const { api } = fakeApi();
    expect(ids(await findAll(api, DEVICE, 'Agent0000001'))).toEqual(['30000c2a690c0001']);
    expect(ids(await findAll(api, DEVICE, 'a'))).toEqual(['30000c2a690c0001']);
  });

  it('deployment attributes in order sha, tags (membership), origin', async () => {
    const { api } = fakeApi();
    expect(ids(await findAll(api, DEPLOYMENT, 't'))).toEqual(['d1']);
    expect(ids(await findAll(api, DEPLOYMENT, 'x'))).toEqual(['d2']);
  });

  it('hierarchical: parts filtered by their parent, `me` read through the client', async () => {
    const { api, calls } = fakeApi();
    expect(ids(await findAll(api, DEVICE_GROUP, '{me}{Lamp}{Dev}'))).toEqual([G1]);
    expect(calls).toEqual(['GET accounts/me', `LIST products owner.id=${ME}`, `LIST devicegroups product.id=${P1}`]);
    expect(ids(await findAll(api, PRODUCT, '{bob@x}{Lamp}'))).toEqual([P2]);
  });

  it('hierarchical: a failing part is reported after a plain retry of the whole string', async () => {
    const { api, calls } = fakeApi();
    const e = await findAll(api, PRODUCT, '{me}{Nope}').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as NotFoundError).message).toBe('Product "Nope" is not found.');
    expect(calls.at(-1)).toBe('LIST products');
    // an empty part is no identifier of its type (impt 2.6.1), reported when its turn comes
    const empty = await findAll(api, DEVICE_GROUP, '{}{Lamp}{Dev}').catch((x: unknown) => x);
    expect(empty).toBeInstanceOf(NoIdentifierError);
    expect((empty as NoIdentifierError).message).toBe('No Account Identifier is specified.');
    expect(calls.at(-1)).toBe('LIST devicegroups');
    calls.length = 0;
    const emptyDg = await findAll(api, DEVICE_GROUP, '{me}{Lamp}{}').catch((x: unknown) => x);
    expect((emptyDg as NoIdentifierError).message).toBe('No Device Group Identifier is specified.');
    expect(calls.slice(0, 2)).toEqual(['GET accounts/me', `LIST products owner.id=${ME}`]);
    const emptyProduct = await findAll(api, PRODUCT, '{me}{}').catch((x: unknown) => x);
    expect((emptyProduct as NoIdentifierError).message).toBe('No Product Identifier is specified.');
  });

  it('another number of parts, or no closing brace, is a plain identifier', async () => {
    for (const v of ['{me}{Lamp}{Dev}', '{me}', '{}', '{', '{me}{Lamp']) {
      const { api, calls } = fakeApi();
      expect(await findAll(api, PRODUCT, v)).toEqual([]);
      expect(calls).toEqual(['LIST products']);
    }
  });
});
