import { existsSync } from 'node:fs';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { checkDeletableFile, deleteFile } from '../../context/json-file.js';
import { BUILDER_CACHE_DIR, DEBUG_BUILD_DIR, inCwd, readTestFileLoose, removeOwnDirectory, TEST_FILE_NAME, testFilePath } from '../../context/test-file.js';
import { testMessages as msg } from '../../output/messages/test.js';
import { confirmPlan } from '../shared/delete-plan.js';
import { addGroup, emptyPlan, executePlan, planSections, type EntityPlan } from '../project/entity-plan.js';
import { CONFIRMED_OPTION } from '../project/options.js';
import { session } from '../shared/context.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';

export const spec = defineCommand({
  group: 'test',
  name: 'delete',
  summary: 'Deletes the test configuration file.',
  description:
    'Deletes the test configuration file of the current directory, together with the Builder cache and the debug build directory there; options also delete the related files and impCentral entities. Does nothing when there is no test configuration file.',
  options: [
    { name: 'github-config', alias: 'i', kind: 'flag', describe: 'Also deletes the GitHub credentials file named in the test configuration.' },
    { name: 'builder-config', alias: 'j', kind: 'flag', describe: 'Also deletes the Builder variables file named in the test configuration.' },
    { name: 'entities', alias: 'e', kind: 'flag', describe: 'Also deletes the Device Group of the test configuration with its Deployments, and its Product when it has no other Device Group. Devices of the Device Group are unassigned.' },
    { name: 'all', alias: 'a', kind: 'flag', describe: 'Same as --github-config, --builder-config and --entities together.' },
    CONFIRMED_OPTION,
  ],
});

async function entityPlan(res: Resolver, dgId: string): Promise<EntityPlan> {
  const plan = emptyPlan();
  const dg = await res.fetch(DEVICE_GROUP, dgId);
  if (!dg) return plan; // gone: only local files are deleted
  const productId = relId(dg, 'product');
  if (productId && (await res.api.deviceGroups.list({ 'product.id': productId })).length === 1) {
    plan.product = await res.api.products.get(productId);
  }
  await addGroup(res, plan, dg);
  return plan;
}

interface LocalItem {
  remove: () => void;
  done: string;
}

/**
 * Local files and directories to delete, in execution order, and the planning
 * lines. Only `.builder-cache` and `.build` are removed with their contents;
 * the configuration files must be regular files, or nothing is deleted.
 */
function localItems(config: Record<string, unknown>, opts: Options<typeof spec>, rt: CommandRuntime): { items: LocalItem[]; lines: string[] } {
  const items: LocalItem[] = [];
  const lines: string[] = [];
  for (const [dir, plan, done] of [
    [BUILDER_CACHE_DIR, msg.cacheWillBeDeleted, msg.cacheDeleted],
    [DEBUG_BUILD_DIR, msg.buildDirWillBeDeleted, msg.buildDirDeleted],
  ] as const) {
    if (!existsSync(inCwd(rt.cwd, dir))) continue;
    lines.push(plan);
    items.push({ remove: () => removeOwnDirectory(rt.cwd, dir), done });
  }
  const all = opts.all;
  const file = (path: string, shown: string, done: string) => {
    checkDeletableFile(path, shown);
    items.push({ remove: () => deleteFile(path, shown), done });
  };
  for (const [option, key, willBe, notFound, done] of [
    ['github-config', 'githubConfig', msg.githubWillBeDeleted, msg.githubNotFound, msg.githubDeleted],
    ['builder-config', 'builderConfig', msg.builderWillBeDeleted, msg.builderNotFound, msg.builderDeleted],
  ] as const) {
    const name = config[key];
    if (!(all || opts[option]) || typeof name !== 'string' || !name) continue;
    if (!existsSync(inCwd(rt.cwd, name))) {
      lines.push(notFound(name));
      continue;
    }
    file(inCwd(rt.cwd, name), name, done);
    lines.push(willBe(name));
  }
  file(testFilePath(rt.cwd), TEST_FILE_NAME, msg.deleted);
  lines.push(msg.testFileWillBeDeleted);
  return { items, lines };
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const config = readTestFileLoose(rt.cwd);
  if (!config) {
    rt.out.info(msg.noTestFile);
    return;
  }
  // files that cannot be deleted stop the command before anything is
  const local = localItems(config, opts, rt);
  const dgId = typeof config.deviceGroupId === 'string' ? config.deviceGroupId : '';
  const withEntities = opts.all || opts.entities;
  const res = withEntities && dgId ? new Resolver(session(rt), rt.out) : undefined;
  const plan = res ? await entityPlan(res, dgId) : emptyPlan();
  await confirmPlan(rt.out, { ...planSections(plan), trailer: local.lines }, opts.confirmed);

  if (res) await executePlan(res, plan);
  for (const item of local.items) {
    item.remove();
    rt.out.info(item.done);
  }
}
