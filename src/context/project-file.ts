// `.impt.project` in the current directory (interface/README.md §10.3).
import { chmodSync, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

/** The file's JSON without validation (`project delete` reads whatever is there). */
export function readProjectFileLoose(cwd: string): Record<string, unknown> | undefined {
  return readJsonObjectLoose(projectFilePath(cwd));
}

/** A JSON object file: `undefined` when absent, `{}` when it is not a JSON object. */
export function readJsonObjectLoose(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Writes the file as impt does: 2-space JSON, no trailing newline, keys in the given order. */
export function writeProjectFile(cwd: string, data: ProjectFile): void {
  writeJsonFile(projectFilePath(cwd), data);
}

export function deleteProjectFile(cwd: string): void {
  deleteFile(projectFilePath(cwd), PROJECT_FILE_NAME);
}

/**
 * Configuration and source files named in a file that travels with a
 * repository are removed only when they are regular files: a directory (or
 * anything else) under that name is refused, `shown` naming it. Absent is fine.
 */
export function checkDeletableFile(path: string, shown: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return;
  }
  if (!isFile) throw new CliError(errors.fileError(shown, errors.notRegularFile));
}

/** Unlinks one file (a symbolic link itself, never its target), after `checkDeletableFile`. */
export function deleteFile(path: string, shown: string): void {
  checkDeletableFile(path, shown);
  try {
    unlinkSync(path);
  } catch (e) {
    throw new CliError(errors.fileError(shown, (e as Error).message));
  }
}

/**
 * 2-space JSON without a trailing newline, the layout of every impt config
 * file. With `mode`, an existing file gets that mode before it is rewritten.
 */
export function writeJsonFile(path: string, data: unknown, mode?: number): void {
  try {
    if (mode !== undefined && existsSync(path)) chmodSync(path, mode);
    writeFileSync(path, JSON.stringify(data, null, 2), mode === undefined ? undefined : { mode });
  } catch (e) {
    throw new CliError(errors.fileError(path, (e as Error).message));
  }
}
