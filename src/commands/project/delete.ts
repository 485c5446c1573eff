import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Resource } from '../../api/impcentral.js';
import { checkDeletableFile, deleteFile } from '../../context/json-file.js';
import { deleteProjectFile, PROJECT_FILE_NAME, projectFilePath, readProjectFileLoose } from '../../context/project-file.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import { session } from '../shared/context.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { confirmPlan } from '../shared/delete-plan.js';
import { addGroup, emptyPlan, executePlan, planSections, type EntityPlan } from './entity-plan.js';
import { CONFIRMED_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'project',
  name: 'delete',
  summary: 'Deletes the Project file and related entities.',
  description:
    'Deletes the Project file in the current directory. Options also delete the impCentral entities of the Project (Device Group, Product, Deployments) and its device and agent source files. Does nothing when there is no Project file.',
  options: [
    { name: 'entities', alias: 'e', kind: 'flag', describe: "Also deletes the Project's Device Group with its Deployments, its production and DUT targets and the Product when nothing else uses them. Devices of deleted Device Groups are unassigned." },
    { name: 'files', alias: 'f', kind: 'flag', describe: 'Also deletes the device and agent source files named in the Project file.' },
    { name: 'all', alias: 'a', kind: 'flag', describe: 'Same as --entities and --files together.' },
    CONFIRMED_OPTION,
  ],
});

/** Groups of the product that target `dg` as `rel`. */
function targeting(groups: Resource[], rel: string, dg: Resource): number {
  return groups.filter((g) => relId(g, rel) === dg.id).length;
}

async function entityPlan(res: Resolver, dgId: string): Promise<EntityPlan> {
  const plan = emptyPlan();
  const dg = await res.fetch(DEVICE_GROUP, dgId);
  if (!dg) return plan; // gone: only local files are deleted
  const productId = relId(dg, 'product');
  const groups = productId ? await res.api.deviceGroups.list({ 'product.id': productId }) : [];
  const production = relId(dg, 'production_target');
  const dut = relId(dg, 'dut_target');
  if (productId && groups.length === (production && dut ? 3 : 1)) plan.product = await res.api.products.get(productId);
  for (const [rel, id] of [['production_target', production], ['dut_target', dut]] as const) {
    const target = id ? groups.find((g) => g.id === id) ?? (await res.fetch(DEVICE_GROUP, id)) : undefined;
    if (target && targeting(groups, rel, target) === 1) await addGroup(res, plan, target);
  }
  await addGroup(res, plan, dg);
  return plan;
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const project = readProjectFileLoose(rt.cwd);
  if (!project) {
    rt.out.info(msg.noProjectFile);
    return;
  }
  const all = opts.all;
  const withEntities = all || opts.entities;
  const withFiles = all || opts.files;
  const files = withFiles
    ? [project.deviceFile, project.agentFile].filter((f): f is string => typeof f === 'string' && f !== '' && existsSync(resolve(rt.cwd, f)))
    : [];
  // files that cannot be deleted stop the command before anything is
  for (const f of files) checkDeletableFile(resolve(rt.cwd, f), f);
  checkDeletableFile(projectFilePath(rt.cwd), PROJECT_FILE_NAME);
  const dgId = typeof project.deviceGroupId === 'string' ? project.deviceGroupId : '';
  const res = withEntities && dgId ? new Resolver(session(rt), rt.out) : undefined;
  const plan = res ? await entityPlan(res, dgId) : emptyPlan();

  const trailer = files.length ? [msg.filesWillBeDeleted, msg.sourceFilesList(files), ''] : [];
  trailer.push(msg.projectFileWillBeDeleted);
  await confirmPlan(rt.out, { ...planSections(plan), trailer: trailer }, opts.confirmed);

  if (res) await executePlan(res, plan);
  if (files.length) {
    for (const f of files) deleteFile(resolve(rt.cwd, f), f);
    rt.out.info(msg.sourceFilesDeleted(files));
  }
  deleteProjectFile(rt.cwd);
  rt.out.info(msg.deleted);
}
