// The full structure of a Product shown by `product info --full`: each
// Device Group in short view with its deployments, targets, back-references,
// webhooks and devices (product.md).
import type { Resource } from '../../api/impcentral.js';
import type { DisplayObject } from '../../output/format.js';
import { dgFullBlocks, dgRelatedBlocks } from '../shared/dg-views.js';
import { DEVICE_GROUP, type Resolver } from '../shared/resolver.js';
import { shortView, wrap } from '../shared/views.js';

/** One `{ "Device Group": … }` entry per group of the product, in API order. */
export async function productStructure(res: Resolver, product: Resource, truncate: boolean): Promise<DisplayObject[]> {
  const dgs = await res.api.deviceGroups.list({ 'product.id': product.id });
  // targets are groups of the same product: no request for them
  for (const dg of dgs) res.remember(DEVICE_GROUP, dg);
  const entry = async (dg: Resource): Promise<DisplayObject> => {
    const view = shortView('Device Group', dg);
    Object.assign(view, await dgRelatedBlocks(res, dg, dg.id));
    Object.assign(view, await dgFullBlocks(res, dg, () => Promise.resolve(dgs), truncate));
    return wrap('Device Group', view);
  };
  const out: DisplayObject[] = [];
  // batches of five, as impt does, keep the order of the API
  for (let i = 0; i < dgs.length; i += 5) out.push(...(await Promise.all(dgs.slice(i, i + 5).map(entry))));
  return out;
}
