// Entity identification (interface/README.md §9): an id first (only when the
// value can be an id), then the listed attributes in order; hierarchical
// `{account}{product}{dg}` identifiers resolved part by part.
import { ImpCentralApiError } from '../api/errors.js';
import type { Filters } from '../api/collection.js';
import type { ImpCentral, Resource } from '../api/impcentral.js';

export interface EntityKind {
  /** display type used in messages: `Product`, `Device Group`… */
  type: string;
  collection: (api: ImpCentral) => {
    get(id: string): Promise<Resource>;
    list(filters?: Filters): Promise<Resource[]>;
  };
  /** attributes compared after the id, in order */
  attributes: string[];
  /** whether a value can be an impCentral id of this kind (skips the GET otherwise) */
  maybeId: (v: string) => boolean;
  /** number of parts of the hierarchical form, if any */
  parts?: number;
}

const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Whether a value can be sent as one path segment (`GET /webhooks/«v»`):
 * URL parsers resolve `.` and `..` (even percent-encoded), so `/webhooks/..`
 * would reach another resource; such a value is no id of anything.
 */
export const isPathSegment = (v: string): boolean => v.length > 0 && v !== '.' && v !== '..';
const NOT_A_PATH = (v: string) => isPathSegment(v) && !/[/?#%]/.test(v);

export const ACCOUNT: EntityKind = {
  type: 'Account',
  // `me` goes through the client's one read of the current account, which
  // the Owner blocks of the same command use too
  collection: (api) => ({
    get: (id) => (id === 'me' ? api.me() : api.accounts.get(id)),
    list: (filters) => api.accounts.list(filters),
  }),
  attributes: ['email', 'username'],
  // account ids need not look like UUIDs (account.md: `GET /accounts/«value»` first)
  maybeId: (v) => NOT_A_PATH(v),
};
export const PRODUCT: EntityKind = {
  type: 'Product',
  collection: (api) => api.products,
  attributes: ['name'],
  maybeId: (v) => UUID_LIKE.test(v),
  parts: 2,
};
export const DEVICE_GROUP: EntityKind = {
  type: 'Device Group',
  collection: (api) => api.deviceGroups,
  attributes: ['name'],
  // §9.1 step 2 (`GET /devicegroups/«v»`) only for a value that can be an id:
  // impCentral's group ids are UUID-like, so a name costs no extra request
  maybeId: (v) => UUID_LIKE.test(v),
  parts: 3,
};
export const DEVICE: EntityKind = {
  type: 'Device',
  collection: (api) => api.devices,
  attributes: ['mac_address', 'agent_id', 'name'],
  // the devices endpoint accepts an id, a MAC or an agent id in the path
  maybeId: (v) => NOT_A_PATH(v) && /^([0-9a-f]{16}|([0-9a-f]{2}:){5}[0-9a-f]{2}|[A-Za-z0-9_-]{12})$/i.test(v),
};
export const DEPLOYMENT: EntityKind = {
  type: 'Deployment',
  collection: (api) => api.deployments,
  attributes: ['sha', 'tags', 'origin'],
  maybeId: (v) => UUID_LIKE.test(v),
};

export class NotFoundError extends Error {
  constructor(
    readonly kind: EntityKind,
    readonly ident: string,
  ) {
    super(`${kind.type} "${ident}" is not found.`);
    this.name = 'NotFoundError';
  }
}

/**
 * An empty part of a hierarchical identifier (`{}{P}{G}`, `{acct}{}`): impt
 * 2.6.1 treats it as no identifier of that part's type at all.
 */
export class NoIdentifierError extends Error {
  constructor(readonly kind: EntityKind) {
    super(`No ${kind.type} Identifier is specified.`);
    this.name = 'NoIdentifierError';
  }
}

export class AmbiguousError extends Error {
  constructor(
    readonly kind: EntityKind,
    readonly ident: string,
    readonly matches: Resource[],
  ) {
    super(`Multiple ${kind.type}s "${ident}" are found:`);
    this.name = 'AmbiguousError';
  }
}

// entities this module read with `GET /«collection»/«id»` (step 2 of §9.1)
const readById = new WeakSet<Resource>();

/** Whether `r` was read by id while it was identified: an info command need not read it again (§9.1 step 4). */
export function wasReadById(r: Resource): boolean {
  return readById.has(r);
}

function matchesFilters(r: Resource, filters: Filters): boolean {
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined) continue;
    const [rel, field] = k.split('.');
    if (field === 'id') {
      const link = r.relationships?.[rel!];
      if (!link || Array.isArray(link) || link.id !== v) return false;
    } else if (k === 'type' && r.type !== v) return false;
  }
  return true;
}

function attributeMatches(r: Resource, attr: string, v: string): boolean {
  const value = r.attributes[attr];
  if (Array.isArray(value)) return value.includes(v);
  return value === v;
}

export interface FindOptions {
  /** server-side filters the entity must also pass */
  filters?: Filters;
  /** filters applied to the list request only when the server supports them for this search */
  listFilters?: Filters;
}

/** All entities matching `value` (§9.1); an empty array when none. */
export async function findAll(api: ImpCentral, kind: EntityKind, value: string, opts: FindOptions = {}): Promise<Resource[]> {
  const filters = opts.filters ?? {};
  if (kind.parts && value.startsWith('{') && value.endsWith('}')) {
    const parts = value.slice(1, -1).split('}{');
    if (parts.length === kind.parts) {
      try {
        return await findHierarchical(api, kind, parts, filters);
      } catch (e) {
        if (!(e instanceof NotFoundError || e instanceof NoIdentifierError)) throw e;
        const plain = await findPlain(api, kind, value, filters, opts.listFilters);
        if (plain.length) return plain;
        throw e;
      }
    }
  }
  return findPlain(api, kind, value, filters, opts.listFilters);
}

async function findPlain(api: ImpCentral, kind: EntityKind, value: string, filters: Filters, listFilters?: Filters): Promise<Resource[]> {
  const coll = kind.collection(api);
  if (kind.maybeId(value)) {
    try {
      const found = await coll.get(value);
      if (matchesFilters(found, filters)) {
        readById.add(found);
        return [found];
      }
    } catch (e) {
      if (!(e instanceof ImpCentralApiError && (e.status === 404 || e.status === 400))) throw e;
    }
  }
  const all = await coll.list({ ...filters, ...listFilters });
  for (const attr of kind.attributes) {
    const hits = all.filter((r) => attributeMatches(r, attr, value));
    if (hits.length) return hits;
  }
  return [];
}

async function findHierarchical(api: ImpCentral, kind: EntityKind, parts: string[], filters: Filters): Promise<Resource[]> {
  // parts are resolved left to right: an empty one fails when its turn comes
  const kinds = [ACCOUNT, PRODUCT, DEVICE_GROUP];
  const empty = parts.findIndex((p) => p === '');
  const part = (i: number): string => {
    if (i === empty) throw new NoIdentifierError(kinds[i]!);
    return parts[i]!;
  };
  const account = await findOne(api, ACCOUNT, part(0));
  const product = await findOne(api, PRODUCT, part(1), { filters: { 'owner.id': account.id } });
  if (kind === PRODUCT) return [product];
  const dgs = await findAll(api, DEVICE_GROUP, part(2), { filters: { ...filters, 'product.id': product.id } });
  if (!dgs.length) throw new NotFoundError(DEVICE_GROUP, parts[2]!);
  return dgs;
}

/** Exactly one entity, or NotFoundError / AmbiguousError (§9.3). */
export async function findOne(api: ImpCentral, kind: EntityKind, value: string, opts: FindOptions = {}): Promise<Resource> {
  const found = await findAll(api, kind, value, opts);
  if (found.length === 0) throw new NotFoundError(kind, value);
  if (found.length > 1) throw new AmbiguousError(kind, value, found);
  return found[0]!;
}
