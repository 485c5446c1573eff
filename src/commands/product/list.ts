import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Resource } from '../../api/impcentral.js';
import { CliError } from '../../errors.js';
import { errors } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { ACCOUNT, Resolver } from '../shared/resolver.js';

export const spec = defineCommand({
  group: 'product',
  name: 'list',
  summary: 'Displays information about all or filtered Products.',
  description: 'Displays information about all of the Products available to the current account.',
  list: true,
  options: [
    { name: 'owner', alias: 'o', kind: 'array', usage: '<ACCOUNT_IDENTIFIER>', describe: 'Lists Products owned by the specified Account(s) only. (may be repeated several times)' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const owners = opts.owner;
  if (owners.includes('')) throw new CliError(errors.noIdentifier('Account'));
  const res = new Resolver(session(rt), rt.out);
  let products: Resource[];
  if (owners.length === 0) products = await res.api.products.list();
  else {
    const ids = new Set<string>();
    for (const o of owners) for (const a of await res.all(ACCOUNT, o)) ids.add(a.id);
    products = [];
    for (const id of ids) products.push(...(await res.api.products.list({ 'owner.id': id })));
  }
  rt.out.list('Product', await res.listItems('Product', products));
}
