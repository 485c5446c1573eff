import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { entity, info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { PRODUCT_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'product',
  name: 'update',
  summary: 'Updates the specified Product.',
  description: 'Updates the specified Product with a new name and/or description. Fails if the specified Product does not exist.',
  options: [
    PRODUCT_OPTION,
    { name: 'name', alias: 'n', kind: 'string', usage: '<product_name>', describe: "The Product's new name. Must be unique among all of the current Account's Products." },
    { name: 'descr', alias: 's', kind: 'string-empty', usage: '<product_description>', describe: "The Product's new description." },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.product, rt.cwd, 'Product');
  const res = new Resolver(session(rt), rt.out);
  const product = await res.product(src);
  const attributes: Record<string, unknown> = {};
  if (opts.name !== undefined) attributes.name = opts.name;
  if (opts.descr !== undefined) attributes.description = opts.descr;
  await res.api.products.update(product.id, attributes);
  rt.out.info(info.updated(entity('Product', 'value' in src ? src.value : product.id)));
}
