// /deployments
import type { Context } from 'hono';
import { type DgWireType } from '../../api/wire.js';
import { err } from '../core/errors.js';
import { type App, type Emulator, json, me, noContent } from '../core/emulator.js';
import { newUuid, sha256 } from '../core/ids.js';
import { apiBase, checkAttributes, listDocument, optBoolean, optString, parseListQuery, readWrite } from '../core/jsonapi.js';
import { isOlder, visibleDeployment, visibleDg } from '../core/rules.js';
import * as ser from '../core/serialize.js';

const TAG = /^[A-Za-z0-9_\-*.]+$/;

function parseTags(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) {
    throw err.validation('Attribute "tags" must be an array of strings.', 'VX090');
  }
  const tags = v as string[];
  for (const t of tags) {
    if (!TAG.test(t)) {
      throw err.validation(`Tag "${t}" is invalid; tags may contain letters, digits, "_", "-", "*" and "." only.`, 'VX091');
    }
  }
  if (tags.join('').length > 500) throw err.validation('All tags together must not exceed 500 characters.', 'VX092');
  return tags;
}

export function registerDeployments(emu: Emulator, api: App): void {
  const { store } = emu;
  let seq = 0;
  for (const d of store.values('deployments')) seq = Math.max(seq, d.seq);
  emu.events.on('emulator.reset', () => (seq = 0));
  const out = (c: Context, d: Parameters<typeof ser.deployment>[1]) => ser.deployment(apiBase(c), d);

  api.get('/deployments', (c) => {
    const q = parseListQuery(c, [
      'owner.id',
      'creator.id',
      'product.id',
      'devicegroup.id',
      'sha',
      'flagged',
      'flagger.id',
      'tags',
    ]);
    const f = q.filters;
    const flagged = f.get('flagged');
    if (flagged !== undefined && !['true', 'false', 'any'].includes(flagged)) {
      throw err.validation('filter[flagged] must be true, false or any.', 'VX093');
    }
    const tags = f.get('tags')?.split(',').filter((t) => t !== '');
    const owners = emu.visibleOwners(me(c));
    const eq = (key: string, value: string | null) => {
      const want = f.get(key);
      return want === undefined || want === value;
    };
    const items = store.list(
      'deployments',
      (d) =>
        owners.has(d.owner_id) &&
        eq('owner.id', d.owner_id) &&
        eq('creator.id', d.creator_id) &&
        eq('product.id', d.product_id) &&
        eq('devicegroup.id', d.devicegroup_id) &&
        eq('sha', d.sha) &&
        eq('flagger.id', d.flagger_id) &&
        (flagged === undefined || flagged === 'any' || String(d.flagged) === flagged) &&
        (!tags || tags.every((t) => d.tags.includes(t))),
    );
    return json(c, listDocument(c, '/deployments', q, items, (d) => out(c, d)));
  });

  api.post('/deployments', async (c) => {
    const account = me(c);
    const data = await readWrite(c, ['deployment']);
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['device_code', 'agent_code', 'description', 'origin', 'flagged', 'tags'], 'a new deployment');
    for (const k of ['device_code', 'agent_code']) {
      if (typeof attrs[k] !== 'string') throw err.validation(`Attribute "${k}" is required and must be a string.`, 'VX094');
    }
    const link = data.relationships?.devicegroup;
    if (!link) throw err.validation('relationships.devicegroup is required.', 'VX095');
    const g = visibleDg(emu, account, link.id);
    if (link.type !== g.type) throw err.validation(`relationships.devicegroup.type must be "${g.type}".`, 'VX096');
    const deviceCode = attrs.device_code as string;
    const agentCode = attrs.agent_code as string;
    for (const check of emu.codeChecks) check({ device_code: deviceCode, agent_code: agentCode });
    const description = optString(attrs, 'description') ?? '';
    const origin = optString(attrs, 'origin') ?? '';
    const flagged = optBoolean(attrs, 'flagged') ?? false;
    const tags = parseTags(attrs.tags) ?? [];
    const now = emu.iso();
    const dep = store.put('deployments', {
      id: newUuid(),
      seq: ++seq,
      device_code: deviceCode,
      agent_code: agentCode,
      description,
      origin,
      flagged,
      tags,
      sha: sha256(`${deviceCode}\n${agentCode}`),
      devicegroup_id: g.id,
      devicegroup_type: g.type as DgWireType,
      product_id: g.product_id,
      owner_id: g.owner_id,
      creator_id: account.id,
      flagger_id: flagged ? account.id : null,
      created_at: now,
      updated_at: now,
    });
    const updatedDg = store.put('devicegroups', { ...g, current_deployment_id: dep.id, updated_at: now });
    emu.events.emit('deployment.created', { deployment: dep, devicegroup: updatedDg });
    return json(c, { data: out(c, dep) }, 201);
  });

  api.get('/deployments/:id', (c) => json(c, { data: out(c, visibleDeployment(emu, me(c), c.req.param('id'))) }));

  api.patch('/deployments/:id', async (c) => {
    const account = me(c);
    const dep = visibleDeployment(emu, account, c.req.param('id'));
    const data = await readWrite(c, ['deployment']);
    if (data.id !== undefined && data.id !== dep.id) throw err.validation('data.id does not match the URL.', 'VX042');
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['description', 'flagged', 'tags'], 'an existing deployment');
    const description = optString(attrs, 'description');
    const flagged = optBoolean(attrs, 'flagged');
    const tags = parseTags(attrs.tags);
    const updated = store.put('deployments', {
      ...dep,
      description: description ?? dep.description,
      flagged: flagged ?? dep.flagged,
      flagger_id: flagged === undefined ? dep.flagger_id : flagged ? (dep.flagged ? dep.flagger_id : account.id) : null,
      tags: tags ?? dep.tags,
      updated_at: emu.iso(),
    });
    return json(c, { data: out(c, updated) });
  });

  api.delete('/deployments/:id', (c) => {
    const dep = visibleDeployment(emu, me(c), c.req.param('id'));
    if (dep.flagged) {
      throw err.constraint(
        'Resource Flagged',
        'You cannot delete flagged deployments; set the flagged attribute to false and try again.',
        'CX007',
      );
    }
    const g = dep.devicegroup_id ? store.get('devicegroups', dep.devicegroup_id) : undefined;
    if (g) {
      const min = g.min_supported_deployment_id ? store.get('deployments', g.min_supported_deployment_id) : undefined;
      if (min && !isOlder(dep, min)) {
        throw err.constraint(
          'Deployment In Use',
          "Cannot delete the devicegroup's min_supported_deployment or a deployment newer than it.",
          'CX008',
        );
      }
      if (g.current_deployment_id === dep.id) {
        throw err.constraint('Deployment In Use', "Cannot delete the devicegroup's current_deployment.", 'CX009');
      }
    }
    store.delete('deployments', dep.id);
    emu.events.emit('deployment.deleted', { deployment: dep });
    return noContent(c);
  });
}
