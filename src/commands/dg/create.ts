import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Relationships } from '../../api/collection.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';
import { entity, info } from '../../output/messages/common.js';
import { dgMessages } from '../../output/messages/dg.js';
import { session } from '../shared/context.js';
import { parseEnvVariable } from '../shared/env-vars.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { FACTORY_TYPES, PRODUCTION_TYPES, resolveTarget } from '../shared/targets.js';
import { shortView, wrap } from '../shared/views.js';
import { DESCR_OPTION, DG_TYPE_NAMES, outputThenEnv } from './options.js';

/** The type the checks use: an invalid `--dg-type` (refused after the checks) counts as `development` (dg.md). */
function typeOf(opts: { 'dg-type': DgTypeName }): DgTypeName {
  const t = opts['dg-type'];
  return DG_TYPE_NAMES.includes(t) ? t : 'development';
}

export const spec = defineCommand({
  group: 'dg',
  name: 'create',
  summary: 'Creates a new Device Group for the specified Product.',
  description:
    'Creates a new Device Group for the specified Product. Fails if a Device Group with the specified name already exists under the specified Product.',
  options: [
    { name: 'name', alias: 'n', kind: 'string', required: true, usage: '<device_group_name>', describe: "The new Device Group's name. Must be unique among all Device Groups belonging to the specified Product." },
    { name: 'dg-type', alias: 'y', kind: 'choice', choices: DG_TYPE_NAMES, default: 'development', usage: '<device_group_type>', describe: "The new Device Group's type." },
    { name: 'product', alias: 'p', kind: 'string', usage: '<PRODUCT_IDENTIFIER>', describe: 'A Product identifier: Product ID or Product name. If not specified, the Product referenced by the Project file in the current directory is used (if there is no Project file, the command fails).' },
    DESCR_OPTION,
    { name: 'dut', alias: 'u', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: "The Device Group identifier of the new Device Group's device-under-test target Device Group. Should only be specified if the new Device Group is of the factory or pre-factory type. The device-under-test target Device Group must be of the type dut or pre-dut correspondingly, and belong to the specified Product." },
    { name: 'target', alias: 't', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: "The Device Group identifier of the new Device Group's production target Device Group. Should only be specified if the new Device Group is of the factory or pre-factory type. The target Device Group must be of the type production or pre-production correspondingly, and belong to the specified Product." },
    { name: 'region', alias: 'r', kind: 'string-empty', usage: '<region_name>', describe: 'A region. May be specified if the new Device Group is of the production or pre-production type only.' },
    ...outputThenEnv(['code.', 'must', 'must']),
  ],
  check: (opts) => {
    const type = typeOf(opts);
    if (FACTORY_TYPES.includes(type)) {
      if (!opts.dut) return dgMessages.mustBeSpecifiedForType('dut', type);
      if (!opts.target) return dgMessages.mustBeSpecifiedForType('target', type);
    }
    if (opts.region && !PRODUCTION_TYPES.includes(type)) {
      return dgMessages.invalidOptionForType('region', type, PRODUCTION_TYPES[0]!, PRODUCTION_TYPES[1]!);
    }
    return undefined;
  },
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const name = opts.name;
  const type = typeOf(opts);
  const src = dgSource(opts.product, rt.cwd, 'Product');
  const res = new Resolver(session(rt), rt.out);
  const product = await res.product(src);

  const relationships: Relationships = { product: { type: 'product', id: product.id } };
  for (const option of ['target', 'dut'] as const) {
    const ident = opts[option];
    if (ident === undefined) continue;
    const { rel, link } = await resolveTarget(res, option, ident, type, product.id);
    relationships[rel] = link;
  }
  const attributes: Record<string, unknown> = { name };
  if (opts.descr !== undefined) attributes.description = opts.descr;
  if (opts.region) attributes.region = opts.region;
  if (opts['env-variable'] !== undefined) attributes.env_vars = parseEnvVariable(opts['env-variable'], rt.out);

  const dg = await res.api.deviceGroups.create(attributes, relationships, DG_TYPES[type]);
  rt.out.info(info.created(entity('Device Group', name)));
  rt.out.result(wrap('Device Group', shortView('Device Group', dg)));
}
