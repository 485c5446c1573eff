import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Relationships } from '../../api/collection.js';
import type { Resource } from '../../api/impcentral.js';
import { CliError } from '../../errors.js';
import { entity, info } from '../../output/messages/common.js';
import { dgMessages } from '../../output/messages/dg.js';
import { findBuild } from '../shared/build-identify.js';
import { session } from '../shared/context.js';
import { identOf } from '../shared/dg-views.js';
import { parseEnvVariable } from '../shared/env-vars.js';
import { DEPLOYMENT, dgSource, Resolver } from '../shared/resolver.js';
import { checkOptionForType, PRODUCTION_TYPES, resolveTarget } from '../shared/targets.js';
import { dgTypeName, relId } from '../shared/views.js';
import { DESCR_OPTION, DG_OPTION, outputThenEnv } from './options.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'update',
  summary: 'Updates the specified Device Group.',
  description: 'Updates the specified Device Group. Fails if the specified Device Group does not exist.',
  options: [
    DG_OPTION,
    { name: 'name', alias: 'n', kind: 'string', usage: '<device_group_name>', describe: "The Device Group's new name. Must be unique among all of the Device Groups belonging to the Product" },
    DESCR_OPTION,
    { name: 'dut', alias: 'u', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: "The Device Group identifier of the specified Device Group's device-under-test target Device Group. May only be specified for factory and pre-factory Device Groups. The device-under-test target Device Group must be of the type dut or pre-dut correspondingly, and belong to the same Product as the specified Device Group." },
    { name: 'target', alias: 't', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: "The Device Group identifier of the specified Device Group's production target Device Group. May only be specified for factory and pre-factory Device Groups. The target Device Group must be of the type production or pre-production correspondingly, and belong to the same Product as the specified Device Group." },
    { name: 'load-code-after-blessing', alias: 'l', kind: 'bool', usage: '[true|false]', describe: 'Only applicable to production and pre-production Device Groups. If true or no value is supplied, production application code is immediately loaded by the device after blessing. If false, production code will be loaded when the device first connects as part of BlinkUp. Newly created Production Device Groups default this setting to true.' },
    { name: 'min-supported-deployment', alias: 'm', kind: 'string', usage: '<BUILD_IDENTIFIER>', describe: 'The Build identifier of the new min_supported_deployment. The Deployment should belong to this Device Group and should be newer than the current min_supported_deployment.' },
    ...outputThenEnv(['Device', 'enclosed', 'alphanumeric,', 'must']),
  ],
});

/** `created_at` order; the group without a min-supported Deployment accepts any of its own. */
async function setMinSupported(res: Resolver, dg: Resource, dgIdent: string, buildIdent: string): Promise<void> {
  const build = await findBuild(res, buildIdent);
  if (relId(build, 'devicegroup') !== dg.id) {
    throw new CliError(dgMessages.notBelongToDg(entity('Deployment', buildIdent), dgIdent));
  }
  const currentId = relId(dg, 'min_supported_deployment');
  const current = currentId ? await res.fetch(DEPLOYMENT, currentId) : undefined;
  if (current && String(build.attributes.created_at) < String(current.attributes.created_at)) {
    throw new CliError(dgMessages.minEarlier);
  }
  await res.api.deviceGroups.setMinSupportedDeployment(dg.id, build.id);
  res.out.info(dgMessages.minUpdated(dgIdent));
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await res.deviceGroup(src);
  const dgIdent = entity('Device Group', identOf(src, dg));
  const type = dgTypeName(dg.type);

  const relationships: Relationships = {};
  for (const option of ['target', 'dut'] as const) {
    const ident = opts[option];
    if (ident === undefined) continue;
    const { rel, link } = await resolveTarget(res, option, ident, type, relId(dg, 'product'));
    relationships[rel] = link;
  }
  const lcab = opts['load-code-after-blessing'];
  if (lcab !== undefined) checkOptionForType('load-code-after-blessing', type, PRODUCTION_TYPES);
  const min = opts['min-supported-deployment'];
  if (min !== undefined) await setMinSupported(res, dg, dgIdent, min);

  const attributes: Record<string, unknown> = {};
  if (opts.name !== undefined) attributes.name = opts.name;
  if (opts.descr !== undefined) attributes.description = opts.descr;
  if (lcab !== undefined) attributes.load_code_after_blessing = lcab;
  if (opts['env-variable'] !== undefined) attributes.env_vars = parseEnvVariable(opts['env-variable'], rt.out);
  await res.api.deviceGroups.update(dg.id, attributes, relationships, dg.type);
  rt.out.info(info.updated(dgIdent));
}
