// `.impt.project` in the current directory (interface/README.md §10.3).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { errors } from '../output/messages/common.js';

export const PROJECT_FILE_NAME = '.impt.project';

export interface ProjectFile {
  deviceGroupId: string;
  deviceFile?: string;
  agentFile?: string;
  [key: string]: unknown;
}

export function projectFilePath(cwd: string): string {
  return join(cwd, PROJECT_FILE_NAME);
}

export function projectFileExists(cwd: string): boolean {
  return existsSync(projectFilePath(cwd));
}

/** The Project file, `undefined` when there is none; corrupted → `Project File is corrupted.` */
export function readProjectFile(cwd: string): ProjectFile | undefined {
  const path = projectFilePath(cwd);
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CliError(errors.fileCorrupted('Project'));
  }
  const p = parsed as Partial<ProjectFile> | null;
  if (!p || typeof p !== 'object' || typeof p.deviceGroupId !== 'string' || !p.deviceGroupId) {
    throw new CliError(errors.fileCorrupted('Project'));
  }
  return p as ProjectFile;
}
