import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';
import { REPEATED } from '../shared/common-options.js';
import { session } from '../shared/context.js';
import { combinations, emptyFilterSources, entityFilterIds, filterByDgType, listEach } from '../shared/list-filters.js';
import { Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';

const DG_TYPE_NAMES = Object.keys(DG_TYPES) as DgTypeName[];

export const spec = defineCommand({
  group: 'build',
  name: 'list',
  summary: 'Displays information about all or filtered builds.',
  description: 'Displays information about the builds (Deployments) available to the current account: all of them, or only those that pass the filter options.',
  list: true,
  options: [
    { name: 'owner', alias: 'o', kind: 'array', usage: '<ACCOUNT_IDENTIFIER>', describe: `Lists builds owned by the specified Account(s) only.${REPEATED}` },
    { name: 'product', alias: 'p', kind: 'array', usage: '<PRODUCT_IDENTIFIER>', describe: `Lists only the builds deployed to Device Groups of the specified Product(s).${REPEATED}` },
    { name: 'dg', alias: 'g', kind: 'array', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: `Lists only the builds deployed to the specified Device Group(s).${REPEATED}` },
    { name: 'dg-type', alias: 'y', kind: 'choice', repeatable: true, choices: DG_TYPE_NAMES, usage: '<device_group_type>', describe: `Lists only the builds deployed to Device Groups of the specified type(s).${REPEATED}` },
    { name: 'sha', alias: 's', kind: 'array', usage: '<deployment_sha>', describe: `Lists only the builds with the specified SHA(s).${REPEATED}` },
    { name: 'tag', alias: 't', kind: 'array', usage: '<tag>', describe: `Lists only the builds that carry the specified tag(s).${REPEATED}` },
    { name: 'flagged', alias: 'f', kind: 'flag', describe: 'Lists builds with the "flagged" attribute set to true only.' },
    { name: 'unflagged', alias: 'u', kind: 'flag', describe: 'Lists builds with the "flagged" attribute set to false only.' },
    { name: 'non-zombie', alias: 'n', kind: 'flag', describe: 'Lists only the builds that belong to a Device Group.' },
    { name: 'zombie', alias: 'm', kind: 'flag', describe: 'Lists only the "zombie" builds, which belong to no Device Group.' },
  ],
});

/** `--a` with `--b` cancel each other out. */
function either(a: boolean, b: boolean): boolean | undefined {
  return a && !b ? true : b && !a ? false : undefined;
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const values = { owner: opts.owner, product: opts.product, dg: opts.dg };
  const empty = emptyFilterSources(values, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const ids = await entityFilterIds(res, values, empty);
  if (!ids) {
    rt.out.list('Deployment', []);
    return;
  }
  const flagged = either(opts.flagged, opts.unflagged);
  const sets = combinations({
    'owner.id': ids.owners,
    'product.id': ids.products,
    'devicegroup.id': ids.dgs,
    sha: opts.sha.length ? opts.sha : undefined,
    tags: opts.tag.length ? opts.tag : undefined,
    flagged: flagged === undefined ? undefined : [String(flagged)],
  });
  let builds = await listEach((f) => res.api.deployments.list(f), sets);

  builds = filterByDgType(builds, opts['dg-type']);
  const zombie = either(opts.zombie, opts['non-zombie']);
  if (zombie !== undefined) builds = builds.filter((d) => !relId(d, 'devicegroup') === zombie);
  rt.out.list('Deployment', await res.listItems('Deployment', builds));
}
