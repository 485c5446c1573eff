import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import type { Filters } from '../../api/collection.js';
import type { Resource } from '../../api/impcentral.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';
import { CliError } from '../../errors.js';
import { errors } from '../../output/messages/common.js';
import { arr, session } from '../shared/context.js';
import { ACCOUNT, DEVICE_GROUP, dgSource, PRODUCT, Resolver, type DgSource } from '../shared/resolver.js';
import { relId } from '../shared/views.js';

export const spec: CommandSpec = {
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
};

/** One native filter dimension: the ids every value resolved to (README §9.4). */
type Dimension = { key: string; ids: string[] };

async function resolveIds(values: string[], resolve: (v: string) => Promise<Resource[]>): Promise<string[]> {
  const ids = new Set<string>();
  for (const v of values) for (const r of await resolve(v)) ids.add(r.id);
  return [...ids];
}

/** Every combination of one id per dimension (different options are AND-ed). */
function combinations(dims: Dimension[]): Filters[] {
  let out: Filters[] = [{}];
  for (const d of dims) out = out.flatMap((f) => d.ids.map((id) => ({ ...f, [d.key]: id })));
  return out;
}

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const owners = arr(opts.owner);
  const products = arr(opts.product);
  const dgs = arr(opts.dg);
  const types = arr(opts['dg-type']) as DgTypeName[];
  // an empty value means "no identifier": the Project file, checked before authentication
  if (owners.includes('')) throw new CliError(errors.noIdentifier('Account'));
  const productSrc: DgSource | undefined = products.includes('') ? dgSource(undefined, rt.cwd, 'Product') : undefined;
  const dgSrc: DgSource | undefined = dgs.includes('') ? dgSource(undefined, rt.cwd) : undefined;

  const res = new Resolver(session(rt), rt.out);
  const dims: Dimension[] = [];
  if (owners.length) dims.push({ key: 'owner.id', ids: await resolveIds(owners, (v) => res.all(ACCOUNT, v)) });
  if (products.length) {
    dims.push({ key: 'product.id', ids: await resolveIds(products, async (v) => (v === '' ? [await res.product(productSrc!)] : res.all(PRODUCT, v))) });
  }
  if (dgs.length) {
    dims.push({ key: 'devicegroup.id', ids: await resolveIds(dgs, async (v) => (v === '' ? [await res.deviceGroup(dgSrc!)] : res.all(DEVICE_GROUP, v))) });
  }
  if (types.length) dims.push({ key: 'devicegroup.type', ids: [...new Set(types.map((t) => DG_TYPES[t]))] });

  const seen = new Set<string>();
  let devices: Resource[] = [];
  for (const filters of combinations(dims)) {
    for (const d of await res.api.devices.list(filters)) {
      if (!seen.has(d.id)) devices.push(d), seen.add(d.id);
    }
  }
  // both flags of a pair given = no filtering by that pair
  if (opts.assigned !== opts.unassigned) {
    const wantAssigned = opts.assigned === true;
    devices = devices.filter((d) => Boolean(relId(d, 'devicegroup')) === wantAssigned);
  }
  if (opts.online !== opts.offline) {
    const wantOnline = opts.online === true;
    devices = devices.filter((d) => (d.attributes.device_online === true) === wantOnline);
  }
  rt.out.list('Device', await res.listItems('Device', devices));
}
