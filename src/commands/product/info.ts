import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { session } from '../shared/context.js';
import { dgSource, PRODUCT, Resolver } from '../shared/resolver.js';
import { infoView, wrap } from '../shared/views.js';
import { productStructure } from './structure.js';
import { PRODUCT_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'product',
  name: 'info',
  summary: 'Displays information about the specified Product.',
  description: 'Displays information about the specified Product.',
  options: [
    PRODUCT_OPTION,
    { name: 'full', alias: 'u', kind: 'flag', describe: 'Displays additional information and the full structure of the Product, including details about every Device Group that belongs to the Product, and devices assigned to those Device Groups.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.product, rt.cwd, 'Product');
  const res = new Resolver(session(rt), rt.out);
  const found = await res.product(src);
  // a match by name or {account}{product} is re-read by id; the Project file's Product was fetched by id
  const product = 'value' in src ? await res.reread(PRODUCT, found, src.value) : found;
  const view = infoView('Product', product);
  const owner = await res.accountBlock(product, 'owner');
  if (owner) view.Owner = owner;
  const creator = await res.accountBlock(product, 'creator');
  if (creator) view.Creator = creator;
  if (opts.full) {
    const groups = await productStructure(res, product, !rt.out.isJson);
    if (groups.length) view['Device Groups'] = groups;
  }
  rt.out.result(wrap('Product', view));
}
