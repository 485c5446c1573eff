// The Project file and its Device Group, as project info/update need them.
import type { Resource } from '../../api/impcentral.js';
import { readProjectFile, type ProjectFile } from '../../context/project-file.js';
import { CliError } from '../../errors.js';
import { errors } from '../../output/messages/common.js';
import type { Resolver } from '../shared/resolver.js';

/** `.impt.project` of the current directory: not found / corrupted errors. Checked before authentication. */
export function requireProjectFile(cwd: string): ProjectFile {
  const project = readProjectFile(cwd);
  if (!project) throw new CliError(errors.fileNotInCwd('Project'));
  return project;
}

/** The Project's Device Group; a deleted one gives the "outdated Project" error. */
export function projectDeviceGroup(res: Resolver, project: ProjectFile): Promise<Resource> {
  return res.deviceGroup({ projectDgId: project.deviceGroupId });
}
