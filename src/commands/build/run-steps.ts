// What `build run` does after creating the build (interface/build.md,
// build run steps 2–4): new min supported Deployment, Device Group update,
// restart of the group's devices.
import type { Resource } from '../../api/impcentral.js';
import { CliError } from '../../errors.js';
import { buildMessages as msg } from '../../output/messages/build.js';
import { entity, info } from '../../output/messages/common.js';
import type { CreatedBuild } from './create-build.js';
import { DEPLOYMENT, DEVICE_GROUP } from '../shared/resolver.js';
import { relId, shortView, wrap } from '../shared/views.js';

const MAX_SHOWN = 5;

const createdAt = (d: Resource) => String(d.attributes.created_at ?? '');

/** Makes the new build the Device Group's min supported Deployment, with impt's guards. */
export async function setMinSupported({ res, dg, dgIdent, build }: CreatedBuild): Promise<void> {
  const group = await res.api.deviceGroups.get(dg.id);
  res.remember(DEVICE_GROUP, group);
  const fresh = await res.api.deployments.get(build.id);
  if (relId(fresh, 'devicegroup') !== group.id) throw new CliError(msg.notOfDg(entity('Deployment', build.id), dgIdent));
  const minId = relId(group, 'min_supported_deployment');
  const min = minId ? await res.fetch(DEPLOYMENT, minId) : undefined;
  if (min && createdAt(fresh) < createdAt(min)) throw new CliError(msg.earlierMinSupported);
  await res.api.deviceGroups.setMinSupportedDeployment(group.id, build.id);
  res.out.info(msg.minSupportedUpdated(dgIdent));
}

/** `build run` writes the build description into the Device Group too (empty update otherwise). */
export async function updateGroup({ res, dg, dgIdent }: CreatedBuild, description: string | undefined): Promise<void> {
  await res.api.deviceGroups.update(dg.id, description === undefined ? {} : { description }, undefined, dg.type);
  res.out.info(info.updated(dgIdent));
}

/** Restarts the group's devices; returns them (none → nothing restarted). */
export async function restartGroup({ res, dg, dgIdent }: CreatedBuild, conditional: boolean): Promise<Resource[]> {
  const devices = await res.api.devices.list({ 'devicegroup.id': dg.id });
  if (devices.length === 0) {
    res.out.info(msg.noDevices(dgIdent));
    return devices;
  }
  await res.api.deviceGroups.restart(dg.id, conditional);
  const out = res.out;
  out.info(msg.restarted(dgIdent, conditional));
  for (const d of devices.slice(0, MAX_SHOWN)) out.info(out.text(wrap('Device', shortView('Device', d))));
  if (devices.length > MAX_SHOWN) out.info(info.andMore(devices.length - MAX_SHOWN, 'Device'));
  return devices;
}
