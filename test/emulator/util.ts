// Small HTTP client for the emulator conformance tests.
import type { EmulatorHandle } from '../helpers/emulator.js';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(
  emu: EmulatorHandle,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  // like impt: on every request (the emulator refuses a POST without it)
  headers['content-type'] ??= path.startsWith('/auth') ? 'application/json' : 'application/vnd.api+json';
  const res = await fetch(emu.url + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

export async function login(emu: EmulatorHandle, id = 'demo', password = 'demo'): Promise<string> {
  const r = await call(emu, 'POST', '/auth', { body: { id, password } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.access_token as string;
}

/** Client bound to a token. */
export function client(emu: EmulatorHandle, token: string) {
  const c = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    call(emu, method, path, { token, body, headers });
  return {
    get: (path: string) => c('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => c('POST', path, body, headers),
    patch: (path: string, body?: unknown, headers?: Record<string, string>) => c('PATCH', path, body, headers),
    put: (path: string, body?: unknown) => c('PUT', path, body),
    del: (path: string, body?: unknown, headers?: Record<string, string>) => c('DELETE', path, body, headers),
    async createProduct(name: string, description?: string): Promise<any> {
      const r = await c('POST', '/products', {
        data: { type: 'product', attributes: description === undefined ? { name } : { name, description } },
      });
      if (r.status !== 201) throw new Error(`create product: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.data;
    },
    async createDg(productId: string, type: string, name: string, rels: Record<string, unknown> = {}, attrs: Record<string, unknown> = {}): Promise<any> {
      const r = await c('POST', '/devicegroups', {
        data: { type, attributes: { name, ...attrs }, relationships: { product: { type: 'product', id: productId }, ...rels } },
      });
      if (r.status !== 201) throw new Error(`create dg: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.data;
    },
    async deploy(dg: { id: string; type: string }, attrs: Record<string, unknown> = {}): Promise<any> {
      const r = await c('POST', '/deployments', {
        data: {
          type: 'deployment',
          attributes: { device_code: 'server.log("d");', agent_code: 'server.log("a");', ...attrs },
          relationships: { devicegroup: { type: dg.type, id: dg.id } },
        },
      });
      if (r.status !== 201) throw new Error(`deploy: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.data;
    },
  };
}

export const DEMO_DEVICES = ['30000c2a690c0001', '30000c2a690c0002', '30000c2a690c0003'];
