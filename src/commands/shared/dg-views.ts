// Display objects of a Device Group beyond its short view (interface/dg.md,
// README §5.3): the related blocks of the info view, the `--full` blocks
// shared by `dg info --full` and `product info --full`, and the device lists
// printed by restart/unassign/reassign.
import type { Resource } from '../../api/impcentral.js';
import type { DisplayObject } from '../../output/format.js';
import { entity, info } from '../../output/messages/common.js';
import { dgMessages } from '../../output/messages/dg.js';
import type { Printer } from '../../output/printer.js';
import { DEPLOYMENT, DEVICE_GROUP, PRODUCT, type DgSource, type Resolver } from './resolver.js';
import { dgTypeName, infoView, relId, shortView, wrap } from './views.js';

const L = dgMessages.labels;

/** How messages name an entity: the identifier as typed, or its id when it came from the Project file. */
export function identOf(src: DgSource, r: Resource): string {
  return 'value' in src ? src.value : r.id;
}
const MAX_DEVICES = 5;

/** `Current Deployment`, `Min supported Deployment`, `Production Target`, `DUT Target` (when related). */
export async function dgRelatedBlocks(res: Resolver, dg: Resource, ident: string): Promise<DisplayObject> {
  const owner = { type: 'Device Group', ident };
  const related: Array<[string, typeof DEPLOYMENT, string]> = [
    ['current_deployment', DEPLOYMENT, L.current],
    ['min_supported_deployment', DEPLOYMENT, L.min],
    ['production_target', DEVICE_GROUP, L.productionTarget],
    ['dut_target', DEVICE_GROUP, L.dutTarget],
  ];
  const blocks = await Promise.all(
    related.map(([rel, kind, label]) => {
      const id = relId(dg, rel);
      return id ? res.relatedBlock(owner, kind, id, label) : Promise.resolve({});
    }),
  );
  return Object.assign({}, ...blocks) as DisplayObject;
}

/** The info view of `dg info`: attributes, then Product, deployments, targets, Owner, Creator. */
export async function dgInfoView(res: Resolver, dg: Resource, ident: string): Promise<DisplayObject> {
  const view = infoView('Device Group', dg);
  const pid = relId(dg, 'product');
  if (pid) Object.assign(view, await res.relatedBlock({ type: 'Device Group', ident }, PRODUCT, pid, L.product));
  Object.assign(view, await dgRelatedBlocks(res, dg, ident));
  const owner = await res.accountBlock(dg, 'owner');
  if (owner) view.Owner = owner;
  const creator = await res.accountBlock(dg, 'creator');
  if (creator) view.Creator = creator;
  return view;
}

const TARGET_OF: Record<string, 'production_target' | 'dut_target'> = {
  production: 'production_target',
  'pre-production': 'production_target',
  dut: 'dut_target',
  'pre-dut': 'dut_target',
};

/** Whether a group can be the target of others (then `--full` looks for them). */
export function canBeTarget(dg: Resource): boolean {
  return dgTypeName(dg.type) in TARGET_OF;
}

/**
 * `Production Target for` / `DUT Target for`, `Webhooks`, `Devices` (each when non-empty).
 * `productDgs` = the groups of the product, needed only for target groups.
 * Text output shows at most 5 devices then `... n more Device(s)`.
 */
export async function dgFullBlocks(
  res: Resolver,
  dg: Resource,
  productDgs: () => Promise<Resource[]>,
  truncate: boolean,
): Promise<DisplayObject> {
  const view: DisplayObject = {};
  const rel = TARGET_OF[dgTypeName(dg.type)];
  const [sources, webhooks, devices] = await Promise.all([
    rel ? productDgs().then((all) => all.filter((g) => relId(g, rel) === dg.id)) : Promise.resolve([]),
    res.api.webhooks.list({ 'devicegroup.id': dg.id }),
    res.api.devices.list({ 'devicegroup.id': dg.id }),
  ]);
  if (sources.length) {
    view[rel === 'production_target' ? L.productionTargetFor : L.dutTargetFor] = sources.map((g) =>
      wrap('Device Group', shortView('Device Group', g)),
    );
  }
  if (webhooks.length) view[L.webhooks] = webhooks.map((w) => wrap('Webhook', shortView('Webhook', w)));
  if (devices.length) {
    const shown = truncate ? devices.slice(0, MAX_DEVICES) : devices;
    const items: Array<DisplayObject | string> = shown.map((d) => wrap('Device', shortView('Device', d)));
    if (truncate && devices.length > MAX_DEVICES) items.push(info.moreItems(devices.length - MAX_DEVICES, 'Device'));
    view[L.devices] = items as DisplayObject[];
  }
  return view;
}

/** Devices listed after a restart/unassign/reassign sentence: info level, max 5 + `And n more Device(s).` */
export function infoDevices(out: Printer, devices: Resource[]): void {
  devices.slice(0, MAX_DEVICES).forEach((d) => out.info(out.text(wrap('Device', shortView('Device', d)))));
  if (devices.length > MAX_DEVICES) out.info(info.andMore(devices.length - MAX_DEVICES, 'Device'));
}

/**
 * The group of `src` and its devices (restart/unassign). No devices →
 * `Device Group "x" does not have assigned Devices.` and an empty list.
 */
export async function groupDevices(res: Resolver, src: DgSource): Promise<{ dg: Resource; ident: string; devices: Resource[] }> {
  const dg = await res.deviceGroup(src);
  const ident = entity('Device Group', identOf(src, dg));
  const devices = await res.api.devices.list({ 'devicegroup.id': dg.id });
  if (devices.length === 0) res.out.info(dgMessages.noDevices(ident));
  return { dg, ident, devices };
}
