// Delete summaries and the steps shared by every delete flow
// (interface/README.md §8.2, product.md Phase 3): 404 during deletion means
// "already deleted" and the command goes on.
import { ImpCentralApiError } from '../../api/errors.js';
import type { Resource } from '../../api/impcentral.js';
import type { DisplayObject } from '../../output/format.js';
import { deletePlan, entity, errors, info } from '../../output/messages/common.js';
import type { Printer } from '../../output/printer.js';
import { confirm, showsQuestionContext } from '../../prompt/index.js';
import { CliError } from '../../errors.js';
import type { Resolver } from './resolver.js';
import { relId, shortView, wrap } from './views.js';

export interface PlanSections {
  /** entities to delete, grouped in the order Product, Device Group, Device, Deployment… */
  deleted?: Array<{ type: string; r: Resource }>;
  unassigned?: Resource[];
  removed?: Resource[];
  unflagged?: Resource[];
  /** lines after the sections, before the question (local files of project/test delete) */
  trailer?: string[];
}

const MAX_SHOWN = 5;

function section(out: Printer, title: string, items: DisplayObject[], typeForMore: string): void {
  out.dialog(title);
  items.slice(0, MAX_SHOWN).forEach((i) => out.dialog(out.text(i)));
  if (items.length > MAX_SHOWN) out.dialog(info.andMore(items.length - MAX_SHOWN, typeForMore));
  out.dialog('');
}

/** Prints the summary and asks; skipped entirely with --confirmed. */
export async function confirmPlan(out: Printer, plan: PlanSections, confirmed: boolean): Promise<void> {
  if (confirmed) return;
  // without a terminal the summary still comes before the F1 error (not in json mode)
  if (!showsQuestionContext(out)) throw new CliError(errors.confirmationRequired);
  if (plan.deleted?.length) {
    const order = ['Product', 'Device Group', 'Device', 'Deployment', 'Webhook', 'Login Key'];
    const sorted = [...plan.deleted].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    out.dialog(deletePlan.willBeDeleted);
    for (const type of order) {
      const ofType = sorted.filter((d) => d.type === type);
      ofType.slice(0, MAX_SHOWN).forEach((d) => out.dialog(out.text(wrap(type, shortView(type, d.r)))));
      if (ofType.length > MAX_SHOWN) out.dialog(info.andMore(ofType.length - MAX_SHOWN, type));
    }
    out.dialog('');
  }
  const devices = (rs: Resource[]) => rs.map((r) => wrap('Device', shortView('Device', r)));
  if (plan.unassigned?.length) section(out, deletePlan.willBeUnassigned, devices(plan.unassigned), 'Device');
  if (plan.removed?.length) section(out, deletePlan.willBeRemoved, devices(plan.removed), 'Device');
  if (plan.unflagged?.length) {
    section(out, deletePlan.willBeUnflagged, plan.unflagged.map((r) => wrap('Deployment', shortView('Deployment', r))), 'Deployment');
  }
  for (const line of plan.trailer ?? []) out.dialog(line);
  await confirm(out);
}

async function tolerate404(out: Printer, ident: string, step: () => Promise<unknown>, done: string): Promise<void> {
  try {
    await step();
    out.info(done);
  } catch (e) {
    if (e instanceof ImpCentralApiError && e.status === 404) {
      out.info(info.alreadyDeleted(ident));
      return;
    }
    throw e;
  }
}

export function unassignDevice(res: Resolver, device: Resource, unbondKey?: string): Promise<void> {
  const dg = relId(device, 'devicegroup');
  const ident = entity('Device', device.id);
  if (!dg) return Promise.resolve(res.out.info(info.alreadyUnassigned(ident)));
  return tolerate404(res.out, ident, () => res.api.deviceGroups.removeDevices(dg, [device.id], unbondKey), info.unassigned(ident));
}

export function unflagDeployment(res: Resolver, d: Resource): Promise<void> {
  const ident = entity('Deployment', d.id);
  return tolerate404(res.out, ident, () => res.api.deployments.update(d.id, { flagged: false }), info.updated(ident));
}

export function deleteDeployment(res: Resolver, d: Resource, ident = entity('Deployment', d.id)): Promise<void> {
  return tolerate404(res.out, ident, () => res.api.deployments.delete(d.id), info.deleted(ident));
}

export function deleteDeviceGroup(res: Resolver, dg: Resource, ident = entity('Device Group', dg.id)): Promise<void> {
  return tolerate404(res.out, ident, () => res.api.deviceGroups.delete(dg.id), info.deleted(ident));
}

/** Device Groups that are targets of others are deleted after the groups pointing at them. */
export function targetsLast(dgs: Resource[]): Resource[] {
  const hasTarget = (r: Resource) => Boolean(relId(r, 'production_target') || relId(r, 'dut_target'));
  return [...dgs.filter(hasTarget), ...dgs.filter((r) => !hasTarget(r))];
}
