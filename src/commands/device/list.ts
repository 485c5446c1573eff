import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';
import { session } from '../shared/context.js';
import { combinations, emptyFilterSources, entityFilterIds, listEach } from '../shared/list-filters.js';
import { Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';

export const spec = defineCommand({
  group: 'device',
  name: 'list',
  summary: 'Displays information about all or filtered devices.',
  description: 'Displays information about all of the devices available to the current account.',
  list: true,
  options: [
    { name: 'owner', alias: 'o', kind: 'array', usage: '<ACCOUNT_IDENTIFIER>', describe: 'Lists Devices owned by the specified Account(s) only. (may be repeated several times)' },
    { name: 'product', alias: 'p', kind: 'array', usage: '<PRODUCT_IDENTIFIER>', describe: 'Lists devices assigned to Device Groups which belong to the specified Product(s) only. (may be repeated several times)' },
    { name: 'dg', alias: 'g', kind: 'array', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: 'Lists devices assigned to the specified Device Group(s) only. (may be repeated several times)' },
    { name: 'dg-type', alias: 'y', kind: 'choice', repeatable: true, choices: Object.keys(DG_TYPES), usage: '<device_group_type>', describe: 'Lists devices assigned to Device Groups of the specified type only. (may be repeated several times)' },
    { name: 'unassigned', alias: 'u', kind: 'flag', describe: 'Lists unassigned devices only.' },
    { name: 'assigned', alias: 'a', kind: 'flag', describe: 'Lists assigned devices only.' },
    { name: 'online', alias: 'n', kind: 'flag', describe: 'Lists devices in online state only.' },
    { name: 'offline', alias: 'f', kind: 'flag', describe: 'Lists devices in offline state only.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const values = { owner: opts.owner, product: opts.product, dg: opts.dg };
  const types = opts['dg-type'] as DgTypeName[];
  // an empty value means "no identifier": the Project file, checked before authentication
  const empty = emptyFilterSources(values, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const ids = await entityFilterIds(res, values, empty);
  const sets = ids
    ? combinations({
        'owner.id': ids.owners,
        'product.id': ids.products,
        'devicegroup.id': ids.dgs,
        'devicegroup.type': types.length ? [...new Set(types.map((t) => DG_TYPES[t]))] : undefined,
      })
    : [];
  let devices = await listEach((f) => res.api.devices.list(f), sets);
  // both flags of a pair given = no filtering by that pair
  if (opts.assigned !== opts.unassigned) {
    const wantAssigned = opts.assigned;
    devices = devices.filter((d) => Boolean(relId(d, 'devicegroup')) === wantAssigned);
  }
  if (opts.online !== opts.offline) {
    const wantOnline = opts.online;
    devices = devices.filter((d) => (d.attributes.device_online === true) === wantOnline);
  }
  rt.out.list('Device', await res.listItems('Device', devices));
}
