import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { entity, info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { ACCOUNT, Resolver } from '../shared/resolver.js';
import { shortView, wrap } from '../shared/views.js';

export const spec = defineCommand({
  group: 'product',
  name: 'create',
  summary: 'Creates a new Product.',
  description: 'Creates a new Product. Fails if a Product with the specified name already exists.',
  options: [
    { name: 'name', alias: 'n', kind: 'string', required: true, usage: '<product_name>', describe: "The Product's name. Must be unique among all of the current account's Products." },
    { name: 'descr', alias: 's', kind: 'string-empty', usage: '<product_description>', describe: 'An optional description of the Product.' },
    { name: 'owner', alias: 'o', kind: 'string', usage: '<ACCOUNT_IDENTIFIER>', describe: 'The Product will be created in the specified Account. If not specified, the current account is assumed.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const name = opts.name;
  const descr = opts.descr;
  const ownerIdent = opts.owner;
  const res = new Resolver(session(rt), rt.out);
  const owner = ownerIdent !== undefined ? await res.one(ACCOUNT, ownerIdent) : undefined;
  const attributes: Record<string, unknown> = { name };
  if (descr !== undefined) attributes.description = descr;
  const product = await res.api.products.create(attributes, owner ? { owner: { type: 'account', id: owner.id } } : undefined);
  rt.out.info(info.created(entity('Product', name)));
  rt.out.result(wrap('Product', shortView('Product', product)));
}
