// Devices of the log commands: the Project file's Device Group when no
// identifier is given (interface/log.md, "Device selection").
import type { Resource } from '../../api/impcentral.js';
import { readProjectFile } from '../../context/project-file.js';
import { CliError } from '../../errors.js';
import { errors, info } from '../../output/messages/common.js';
import type { Resolver } from '../shared/resolver.js';

/** The Project file's Device Group id, checked before authentication; undefined without a Project file. */
export function projectDgId(cwd: string): string | undefined {
  return readProjectFile(cwd)?.deviceGroupId;
}

/** Every device assigned to a Device Group. */
export function devicesOf(res: Resolver, dgId: string): Promise<Resource[]> {
  return res.api.devices.list({ 'devicegroup.id': dgId });
}

/** The only device of the Project's Device Group (`log get` without --device). */
export async function onlyProjectDevice(res: Resolver, dgId: string): Promise<Resource> {
  const dg = await res.deviceGroup({ projectDgId: dgId });
  const devices = await devicesOf(res, dg.id);
  if (devices.length === 0) throw new CliError(errors.noIdentifier('Device'));
  if (devices.length > 1) {
    throw new CliError(errors.multipleNoIdent('Device'), { entities: await res.listItems('Device', devices), infoLines: [info.impossible] });
  }
  return devices[0]!;
}
