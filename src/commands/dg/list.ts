import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';
import { session } from '../shared/context.js';
import { ACCOUNT, PRODUCT, Resolver } from '../shared/resolver.js';
import { combinations, emptyFilterSources, filterIds, listEach } from '../shared/list-filters.js';
import { DG_TYPE_NAMES } from './options.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'list',
  summary: 'Displays information about all or filtered Device Groups.',
  description: 'Displays information about all Device Groups available to the current account.',
  list: true,
  options: [
    { name: 'owner', alias: 'o', kind: 'array', usage: '<ACCOUNT_IDENTIFIER>', describe: 'Lists Device Groups owned by the specified Account(s) only. (may be repeated several times)' },
    { name: 'product', alias: 'p', kind: 'array', usage: '<PRODUCT_IDENTIFIER>', describe: 'Lists Device Groups which belong to the specified Product(s) only. (may be repeated several times)' },
    { name: 'dg-type', alias: 'y', kind: 'choice', repeatable: true, choices: DG_TYPE_NAMES, usage: '<device_group_type>', describe: 'Lists Device Groups of the specified type only. (may be repeated several times)' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const products = opts.product;
  const types = opts['dg-type'];
  // `--product ""` falls back to the Project file's product (§9.4), checked before authentication
  const projectSrc = emptyFilterSources({ owner: opts.owner, product: products, dg: [] }, rt.cwd).product;
  const res = new Resolver(session(rt), rt.out);
  const owners = await filterIds(res, ACCOUNT, opts.owner);
  let productIds = await filterIds(res, PRODUCT, products.filter((p) => p !== ''));
  if (projectSrc) productIds = [...new Set([...(productIds ?? []), (await res.product(projectSrc)).id])];
  if ([owners, productIds].some((ids) => ids?.length === 0)) {
    rt.out.list('Device Group', []);
    return;
  }
  const sets = combinations({
    'owner.id': owners,
    'product.id': productIds,
    type: types.length ? types.map((t) => DG_TYPES[t as DgTypeName]) : undefined,
  });
  const dgs = await listEach((f) => res.api.deviceGroups.list(f), sets);
  rt.out.list('Device Group', await res.listItems('Device Group', dgs));
}
