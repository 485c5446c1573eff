// /devicegroups, restart, device membership, min_supported_deployment.
import type { Context } from 'hono';
import { DG_WIRE_TYPES, type DgWireType, RelationshipDocument } from '../../api/wire.js';
import { ApiError, err } from '../core/errors.js';
import { type App, type Emulator, type Env, json, me, noContent } from '../core/emulator.js';
import { agentFields, agentIdFor, newUuid } from '../core/ids.js';
import {
  apiBase,
  checkAttributes,
  describeZod,
  listDocument,
  optBoolean,
  optString,
  parseListQuery,
  readJson,
  readWrite,
  type WriteData,
} from '../core/jsonapi.js';
import type { AccountRec, DeviceGroupRec, DeviceRec } from '../core/model.js';
import {
  DUT_TYPES,
  FIXTURE_TARGETS,
  isFixture,
  isOlder,
  isProduction,
  restartDevice,
  visibleDeployment,
  visibleDg,
} from '../core/rules.js';
import * as ser from '../core/serialize.js';
import type { ApiErrorObject } from '../../api/wire.js';

const ENV_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

function parseEnvVars(v: unknown): Record<string, string | number> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw err.validation('Attribute "env_vars" must be a flat JSON object.', 'VX050');
  }
  const out: Record<string, string | number> = {};
  for (const [k, val] of Object.entries(v)) {
    if (!ENV_KEY.test(k)) {
      throw err.validation(`Environment variable name "${k}" must be alphanumeric and start with a letter.`, 'VX051');
    }
    if (typeof val !== 'string' && typeof val !== 'number') {
      throw err.validation(`Environment variable "${k}" must be a string or a number.`, 'VX052');
    }
    out[k] = val;
  }
  return out;
}

export function registerDevicegroups(emu: Emulator, api: App): void {
  const { store } = emu;
  const base = (c: Context) => apiBase(c);
  const out = (c: Context, g: DeviceGroupRec) => ser.devicegroup(base(c), g, store);

  const checkUnique = (productId: string, name: string, exceptId?: string) => {
    for (const g of store.values('devicegroups')) {
      if (g.product_id === productId && g.name === name && g.id !== exceptId) {
        throw err.duplicate('Devicegroups must have unique names.');
      }
    }
  };

  /** Resolves and checks fixture targets from a write body. */
  const resolveTargets = (
    account: AccountRec,
    type: DgWireType,
    productId: string,
    rels: WriteData['relationships'],
    current: { production: string | null; dut: string | null },
  ) => {
    const prodLink = rels?.production_target;
    const dutLink = rels?.dut_target;
    const expected = FIXTURE_TARGETS[type];
    if (!expected) {
      if (prodLink || dutLink) {
        throw err.validation('Only factory and pre-factory device groups may have a production_target or dut_target.', 'VX053');
      }
      return { production: null, dut: null };
    }
    const resolveOne = (link: typeof prodLink, want: DgWireType, key: string): string | null => {
      if (link === undefined) return null;
      if (link === null) throw err.validation(`relationships.${key} is required for ${type}.`, 'VX054');
      const t = visibleDg(emu, account, link.id);
      if (t.type !== want || link.type !== t.type) {
        throw err.validation(`relationships.${key} of a ${type} must be a ${want}.`, 'VX055');
      }
      if (t.product_id !== productId) {
        throw err.validation(`relationships.${key} must belong to the same product.`, 'VX056');
      }
      return t.id;
    };
    const production = resolveOne(prodLink, expected.production, 'production_target') ?? current.production;
    const dut = resolveOne(dutLink, expected.dut, 'dut_target') ?? current.dut;
    if (!production || !dut) {
      throw err.validation(`A ${type} requires both relationships.production_target and relationships.dut_target.`, 'VX054');
    }
    return { production, dut };
  };

  api.get('/devicegroups', (c) => {
    const q = parseListQuery(c, ['owner.id', 'product.id', 'type']);
    const owners = emu.visibleOwners(me(c));
    const owner = q.filters.get('owner.id');
    const product = q.filters.get('product.id');
    const type = q.filters.get('type');
    const items = store.list(
      'devicegroups',
      (g) =>
        owners.has(g.owner_id) &&
        (owner === undefined || g.owner_id === owner) &&
        (product === undefined || g.product_id === product) &&
        (type === undefined || g.type === type),
    );
    return json(c, listDocument(c, '/devicegroups', q, items, (g) => out(c, g)));
  });

  api.post('/devicegroups', async (c) => {
    const data = await readWrite(c, null);
    const account = me(c);
    const type = data.type as DgWireType;
    if (!DG_WIRE_TYPES.includes(type)) throw err.validation(`Invalid device group type "${data.type}".`, 'VX057');
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['name', 'description', 'region', 'env_vars'], 'a new device group');
    const productLink = data.relationships?.product;
    if (!productLink || productLink.type !== 'product') {
      throw err.validation('relationships.product is required.', 'VX058');
    }
    const product = store.get('products', productLink.id);
    if (!product || !emu.canSee(account, product.owner_id)) throw err.notFound('product');
    if (type !== 'development_devicegroup' && !account.production) {
      throw err.permission('This account has no permission to create production device groups.');
    }
    if (attrs.name === undefined) throw err.validation('Attribute "name" is required.', 'VX040');
    const name = optString(attrs, 'name', { min: 1, max: 80 })!;
    const description = optString(attrs, 'description') ?? '';
    const region = optString(attrs, 'region', { max: 80 });
    if (region !== undefined && region !== '' && !isProduction(type)) {
      throw err.validation('Attribute "region" may be set on production and pre-production device groups only.', 'VX059');
    }
    const envVars = attrs.env_vars === undefined ? null : parseEnvVars(attrs.env_vars);
    checkUnique(product.id, name);
    const targets = resolveTargets(account, type, product.id, data.relationships, { production: null, dut: null });
    const now = emu.iso();
    const g = store.put('devicegroups', {
      id: newUuid(),
      type,
      name,
      description,
      region: region ?? '',
      env_vars: envVars,
      load_code_after_blessing: isProduction(type) ? true : null,
      product_id: product.id,
      owner_id: product.owner_id,
      creator_id: account.id,
      production_target_id: targets.production,
      dut_target_id: targets.dut,
      current_deployment_id: null,
      min_supported_deployment_id: null,
      created_at: now,
      updated_at: now,
    });
    emu.events.emit('devicegroup.created', { devicegroup: g });
    return json(c, { data: out(c, g) }, 201);
  });

  api.get('/devicegroups/:id', (c) => json(c, { data: out(c, visibleDg(emu, me(c), c.req.param('id'))) }));

  api.patch('/devicegroups/:id', async (c) => {
    const account = me(c);
    const g = visibleDg(emu, account, c.req.param('id'));
    const data = await readWrite(c, null);
    if (data.type !== g.type) throw err.validation(`data.type must be "${g.type}"; the type of a device group cannot be changed.`, 'VX060');
    if (data.id !== undefined && data.id !== g.id) throw err.validation('data.id does not match the URL.', 'VX042');
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['name', 'description', 'load_code_after_blessing', 'env_vars'], 'an existing device group');
    const name = optString(attrs, 'name', { min: 1, max: 80 });
    const description = optString(attrs, 'description');
    const lcab = optBoolean(attrs, 'load_code_after_blessing');
    if (lcab !== undefined && !isProduction(g.type)) {
      throw err.validation(
        'Attribute "load_code_after_blessing" may be set on production and pre-production device groups only.',
        'VX061',
      );
    }
    let envVars = g.env_vars;
    if (attrs.env_vars !== undefined) {
      if (account.id !== g.owner_id) throw err.permission('Only the owner of a device group may change its env_vars.', 'PX002');
      envVars = parseEnvVars(attrs.env_vars);
    }
    const rels = data.relationships ?? {};
    for (const k of Object.keys(rels)) {
      if (k !== 'production_target' && k !== 'dut_target') {
        throw err.validation(`Relationship "${k}" cannot be changed on a device group.`, 'VX062');
      }
    }
    const targets = resolveTargets(account, g.type, g.product_id, data.relationships, {
      production: g.production_target_id,
      dut: g.dut_target_id,
    });
    if (name !== undefined) checkUnique(g.product_id, name, g.id);
    const updated = store.put('devicegroups', {
      ...g,
      name: name ?? g.name,
      description: description ?? g.description,
      load_code_after_blessing: lcab ?? g.load_code_after_blessing,
      env_vars: envVars,
      production_target_id: targets.production,
      dut_target_id: targets.dut,
      updated_at: emu.iso(),
    });
    emu.events.emit('devicegroup.updated', { devicegroup: updated });
    return json(c, { data: out(c, updated) });
  });

  api.delete('/devicegroups/:id', (c) => {
    const g = visibleDg(emu, me(c), c.req.param('id'));
    if (store.devicesInGroup(g.id).length > 0) {
      throw err.constraint(
        'Devicegroup Not Empty',
        'Cannot delete a devicegroup with assigned devices; unassign them first.',
        'CX004',
      );
    }
    const deployments = store.list('deployments', (d) => d.devicegroup_id === g.id);
    if (deployments.some((d) => d.flagged)) {
      throw err.constraint(
        'Flagged Deployments Exist',
        'Cannot delete a devicegroup with flagged deployments; set their flagged attribute to false and try again.',
        'CX005',
      );
    }
    for (const other of store.values('devicegroups')) {
      if (other.production_target_id === g.id || other.dut_target_id === g.id) {
        throw err.constraint(
          'Dependent Devicegroups Exist',
          'Cannot delete a devicegroup that is the production_target or dut_target of another devicegroup.',
          'CX006',
        );
      }
    }
    const now = emu.iso();
    // zombies keep id and sha but give up the labels that named them in
    // their group, so a new group may reuse them (docs/emulator.md)
    for (const d of deployments) {
      store.put('deployments', { ...d, devicegroup_id: null, devicegroup_type: null, tags: [], origin: '', updated_at: now });
    }
    for (const w of store.list('webhooks', (w) => w.devicegroup_id === g.id)) store.delete('webhooks', w.id);
    store.delete('devicegroups', g.id);
    emu.events.emit('devicegroup.deleted', { devicegroup: g });
    return noContent(c);
  });

  const restart = (conditional: boolean) => (c: Context<Env>) => {
    const g = visibleDg(emu, me(c), c.req.param('id') ?? '');
    for (const d of store.devicesInGroup(g.id)) restartDevice(emu, d, conditional);
    emu.events.emit('devicegroup.restarted', { devicegroup: g, conditional });
    return noContent(c);
  };
  api.post('/devicegroups/:id/restart', restart(false));
  api.post('/devicegroups/:id/conditional_restart', restart(true));

  // ---- membership --------------------------------------------------------

  const readDeviceRefs = async (c: Context<Env>): Promise<string[]> => {
    const r = RelationshipDocument.safeParse(await readJson(c));
    if (!r.success) throw err.validation(describeZod(r.error), 'VX070');
    const links = Array.isArray(r.data.data) ? r.data.data : [r.data.data];
    if (links.length === 0) throw err.validation('At least one device is required.', 'VX071');
    for (const l of links) if (l.type !== 'device') throw err.validation(`Invalid resource type "${l.type}".`, 'VX022');
    return links.map((l) => l.id);
  };

  const bulkResult = (c: Context<Env>, errors: ApiErrorObject[]) => {
    if (errors.length === 0) return noContent(c);
    const statuses = new Set(errors.map((e) => e.status));
    const status = statuses.size === 1 && !statuses.has('404') ? Number([...statuses][0]) : 400;
    throw new ApiError(status, errors);
  };

  const deviceError = (status: number, code: string, title: string, detail: string): ApiErrorObject => ({
    code,
    status: String(status),
    title,
    detail,
  });

  const notFoundFor = (ref: string) =>
    deviceError(404, 'NF001', 'Resource Not Found', `The requested device "${ref}" could not be found.`);

  /** Why a device may not move into `g`, or null when allowed. */
  const assignRefusal = (d: DeviceRec, g: DeviceGroupRec): ApiErrorObject | null => {
    const from = d.devicegroup_id ? store.get('devicegroups', d.devicegroup_id) : undefined;
    if (from?.id === g.id) return null;
    if (isProduction(g.type)) {
      if (from && from.type === g.type && from.product_id === g.product_id) return null;
      return deviceError(
        403,
        'PX010',
        'Invalid Permission',
        `Device ${d.id} cannot be assigned manually to a ${g.type}; devices enter production device groups by blessing only (they may move between production device groups of the same product).`,
      );
    }
    if (DUT_TYPES.includes(g.type)) {
      return deviceError(
        403,
        'PX011',
        'Invalid Permission',
        `Device ${d.id} cannot be assigned manually to a ${g.type}; devices under test arrive through factory BlinkUp.`,
      );
    }
    if (from && isProduction(from.type)) {
      return deviceError(
        409,
        'CX020',
        'Invalid Assignment',
        `Device ${d.id} is a production device; unassign it with the unbond key before assigning it elsewhere.`,
      );
    }
    if (isFixture(g.type) && d.imp_type === 'imp001') {
      return deviceError(409, 'CX021', 'Invalid Assignment', `Device ${d.id} is an imp001 and cannot be a factory fixture.`);
    }
    return null;
  };

  api.post('/devicegroups/:id/relationships/devices', async (c) => {
    const account = me(c);
    const g = visibleDg(emu, account, c.req.param('id'));
    const refs = await readDeviceRefs(c);
    const errors: ApiErrorObject[] = [];
    for (const ref of refs) {
      let d = store.findDevice(ref);
      // an unassigned device cannot be addressed by its agent id here
      if (d && !d.devicegroup_id && d.agent_id === ref && d.id !== ref) d = undefined;
      if (!d || !emu.canSee(account, d.owner_id)) {
        errors.push(notFoundFor(ref));
        continue;
      }
      const refusal = assignRefusal(d, g);
      if (refusal) {
        errors.push(refusal);
        continue;
      }
      if (d.devicegroup_id === g.id) {
        // assigning a device to its own group again makes it load the
        // group's current deployment (impt test run relies on it; INFERENCE)
        if (g.current_deployment_id) emu.events.emit('device.assigned', { device: d, devicegroup: g, previousDevicegroupId: g.id });
        continue;
      }
      const previous = d.devicegroup_id;
      const now = emu.iso();
      // an unassigned device has no agent: it gets one again with the
      // assignment, its id derived from the device and plan ids (§9.1)
      const agent = d.agent_id ? {} : agentFields(agentIdFor(d.id, d.plan_id ?? ''), now);
      const moved = store.put('devices', { ...d, ...agent, devicegroup_id: g.id, updated_at: now });
      emu.events.emit('device.assigned', { device: moved, devicegroup: g, previousDevicegroupId: previous });
    }
    return bulkResult(c, errors);
  });

  api.delete('/devicegroups/:id/relationships/devices', async (c) => {
    const account = me(c);
    const g = visibleDg(emu, account, c.req.param('id'));
    const refs = await readDeviceRefs(c);
    const production = isProduction(g.type);
    if (production) {
      const owner = store.get('accounts', g.owner_id);
      const key = c.req.header('x-electricimp-key');
      if (!key || !owner || key !== owner.unbond_key) {
        throw err.permission(
          key
            ? 'The unbond key is invalid.'
            : 'An unbond key (X-Electricimp-Key) is required to unassign devices from a production device group.',
          'PX012',
        );
      }
    }
    const errors: ApiErrorObject[] = [];
    for (const ref of refs) {
      const d = store.findDevice(ref);
      if (!d || !emu.canSee(account, d.owner_id)) {
        errors.push(notFoundFor(ref));
        continue;
      }
      if (d.devicegroup_id !== g.id) {
        errors.push(deviceError(400, 'VX072', 'Invalid Assignment', `Device ${d.id} is not assigned to this devicegroup.`));
        continue;
      }
      const now = emu.iso();
      // the agent goes away with the assignment: an unassigned device has
      // no agent id (device info shows it empty) and no agent URL
      const freed = store.put('devices', {
        ...d,
        ...agentFields(null, now),
        devicegroup_id: null,
        ...(production ? { plan_id: null } : {}),
        updated_at: now,
      });
      emu.events.emit('device.unassigned', { device: freed, devicegroupId: g.id, unbonded: production });
    }
    return bulkResult(c, errors);
  });

  api.put('/devicegroups/:id/relationships/min_supported_deployment', async (c) => {
    const account = me(c);
    const g = visibleDg(emu, account, c.req.param('id'));
    const r = RelationshipDocument.safeParse(await readJson(c));
    if (!r.success || Array.isArray(r.data.data)) throw err.validation('Body must be {"data": {"type": "deployment", "id": ...}}.', 'VX080');
    const link = r.data.data;
    if (link.type !== 'deployment') throw err.validation(`Invalid resource type "${link.type}".`, 'VX022');
    const dep = visibleDeployment(emu, account, link.id);
    if (dep.devicegroup_id !== g.id) {
      throw err.validation('The min_supported_deployment must be a deployment of this devicegroup.', 'VX081');
    }
    const current = g.min_supported_deployment_id ? store.get('deployments', g.min_supported_deployment_id) : undefined;
    if (current && isOlder(dep, current)) {
      throw err.constraint(
        'Invalid Deployment',
        'The min_supported_deployment cannot be set to a deployment older than the current one.',
        'CX030',
      );
    }
    const updated = store.put('devicegroups', { ...g, min_supported_deployment_id: dep.id, updated_at: emu.iso() });
    emu.events.emit('devicegroup.updated', { devicegroup: updated });
    return json(c, { data: out(c, updated) });
  });
}
