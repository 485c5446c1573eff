import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Relationships } from '../../api/collection.js';
import { writeProjectFile } from '../../context/project-file.js';
import { CliError } from '../../errors.js';
import { entity, info } from '../../output/messages/common.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import { session } from '../shared/context.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { dgTypeName, relId } from '../shared/views.js';
import { projectDeviceGroup, requireProjectFile } from './load.js';
import { AGENT_FILE_OPTION, DEVICE_FILE_OPTION, DG_DESCR_OPTION, DG_NAME_OPTION, DUT_OPTION, TARGET_OPTION } from './options.js';
import { projectView } from './project-view.js';
import { ensureSourceFiles } from './source-files.js';
import { targetGroup, targetLink } from './targets.js';

export const spec = defineCommand({
  group: 'project',
  name: 'update',
  summary: 'Updates the Project settings and/or related Device Group attributes.',
  description:
    'Changes the settings in the Project file of the current directory and/or the name, description and targets of its Device Group. Device and agent source files that do not exist are created empty. Fails if there is no Project file in the current directory.',
  options: [
    DG_NAME_OPTION,
    DG_DESCR_OPTION,
    { ...DEVICE_FILE_OPTION, default: undefined, describe: 'New name of the file with the device source code. It is created empty if it does not exist.' },
    { ...AGENT_FILE_OPTION, default: undefined, describe: 'New name of the file with the agent source code. It is created empty if it does not exist.' },
    DUT_OPTION,
    TARGET_OPTION,
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const project = requireProjectFile(rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  let dg = await projectDeviceGroup(res, project);

  const target = opts.target;
  const dut = opts.dut;
  const descr = opts.descr;
  if (opts.name !== undefined || descr || target !== undefined || dut !== undefined) {
    const type = dgTypeName(dg.type);
    for (const [option, value] of [['target', target], ['dut', dut]] as const) {
      if (value !== undefined && type !== 'pre-factory' && type !== 'factory') throw new CliError(msg.invalidTargetOption(option, type));
    }
    const productId = relId(dg, 'product') ?? '';
    const relationships: Relationships = {};
    if (target !== undefined) Object.assign(relationships, targetLink('production', await targetGroup(res, 'production', target, productId, false)));
    if (dut !== undefined) Object.assign(relationships, targetLink('dut', await targetGroup(res, 'dut', dut, productId, false)));
    const attributes: Record<string, unknown> = {};
    if (opts.name !== undefined) attributes.name = opts.name;
    if (descr !== undefined) attributes.description = descr;
    dg = await res.api.deviceGroups.update(dg.id, attributes, relationships, dg.type);
    res.remember(DEVICE_GROUP, dg);
    rt.out.info(info.updated(entity('Device Group', dg.id)));
  }

  if (opts['device-file'] !== undefined) project.deviceFile = opts['device-file'];
  if (opts['agent-file'] !== undefined) project.agentFile = opts['agent-file'];
  ensureSourceFiles(rt.cwd, project.deviceFile, project.agentFile, rt.out);
  writeProjectFile(rt.cwd, project);
  const view = await projectView(res, project, dg, false);
  rt.out.info(msg.updated);
  rt.out.result(view);
}
