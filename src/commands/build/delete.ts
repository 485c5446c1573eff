import type { Resource } from '../../api/impcentral.js';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { CliError } from '../../errors.js';
import { buildMessages as msg } from '../../output/messages/build.js';
import { entity, info } from '../../output/messages/common.js';
import { findBuild } from '../shared/build-identify.js';
import { CONFIRMED_OPTION } from '../shared/common-options.js';
import { session } from '../shared/context.js';
import { confirmPlan, deleteDeployment } from '../shared/delete-plan.js';
import { DEPLOYMENT, DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { REQUIRED_BUILD_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'build',
  name: 'delete',
  summary: 'Deletes the specified build.',
  description: 'Deletes the specified build (Deployment).',
  options: [
    REQUIRED_BUILD_OPTION,
    { name: 'force', alias: 'f', kind: 'flag', describe: 'Also deletes a flagged build: its "flagged" attribute is set to false before the deletion.' },
    CONFIRMED_OPTION,
  ],
});

const createdAt = (d: Resource) => String(d.attributes.created_at ?? '');

/** Only builds strictly older than the group's min supported Deployment can go. */
async function checkNotMinSupported(res: Resolver, build: Resource, ident: string): Promise<void> {
  const dgId = relId(build, 'devicegroup');
  const dg = dgId ? await res.fetch(DEVICE_GROUP, dgId) : undefined;
  const minId = dg ? relId(dg, 'min_supported_deployment') : undefined;
  const min = minId ? await res.fetch(DEPLOYMENT, minId) : undefined;
  if (min && !(createdAt(build) < createdAt(min))) {
    throw new CliError(msg.minSupportedOrNewer(ident, entity('Device Group', dgId!)));
  }
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const value = opts.build;
  const res = new Resolver(session(rt), rt.out);
  const build = await findBuild(res, value);
  const ident = entity('Deployment', value);
  await checkNotMinSupported(res, build, ident);
  const unflag = opts.force && build.attributes.flagged === true;
  await confirmPlan(rt.out, { deleted: [{ type: 'Deployment', r: build }], unflagged: unflag ? [build] : [] }, opts.confirmed);
  if (unflag) {
    await res.api.deployments.update(build.id, { flagged: false });
    rt.out.info(info.updated(ident));
  }
  await deleteDeployment(res, build, ident);
}
