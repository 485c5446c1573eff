// CRUD on one impCentral collection with JSON:API bodies.
import { parseSingle, type Http, type Query } from './http.js';
import { ImpCentralApiError } from './errors.js';
import type { Linkage, Resource } from './wire.js';

export type Filters = Record<string, string | undefined>;
export type Relationships = Record<string, Linkage | null>;

export function filterQuery(filters: Filters = {}): Query {
  const q: Query = {};
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q[`filter[${k}]`] = v;
  return q;
}

export class Collection {
  constructor(
    protected readonly http: Http,
    readonly path: string,
    readonly type: string,
  ) {}

  get(id: string): Promise<Resource> {
    return this.http.getResource(`${this.path}/${encodeURIComponent(id)}`);
  }

  list(filters?: Filters): Promise<Resource[]> {
    return this.http.list(this.path, filterQuery(filters));
  }

  iterate(filters?: Filters): AsyncGenerator<Resource> {
    return this.http.iterate(this.path, filterQuery(filters));
  }

  async create(attributes: Record<string, unknown>, relationships?: Relationships, type = this.type, headers?: Record<string, string>): Promise<Resource> {
    const data: Record<string, unknown> = { type, attributes };
    if (relationships && Object.keys(relationships).length) data.relationships = relationships;
    return parseSingle(await this.http.request('POST', this.path, { body: { data }, headers }));
  }

  async update(id: string, attributes: Record<string, unknown>, relationships?: Relationships, type = this.type, headers?: Record<string, string>): Promise<Resource> {
    const data: Record<string, unknown> = { type, id, attributes };
    if (relationships && Object.keys(relationships).length) data.relationships = relationships;
    return parseSingle(await this.http.request('PATCH', `${this.path}/${encodeURIComponent(id)}`, { body: { data }, headers }));
  }

  async delete(id: string, headers?: Record<string, string>): Promise<void> {
    try {
      await this.http.request('DELETE', `${this.path}/${encodeURIComponent(id)}`, { headers });
    } catch (e) {
      // gone after a retry: the attempt whose answer was lost deleted it
      if (!(e instanceof ImpCentralApiError && e.afterLostAnswer && e.status === 404)) throw e;
    }
  }
}
