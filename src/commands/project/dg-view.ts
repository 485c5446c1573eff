// Device Group blocks shown inside the Project and Test Configuration info
// (project.md `project info`, test.md `test info`).
import type { Resource } from '../../api/impcentral.js';
import type { DisplayObject } from '../../output/format.js';
import { info } from '../../output/messages/common.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import type { Printer } from '../../output/printer.js';
import { DEPLOYMENT, DEVICE_GROUP, PRODUCT, type Resolver } from '../shared/resolver.js';
import { dgTypeName, infoView, relId, shortView, wrap } from '../shared/views.js';

const RELATED: Array<[string, typeof PRODUCT, string]> = [
  ['product', PRODUCT, 'Product'],
  ['current_deployment', DEPLOYMENT, 'Current Deployment'],
  ['min_supported_deployment', DEPLOYMENT, 'Min supported Deployment'],
  ['production_target', DEVICE_GROUP, 'Production Target'],
  ['dut_target', DEVICE_GROUP, 'DUT Target'],
];

/** `Production Target for` / `DUT Target for`: the groups of the product pointing at a target-type group. */
async function targetFor(res: Resolver, dg: Resource): Promise<DisplayObject> {
  const type = dgTypeName(dg.type);
  const rel = type === 'production' || type === 'pre-production' ? 'production_target' : type === 'dut' || type === 'pre-dut' ? 'dut_target' : undefined;
  const pid = relId(dg, 'product');
  if (!rel || !pid) return {};
  const groups = (await res.api.deviceGroups.list({ 'product.id': pid })).filter((g) => relId(g, rel) === dg.id);
  if (!groups.length) return {};
  const label = rel === 'production_target' ? msg.labels.productionTargetFor : msg.labels.dutTargetFor;
  return { [label]: groups.map((g) => wrap('Device Group', shortView('Device Group', g))) };
}

/** `Webhooks` and `Devices` of a group, when non-empty; text shows at most 5 devices. */
async function webhooksAndDevices(res: Resolver, dg: Resource, out: Printer): Promise<DisplayObject> {
  const view: DisplayObject = {};
  const hooks = await res.api.webhooks.list({ 'devicegroup.id': dg.id });
  if (hooks.length) view.Webhooks = hooks.map((h) => wrap('Webhook', shortView('Webhook', h)));
  const devices = await res.api.devices.list({ 'devicegroup.id': dg.id });
  if (devices.length) {
    const truncate = !out.isJson && devices.length > 5;
    const items: Array<DisplayObject | string> = (truncate ? devices.slice(0, 5) : devices).map((d) => wrap('Device', shortView('Device', d)));
    if (truncate) items.push(info.moreItems(devices.length - 5, 'Device'));
    view.Devices = items as DisplayObject[];
  }
  return view;
}

/** The Device Group of `project info`: info view, related blocks, and with `full` its dependants. */
export async function projectDgView(res: Resolver, dg: Resource, full: boolean): Promise<DisplayObject> {
  const view = infoView('Device Group', dg);
  const owner = { type: 'Device Group', ident: dg.id };
  for (const [rel, kind, label] of RELATED) {
    const id = relId(dg, rel);
    if (id) Object.assign(view, await res.relatedBlock(owner, kind, id, label));
  }
  const ownerBlock = await res.accountBlock(dg, 'owner');
  if (ownerBlock) view.Owner = ownerBlock;
  const creator = await res.accountBlock(dg, 'creator');
  if (creator) view.Creator = creator;
  if (full) Object.assign(view, await targetFor(res, dg), await webhooksAndDevices(res, dg, res.out));
  return view;
}

/** The Device Group of `test info`: short view, Product, Owner, dependants, webhooks and devices. */
export async function testDgView(res: Resolver, dg: Resource): Promise<DisplayObject> {
  const view = shortView('Device Group', dg);
  const pid = relId(dg, 'product');
  if (pid) Object.assign(view, await res.relatedBlock({ type: 'Device Group', ident: dg.id }, PRODUCT, pid));
  const ownerBlock = await res.accountBlock(dg, 'owner');
  if (ownerBlock) view.Owner = ownerBlock;
  Object.assign(view, await targetFor(res, dg), await webhooksAndDevices(res, dg, res.out));
  return view;
}
