// The full structure of a Product shown by `product info --full`.
import type { Resource } from '../../api/impcentral.js';
import type { DisplayObject } from '../../output/format.js';
import { info } from '../../output/messages/common.js';
import type { Resolver } from '../shared/resolver.js';
import { shortView, wrap } from '../shared/views.js';

/** One `{ "Device Group": … }` entry per group of the product (filled in by the dg views). */
export async function productStructure(res: Resolver, product: Resource, truncate: boolean): Promise<DisplayObject[]> {
  const dgs = await res.api.deviceGroups.list({ 'product.id': product.id });
  const out: DisplayObject[] = [];
  for (const dg of dgs) {
    const view = shortView('Device Group', dg);
    const devices = await res.api.devices.list({ 'devicegroup.id': dg.id });
    if (devices.length) {
      const shown = truncate ? devices.slice(0, 5) : devices;
      const items: DisplayObject[] = shown.map((d) => wrap('Device', shortView('Device', d)));
      if (truncate && devices.length > 5) items.push(info.moreItems(devices.length - 5, 'Device') as unknown as DisplayObject);
      view.Devices = items;
    }
    out.push(wrap('Device Group', view));
  }
  return out;
}
