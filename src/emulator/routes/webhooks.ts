// /webhooks
import type { Context } from 'hono';
import { err, ApiError } from '../core/errors.js';
import { type App, type Emulator, json, me, noContent } from '../core/emulator.js';
import { newUuid } from '../core/ids.js';
import { apiBase, checkAttributes, listDocument, parseListQuery, readWrite } from '../core/jsonapi.js';
import type { WebhookRec } from '../core/model.js';
import { isProduction, visibleDg } from '../core/rules.js';
import * as ser from '../core/serialize.js';

const EVENTS = ['blessing', 'blinkup', 'deployment'] as const;
const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;

function checkUrl(v: unknown): string {
  const bad = () => ApiError.one(400, 'VX110', 'Invalid URL', 'The provided URL is invalid.');
  if (typeof v !== 'string' || v.length > 2048) throw bad();
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw bad();
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) throw bad();
  return v;
}

function checkContentType(v: unknown): WebhookRec['content_type'] {
  if (!CONTENT_TYPES.includes(v as WebhookRec['content_type'])) {
    throw err.validation(`Attribute "content_type" must be one of ${CONTENT_TYPES.join(', ')}.`, 'VX111');
  }
  return v as WebhookRec['content_type'];
}

export function registerWebhooks(emu: Emulator, api: App): void {
  const { store } = emu;
  const out = (c: Context, w: WebhookRec) => ser.webhook(apiBase(c), w);
  const visibleWebhook = (c: Context, id: string) => {
    const w = store.get('webhooks', id);
    if (!w || !emu.canSee(me(c as never), w.owner_id)) throw err.notFound('webhook');
    return w;
  };

  api.get('/webhooks', (c) => {
    const q = parseListQuery(c, ['devicegroup.id']);
    const owners = emu.visibleOwners(me(c));
    const dg = q.filters.get('devicegroup.id');
    const items = store.list('webhooks', (w) => owners.has(w.owner_id) && (dg === undefined || w.devicegroup_id === dg));
    return json(c, listDocument(c, '/webhooks', q, items, (w) => out(c, w)));
  });

  api.post('/webhooks', async (c) => {
    const account = me(c);
    const data = await readWrite(c, ['webhook']);
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['url', 'event', 'content_type'], 'a new webhook');
    const link = data.relationships?.devicegroup;
    if (!link) throw err.validation('relationships.devicegroup is required.', 'VX112');
    const g = visibleDg(emu, account, link.id);
    if (!EVENTS.includes(attrs.event as WebhookRec['event'])) {
      throw err.validation(`Attribute "event" must be one of ${EVENTS.join(', ')}.`, 'VX113');
    }
    const event = attrs.event as WebhookRec['event'];
    const url = checkUrl(attrs.url);
    const contentType = checkContentType(attrs.content_type);
    if (event !== 'deployment' && !isProduction(g.type)) {
      throw err.validation(
        `"${event}" webhooks may be created on production and pre-production device groups only.`,
        'VX114',
      );
    }
    const now = emu.iso();
    const w = store.put('webhooks', {
      id: newUuid(),
      url,
      event,
      content_type: contentType,
      devicegroup_id: g.id,
      devicegroup_type: g.type,
      owner_id: g.owner_id,
      creator_id: account.id,
      created_at: now,
      updated_at: now,
    });
    emu.events.emit('webhook.created', { webhook: w });
    return json(c, { data: out(c, w) }, 201);
  });

  api.get('/webhooks/:id', (c) => json(c, { data: out(c, visibleWebhook(c, c.req.param('id'))) }));

  api.patch('/webhooks/:id', async (c) => {
    const w = visibleWebhook(c, c.req.param('id'));
    const data = await readWrite(c, ['webhook']);
    const attrs = data.attributes ?? {};
    if (attrs.event !== undefined && attrs.event !== w.event) {
      throw err.validation('Attribute "event" of a webhook cannot be changed.', 'VX115');
    }
    checkAttributes(attrs, ['url', 'content_type', 'event'], 'an existing webhook');
    const url = attrs.url === undefined ? w.url : checkUrl(attrs.url);
    const contentType = attrs.content_type === undefined ? w.content_type : checkContentType(attrs.content_type);
    const updated = store.put('webhooks', { ...w, url, content_type: contentType, updated_at: emu.iso() });
    return json(c, { data: out(c, updated) });
  });

  api.delete('/webhooks/:id', (c) => {
    const w = visibleWebhook(c, c.req.param('id'));
    store.delete('webhooks', w.id);
    return noContent(c);
  });
}
