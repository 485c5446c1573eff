// The info view of a Deployment (`build info`, `build get`): every API
// attribute, then its Device Group, Product, Owner and Creator blocks.
import type { Resource } from '../../api/impcentral.js';
import type { DisplayObject } from '../../output/format.js';
import { addRelatedBlocks } from './info-blocks.js';
import type { Resolver } from './resolver.js';
import { infoView, wrap } from './views.js';

export async function buildInfo(res: Resolver, build: Resource): Promise<DisplayObject> {
  return wrap('Deployment', await addRelatedBlocks(res, 'Deployment', build, infoView('Deployment', build)));
}
