// The typed impCentral v5 client: one object per resource collection plus
// the action endpoints. Knows nothing of the CLI.
import { Collection } from './collection.js';
import { ImpCentralApiError, UnexpectedResponseError } from './errors.js';
import { parseSingle, type Http } from './http.js';
import type { Linkage, Resource } from './wire.js';

class DeviceGroups extends Collection {
  restart(id: string, conditional = false): Promise<unknown> {
    return this.http.request('POST', `${this.path}/${id}/${conditional ? 'conditional_restart' : 'restart'}`);
  }
  addDevices(id: string, deviceIds: string[]): Promise<unknown> {
    return this.http.request('POST', `${this.path}/${id}/relationships/devices`, {
      body: { data: deviceIds.map((d) => ({ type: 'device', id: d })) },
    });
  }
  async removeDevices(id: string, deviceIds: string[], unbondKey?: string): Promise<void> {
    try {
      await this.http.request('DELETE', `${this.path}/${id}/relationships/devices`, {
        body: { data: deviceIds.map((d) => ({ type: 'device', id: d })) },
        headers: unbondKey !== undefined ? { 'X-Electricimp-Key': unbondKey } : undefined,
      });
    } catch (e) {
      // a retry refused because an attempt whose answer was lost already
      // unassigned the devices is a success: check the devices themselves
      if (!(e instanceof ImpCentralApiError && e.afterLostAnswer && e.status < 500)) throw e;
      for (const deviceId of deviceIds) {
        const device = parseSingle(await this.http.get(`/devices/${encodeURIComponent(deviceId)}`));
        const group = device.relationships?.devicegroup;
        if (group && !Array.isArray(group) && group.id === id) throw e;
      }
    }
  }
  setMinSupportedDeployment(id: string, deploymentId: string): Promise<unknown> {
    return this.http.request('PUT', `${this.path}/${id}/relationships/min_supported_deployment`, {
      body: { data: { type: 'deployment', id: deploymentId } },
    });
  }
}

class Devices extends Collection {
  restart(id: string, conditional = false): Promise<unknown> {
    return this.http.request('POST', `${this.path}/${encodeURIComponent(id)}/${conditional ? 'conditional_restart' : 'restart'}`);
  }
  /** One page of historical logs (page 1 = newest). */
  async logs(id: string, page?: { number?: number; size?: number }): Promise<{ data: unknown[]; links: Record<string, string> }> {
    const query: Record<string, number> = {};
    if (page?.number !== undefined) query['page[number]'] = page.number;
    if (page?.size !== undefined) query['page[size]'] = page.size;
    const body = (await this.http.get(`${this.path}/${encodeURIComponent(id)}/logs`, query)) as {
      data?: unknown;
      links?: Record<string, string>;
    } | null;
    // an answer without its list (an HTML page, a cut-off body) is no empty page
    if (!body || typeof body !== 'object' || !Array.isArray(body.data)) throw new UnexpectedResponseError('log page without a data array');
    return { data: body.data, links: body.links ?? {} };
  }
}

class LoginKeys extends Collection {
  createWithPassword(password: string, description?: string): Promise<Resource> {
    const attrs: Record<string, unknown> = {};
    if (description !== undefined) attrs.description = description;
    return this.create(attrs, undefined, this.type, { 'X-Electricimp-Password': password });
  }
  updateWithPassword(id: string, password: string, description: string): Promise<Resource> {
    return this.update(id, { description }, undefined, this.type, { 'X-Electricimp-Password': password });
  }
  deleteWithPassword(id: string, password: string): Promise<void> {
    return this.delete(id, { 'X-Electricimp-Password': password });
  }
}

class LogStreams {
  constructor(private readonly http: Http) {}
  async create(): Promise<Resource> {
    return parseSingle(await this.http.request('POST', '/logstream'));
  }
  addDevice(streamId: string, deviceId: string): Promise<unknown> {
    return this.http.request('PUT', `/logstream/${streamId}/${encodeURIComponent(deviceId)}`);
  }
  removeDevice(streamId: string, deviceId: string): Promise<unknown> {
    return this.http.request('DELETE', `/logstream/${streamId}/${encodeURIComponent(deviceId)}`);
  }
  /** Absolute URL of the Server-Sent Events stream (no token needed). */
  url(streamId: string): string {
    return `${this.http.endpoint.replace(/\/+$/, '')}/logstream/${streamId}?format=json`;
  }
}

export class ImpCentral {
  readonly accounts: Collection;
  readonly products: Collection;
  readonly deviceGroups: DeviceGroups;
  readonly deployments: Collection;
  readonly devices: Devices;
  readonly webhooks: Collection;
  readonly loginKeys: LoginKeys;
  readonly logStreams: LogStreams;

  constructor(readonly http: Http) {
    this.accounts = new Collection(http, '/accounts', 'account');
    this.products = new Collection(http, '/products', 'product');
    this.deviceGroups = new DeviceGroups(http, '/devicegroups', 'devicegroup');
    this.deployments = new Collection(http, '/deployments', 'deployment');
    this.devices = new Devices(http, '/devices', 'device');
    this.webhooks = new Collection(http, '/webhooks', 'webhook');
    this.loginKeys = new LoginKeys(http, '/accounts/me/login_keys', 'login_key');
    this.logStreams = new LogStreams(http);
  }

  private current?: Promise<Resource>;

  /** The logged-in account: `GET /accounts/me`, read once per client (one command). */
  me(): Promise<Resource> {
    return (this.current ??= this.accounts.get('me'));
  }
}

export type { Linkage, Resource };
