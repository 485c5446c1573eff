// `.impt.project` in the current directory (interface/README.md §10.3).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { lazySchema, type Parsed } from '../api/wire.js';
import { ContextError } from '../errors.js';
import { deleteFile, readJsonFile, readJsonObjectLoose, writeJsonFile } from './json-file.js';

export const PROJECT_FILE_NAME = '.impt.project';

/** The keys impt uses, with their types; other keys are kept as they are. */
const ProjectFileSchema = lazySchema(() =>
  z.object({
    deviceGroupId: z.string().check(z.minLength(1)),
    deviceFile: z.optional(z.string()),
    agentFile: z.optional(z.string()),
  }),
);

export type ProjectFile = Parsed<typeof ProjectFileSchema> & Record<string, unknown>;

export function projectFilePath(cwd: string): string {
  return join(cwd, PROJECT_FILE_NAME);
}

export function projectFileExists(cwd: string): boolean {
  return existsSync(projectFilePath(cwd));
}

/** The Project file, `undefined` when there is none; bad JSON, no `deviceGroupId` or a field of another type → `Project File is corrupted.` */
export function readProjectFile(cwd: string): ProjectFile | undefined {
  const read = readJsonFile(projectFilePath(cwd), ProjectFileSchema.schema);
  if (read.status === 'missing') return undefined;
  if (read.status === 'corrupted') throw new ContextError({ kind: 'corrupted', file: { role: 'project' } });
  return read.data;
}

/** The file's JSON without validation (`project delete` reads whatever is there). */
export function readProjectFileLoose(cwd: string): Record<string, unknown> | undefined {
  return readJsonObjectLoose(projectFilePath(cwd));
}

/** Writes the file as impt does: 2-space JSON, no trailing newline, keys in the given order. */
export function writeProjectFile(cwd: string, data: ProjectFile): void {
  writeJsonFile(projectFilePath(cwd), data);
}

export function deleteProjectFile(cwd: string): void {
  deleteFile(projectFilePath(cwd), PROJECT_FILE_NAME);
}
