import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Relationships } from '../../api/collection.js';
import { DG_TYPES } from '../../api/wire.js';
import { projectFileExists, writeProjectFile, type ProjectFile } from '../../context/project-file.js';
import { entity, info, parse } from '../../output/messages/common.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { AGENT_FILE_OPTION, CONFIRMED_OPTION, DEVICE_FILE_OPTION, DG_DESCR_OPTION, DG_NAME_OPTION, DUT_OPTION, TARGET_OPTION } from './options.js';
import { confirmOverwrite } from './overwrite.js';
import { projectView } from './project-view.js';
import { ensureSourceFiles } from './source-files.js';
import { productOrCreate, targetGroup, targetLink } from './targets.js';

export const spec = defineCommand({
  group: 'project',
  name: 'create',
  summary: 'Creates a new Device Group and a new Project file.',
  description:
    'Creates a new Device Group of the specified Product and a new Project file in the current directory that refers to it. Missing device and agent source files are created empty.',
  options: [
    { name: 'product', alias: 'p', kind: 'string', required: true, usage: '<PRODUCT_IDENTIFIER>', describe: 'A Product identifier: Product ID or Product name. The new Device Group is created in this Product.' },
    { name: 'create-product', alias: 'c', kind: 'flag', describe: 'If the --product value matches no Product, a Product with that name is created first. Has no effect when the Product exists.' },
    { ...DG_NAME_OPTION, required: true, describe: 'Name for the new Device Group; no other Device Group of the Product may have it.' },
    { ...DG_DESCR_OPTION, describe: 'Description of the new Device Group. Optional.' },
    DEVICE_FILE_OPTION,
    AGENT_FILE_OPTION,
    { name: 'pre-factory', alias: 'f', kind: 'flag', describe: 'Creates a pre-factory Device Group instead of a development one. Requires --target and --dut.' },
    {
      ...DUT_OPTION,
      describe:
        'Device-under-test (DUT) target of the new Device Group, given as a Device Group identifier. Only with --pre-factory; the target must be a pre-dut Device Group of the same Product.',
    },
    { name: 'create-dut', alias: 'w', kind: 'flag', describe: 'If the --dut value matches no Device Group, a pre-dut Device Group with that name is created. Has no effect without --dut or when that Device Group exists.' },
    {
      ...TARGET_OPTION,
      describe:
        'Production target of the new Device Group, given as a Device Group identifier. Only with --pre-factory; the target must be a pre-production Device Group of the same Product.',
    },
    { name: 'create-target', alias: 'r', kind: 'flag', describe: 'If the --target value matches no Device Group, a pre-production Device Group with that name is created. Has no effect without --target or when that Device Group exists.' },
    CONFIRMED_OPTION,
  ],
  // an empty --target/--dut counts as absent here, as in impt 2.6.1: with
  // --pre-factory it is reported as missing, without it as empty
  check: (opts) => {
    const preFactory = opts['pre-factory'];
    if (preFactory !== Boolean(opts.target)) return parse.together('pre-factory', 'target');
    if (preFactory !== Boolean(opts.dut)) return parse.together('pre-factory', 'dut');
    return undefined;
  },
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const name = opts.name;
  const project: ProjectFile = { deviceGroupId: '', deviceFile: opts['device-file'], agentFile: opts['agent-file'] };
  // the question comes first: the auth context is needed only afterwards
  await confirmOverwrite(rt.out, projectFileExists(rt.cwd), opts.confirmed, msg.overwrite);
  const res = new Resolver(session(rt), rt.out);

  const product = await productOrCreate(res, opts.product, opts['create-product']);
  const relationships: Relationships = { product: { type: 'product', id: product.id } };
  const preFactory = opts['pre-factory'];
  if (preFactory) {
    // the check has made sure that --target and --dut come with --pre-factory
    const target = await targetGroup(res, 'production', opts.target!, product.id, opts['create-target']);
    const dut = await targetGroup(res, 'dut', opts.dut!, product.id, opts['create-dut']);
    Object.assign(relationships, targetLink('production', target), targetLink('dut', dut));
  }
  const attributes: Record<string, unknown> = { name };
  if (opts.descr !== undefined) attributes.description = opts.descr;
  const type = preFactory ? DG_TYPES['pre-factory'] : DG_TYPES.development;
  const dg = await res.api.deviceGroups.create(attributes, relationships, type);
  rt.out.info(info.created(entity('Device Group', name)));

  ensureSourceFiles(rt.cwd, project.deviceFile, project.agentFile, rt.out);
  project.deviceGroupId = dg.id;
  writeProjectFile(rt.cwd, project);
  const view = await projectView(res, project, dg, false);
  rt.out.info(msg.created);
  rt.out.result(view);
}
