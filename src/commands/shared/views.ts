// Display objects of impCentral entities (interface/README.md §5.3): the
// short (list) view and the info view, with Owner/Creator blocks hidden for
// the logged-in account.
import type { Resource } from '../../api/impcentral.js';
import { DG_TYPES } from '../../api/wire.js';
import type { DisplayObject, Value } from '../../output/format.js';

const SHORT: Record<string, string[]> = {
  Product: ['name'],
  'Device Group': ['type', 'name'],
  Device: ['name', 'mac_address', 'agent_id', 'device_online'],
  Deployment: ['sha', 'tags', 'origin', 'flagged'],
  Account: ['email', 'username'],
  Webhook: ['event', 'url'],
  'Login Key': ['description'],
};

const WIRE_TO_NAME = new Map<string, string>(Object.entries(DG_TYPES).map(([name, wire]) => [wire, name]));

/** impt's name of a Device Group type (`unknown` for anything else). */
export function dgTypeName(wire: string | undefined): string {
  return (wire && WIRE_TO_NAME.get(wire)) ?? 'unknown';
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}

/** null and [] become "" (info view, json too). */
export function normalise(v: unknown): Value {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.length === 0 ? '' : (v as Value[]);
  if (typeof v === 'object') return v as DisplayObject;
  return v as Value;
}

function attr(r: Resource, name: string): unknown {
  if (name === 'type' && r.type.endsWith('_devicegroup')) return dgTypeName(r.type);
  if (name === 'type') return dgTypeName(r.type);
  return r.attributes[name];
}

/** `id` + the fixed attribute list of the type; empty values left out. */
export function shortView(type: string, r: Resource): DisplayObject {
  const out: DisplayObject = { id: r.id };
  for (const name of SHORT[type] ?? []) {
    const v = attr(r, name);
    if (!isEmpty(v)) out[name] = v as Value;
  }
  return out;
}

/** `id` (+ `type` for Device Groups) then every attribute from the API in API order. */
export function infoView(type: string, r: Resource): DisplayObject {
  const out: DisplayObject = { id: r.id };
  if (type === 'Device Group') out.type = dgTypeName(r.type);
  for (const [k, v] of Object.entries(r.attributes)) out[k] = normalise(v);
  return out;
}

/** `{ "«Type»": view }` */
export function wrap(type: string, view: DisplayObject): DisplayObject {
  return { [type]: view };
}

/** The id of a to-one relationship, if present. */
export function relId(r: Resource, name: string): string | undefined {
  const link = r.relationships?.[name];
  return link && !Array.isArray(link) ? link.id : undefined;
}
