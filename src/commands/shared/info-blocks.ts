// Related blocks of an info view of entities that hang off a Device Group
// (Deployment, Webhook): `Device Group`, `Product`, then `Owner`/`Creator`
// when they are not the logged-in account.
import type { Resource } from '../../api/impcentral.js';
import type { DisplayObject } from '../../output/format.js';
import { DEVICE_GROUP, PRODUCT, type Resolver } from './resolver.js';
import { relId } from './views.js';

export async function addRelatedBlocks(res: Resolver, type: string, r: Resource, view: DisplayObject): Promise<DisplayObject> {
  const owner = { type, ident: r.id };
  const dgId = relId(r, 'devicegroup');
  if (dgId) Object.assign(view, await res.relatedBlock(owner, DEVICE_GROUP, dgId));
  const productId = relId(r, 'product');
  if (productId) Object.assign(view, await res.relatedBlock(owner, PRODUCT, productId));
  const ownerBlock = await res.accountBlock(r, 'owner');
  if (ownerBlock) view.Owner = ownerBlock;
  const creator = await res.accountBlock(r, 'creator');
  if (creator) view.Creator = creator;
  return view;
}
