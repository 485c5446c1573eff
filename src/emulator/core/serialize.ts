// Records -> JSON:API resources (relationship values are bare linkages;
// empty to-one relationships are omitted).
import type { Resource } from '../../api/wire.js';
import type {
  AccountRec,
  DeploymentRec,
  DeviceGroupRec,
  DeviceRec,
  LoginKeyRec,
  ProductRec,
  RefreshTokenRec,
  WebhookRec,
} from './model.js';
import type { Store } from './store.js';

type Rels = NonNullable<Resource['relationships']>;
const acc = (id: string) => ({ type: 'account', id });



export function account(base: string, a: AccountRec): Resource {
  return {
    type: 'account',
    id: a.id,
    links: { self: `${base}/accounts/${a.id}` },
    attributes: { username: a.username, email: a.email, created_at: a.created_at, updated_at: a.updated_at },
    relationships: {},
  };
}

export function loginKey(base: string, k: LoginKeyRec): Resource {
  return {
    type: 'login_key',
    id: k.id,
    links: { self: `${base}/accounts/me/login_keys/${k.id}` },
    attributes: { description: k.description, usages: k.usages, created_at: k.created_at, updated_at: k.updated_at },
    relationships: { owner: acc(k.account_id) },
  };
}

export function refreshToken(base: string, t: RefreshTokenRec): Resource {
  return {
    type: 'refresh_token',
    id: t.id,
    links: { self: `${base}/accounts/me/refresh_tokens/${t.id}` },
    attributes: { created_at: t.created_at },
  };
}

export function product(base: string, p: ProductRec): Resource {
  return {
    type: 'product',
    id: p.id,
    links: { self: `${base}/products/${p.id}` },
    attributes: { name: p.name, description: p.description, created_at: p.created_at, updated_at: p.updated_at },
    relationships: { owner: acc(p.owner_id), creator: acc(p.creator_id) },
  };
}

export function devicegroup(base: string, g: DeviceGroupRec, store: Store): Resource {
  const attributes: Record<string, unknown> = {
    name: g.name,
    description: g.description,
    region: g.region,
    created_at: g.created_at,
    updated_at: g.updated_at,
  };
  if (g.load_code_after_blessing !== null) attributes.load_code_after_blessing = g.load_code_after_blessing;
  if (g.env_vars !== null) attributes.env_vars = g.env_vars;
  const relationships: Rels = {
    product: { type: 'product', id: g.product_id },
    owner: acc(g.owner_id),
    creator: acc(g.creator_id),
  };
  for (const key of ['production_target', 'dut_target'] as const) {
    const id = g[`${key}_id`];
    const t = id ? store.get('devicegroups', id) : undefined;
    if (t) relationships[key] = { type: t.type, id: t.id };
  }
  if (g.current_deployment_id) relationships.current_deployment = { type: 'deployment', id: g.current_deployment_id };
  if (g.min_supported_deployment_id) {
    relationships.min_supported_deployment = { type: 'deployment', id: g.min_supported_deployment_id };
  }
  return { type: g.type, id: g.id, links: { self: `${base}/devicegroups/${g.id}` }, attributes, relationships };
}

export function deployment(base: string, d: DeploymentRec): Resource {
  const relationships: Rels = {
    product: { type: 'product', id: d.product_id },
    owner: acc(d.owner_id),
    creator: acc(d.creator_id),
  };
  if (d.devicegroup_id && d.devicegroup_type) relationships.devicegroup = { type: d.devicegroup_type, id: d.devicegroup_id };
  if (d.flagger_id) relationships.flagger = acc(d.flagger_id);
  return {
    type: 'deployment',
    id: d.id,
    links: { self: `${base}/deployments/${d.id}` },
    attributes: {
      device_code: d.device_code,
      agent_code: d.agent_code,
      description: d.description,
      origin: d.origin,
      flagged: d.flagged,
      tags: d.tags,
      sha: d.sha,
      created_at: d.created_at,
      updated_at: d.updated_at,
    },
    relationships,
  };
}

export function device(base: string, d: DeviceRec, store: Store): Resource {
  const relationships: Rels = { owner: acc(d.owner_id) };
  const g = d.devicegroup_id ? store.get('devicegroups', d.devicegroup_id) : undefined;
  if (g) {
    relationships.devicegroup = { type: g.type, id: g.id };
    relationships.product = { type: 'product', id: g.product_id };
  } else if (d.devicegroup_id) {
    // only reachable through DELETE /_emulator/entities: a dangling reference
    relationships.devicegroup = { type: 'devicegroup', id: d.devicegroup_id };
  }
  return {
    type: 'device',
    id: d.id,
    links: { self: `${base}/devices/${d.id}` },
    attributes: {
      name: d.name,
      mac_address: d.mac_address,
      agent_id: d.agent_id,
      agent_url: d.agent_url,
      agent_running: d.agent_running,
      agent_state_changed_at: d.agent_state_changed_at,
      device_online: d.device_online,
      device_state_changed_at: d.device_state_changed_at,
      last_enrolled_at: d.last_enrolled_at,
      imp_type: d.imp_type,
      ip_address: d.ip_address,
      free_memory: d.free_memory,
      rssi: d.rssi,
      swversion: d.swversion,
      plan_id: d.plan_id,
      created_at: d.created_at,
      updated_at: d.updated_at,
    },
    relationships,
  };
}

export function webhook(base: string, w: WebhookRec): Resource {
  return {
    type: 'webhook',
    id: w.id,
    links: { self: `${base}/webhooks/${w.id}` },
    attributes: {
      url: w.url,
      event: w.event,
      content_type: w.content_type,
      created_at: w.created_at,
      updated_at: w.updated_at,
    },
    relationships: { devicegroup: { type: w.devicegroup_type, id: w.devicegroup_id } },
  };
}
