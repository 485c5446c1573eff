import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Resource } from '../../api/impcentral.js';
import { CliError } from '../../errors.js';
import { entity, errors } from '../../output/messages/common.js';
import { dgMessages } from '../../output/messages/dg.js';
import { session } from '../shared/context.js';
import { confirmPlan, deleteDeployment, unflagDeployment } from '../shared/delete-plan.js';
import { identOf } from '../shared/dg-views.js';
import { DEPLOYMENT, dgSource, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { CONFIRMED_OPTION, DG_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'builds',
  summary: 'Updates/deletes builds of the specified Device Group.',
  description:
    "Updates and/or deletes builds (Deployments) belonging to the specified Device Group and displays information about all of the Device Group's Deployments at the end of the command execution.",
  options: [
    DG_OPTION,
    { name: 'unflag', alias: 'u', kind: 'flag', describe: 'Set the "flagged" attribute to false for all the Deployments of the specified Device Group.' },
    { name: 'unflag-old', alias: 'o', kind: 'flag', describe: 'Set the "flagged" attribute to false for all the Deployments of the specified Device Group which are older than min_supported_deployment.' },
    { name: 'remove', alias: 'r', kind: 'flag', describe: 'Deletes all of the specified Device Group\'s Deployments which are older than min_supported_deployment and have their "flagged" attribute set to false. This option works after the --unflag/--unflag-old options.' },
    CONFIRMED_OPTION,
  ],
});

/** Deployments created before `min` (by `created_at`); all of them when there is no min. */
function olderThan(items: Resource[], min: Resource | undefined): Resource[] {
  if (!min) return items;
  const limit = String(min.attributes.created_at);
  return items.filter((d) => String(d.attributes.created_at) < limit);
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await res.deviceGroup(src);
  const ident = entity('Device Group', identOf(src, dg));
  const unflag = opts.unflag;
  const unflagOld = opts['unflag-old'];
  const remove = opts.remove;
  const minId = relId(dg, 'min_supported_deployment');
  const min = minId && ((unflagOld && !unflag) || remove) ? await res.fetch(DEPLOYMENT, minId) : undefined;

  let toUnflag: Resource[] = [];
  if (unflag || unflagOld) {
    const flagged = await res.api.deployments.list({ 'devicegroup.id': dg.id, flagged: 'true' });
    toUnflag = unflag ? flagged : olderThan(flagged, min);
  }
  // Without a terminal the removal cannot be confirmed: refuse before
  // unflagging anything when it would have something to delete (DIFFERENCES F1).
  if (remove && toUnflag.length > 0 && !opts.confirmed && !rt.out.canPrompt) {
    const unflagged = await res.api.deployments.list({ 'devicegroup.id': dg.id, flagged: 'false' });
    if (olderThan([...unflagged, ...toUnflag], min).length > 0) throw new CliError(errors.confirmationRequired);
  }
  if (unflag || unflagOld) {
    if (toUnflag.length === 0) rt.out.info(dgMessages.noFlagged(ident));
    for (const d of toUnflag) await unflagDeployment(res, d);
  }
  if (remove) {
    const unflagged = await res.api.deployments.list({ 'devicegroup.id': dg.id, flagged: 'false' });
    const toDelete = olderThan(unflagged, min);
    if (toDelete.length === 0) rt.out.info(dgMessages.noDeletable(ident));
    else {
      await confirmPlan(rt.out, { deleted: toDelete.map((r) => ({ type: 'Deployment', r })) }, opts.confirmed);
      for (const d of toDelete) await deleteDeployment(res, d);
    }
  }
  const all = await res.api.deployments.list({ 'devicegroup.id': dg.id });
  rt.out.list('Deployment', await res.listItems('Deployment', all));
}
