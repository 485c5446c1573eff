// What `--entities` deletes for a Device Group (project.md and test.md
// "planning"): its devices are unassigned, its flagged builds un-flagged and
// all its builds deleted.
import type { Resource } from '../../api/impcentral.js';
import type { PlanSections } from '../shared/delete-plan.js';
import { deleteDeployment, deleteDeviceGroup, targetsLast, unassignDevice, unflagDeployment } from '../shared/delete-plan.js';
import { entity, info } from '../../output/messages/common.js';
import { ImpCentralApiError } from '../../api/errors.js';
import type { Resolver } from '../shared/resolver.js';

export interface EntityPlan {
  product?: Resource;
  groups: Resource[];
  devices: Resource[];
  unflagged: Resource[];
  deployments: Resource[];
}

export function emptyPlan(): EntityPlan {
  return { groups: [], devices: [], unflagged: [], deployments: [] };
}

/** Adds a group with its devices and builds. */
export async function addGroup(res: Resolver, plan: EntityPlan, dg: Resource): Promise<void> {
  plan.groups.push(dg);
  plan.devices.push(...(await res.api.devices.list({ 'devicegroup.id': dg.id })));
  plan.unflagged.push(...(await res.api.deployments.list({ 'devicegroup.id': dg.id, flagged: 'true' })));
  plan.deployments.push(...(await res.api.deployments.list({ 'devicegroup.id': dg.id })));
}

export function planSections(plan: EntityPlan): PlanSections {
  return {
    deleted: [
      ...(plan.product ? [{ type: 'Product', r: plan.product }] : []),
      ...plan.groups.map((r) => ({ type: 'Device Group', r })),
      ...plan.deployments.map((r) => ({ type: 'Deployment', r })),
    ],
    unassigned: plan.devices,
    unflagged: plan.unflagged,
  };
}

/** Unassign, un-flag, then delete groups (those with targets first), the Product and the builds. */
export async function executePlan(res: Resolver, plan: EntityPlan): Promise<void> {
  for (const d of plan.devices) await unassignDevice(res, d);
  for (const d of plan.unflagged) await unflagDeployment(res, d);
  for (const dg of targetsLast(plan.groups)) await deleteDeviceGroup(res, dg);
  if (plan.product) {
    const ident = entity('Product', plan.product.id);
    try {
      await res.api.products.delete(plan.product.id);
      res.out.info(info.deleted(ident));
    } catch (e) {
      if (!(e instanceof ImpCentralApiError && e.status === 404)) throw e;
      res.out.info(info.alreadyDeleted(ident));
    }
  }
  for (const d of plan.deployments) await deleteDeployment(res, d);
}
