import type { Resource } from '../../api/impcentral.js';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { info } from '../../output/messages/common.js';
import { CONFIRMED_OPTION } from '../shared/common-options.js';
import { session } from '../shared/context.js';
import { confirmPlan, deleteDeployment, unflagDeployment } from '../shared/delete-plan.js';
import { PRODUCT, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';

export const spec = defineCommand({
  group: 'build',
  name: 'cleanup',
  summary: 'Deletes builds which are not related to any Device Group.',
  description:
    'Deletes the "zombie" builds: builds (Deployments) that belong to no Device Group. Covers all Products, or only the one given by --product.',
  options: [
    { name: 'product', alias: 'p', kind: 'string', usage: '<PRODUCT_IDENTIFIER>', describe: 'A Product identifier: Product ID or Product name. Only the zombie builds of this Product are deleted.' },
    { name: 'unflag', alias: 'u', kind: 'flag', describe: 'Also deletes the flagged zombie builds: their "flagged" attribute is set to false first.' },
    CONFIRMED_OPTION,
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const productIdent = opts.product;
  const unflag = opts.unflag;
  const res = new Resolver(session(rt), rt.out);
  const flagFilter = unflag ? {} : { flagged: 'false' };
  const found = new Map<string, Resource>();
  const add = (ds: Resource[]) => ds.forEach((d) => found.set(d.id, d));
  if (productIdent === undefined) add(await res.api.deployments.list(flagFilter));
  else for (const p of await res.all(PRODUCT, productIdent)) add(await res.api.deployments.list({ 'product.id': p.id, ...flagFilter }));

  const zombies = [...found.values()].filter((d) => !relId(d, 'devicegroup'));
  if (zombies.length === 0) {
    rt.out.info(info.noneFound('Deployment'));
    return;
  }
  const flagged = zombies.filter((d) => d.attributes.flagged === true);
  await confirmPlan(rt.out, { deleted: zombies.map((r) => ({ type: 'Deployment', r })), unflagged: flagged }, opts.confirmed);
  for (const d of flagged) await unflagDeployment(res, d);
  for (const d of zombies) await deleteDeployment(res, d);
}
