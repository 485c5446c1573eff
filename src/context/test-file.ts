// `.impt.test` (the test configuration) and the GitHub credentials file of
// interface/test.md: locations, validity rules and the written layout.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { lazySchema, type Parsed } from '../api/wire.js';
import { ContextError } from '../errors.js';
import { fileAccessError, readJsonFile, readJsonObjectLoose, writeJsonFile } from './json-file.js';

export const TEST_FILE_NAME = '.impt.test';
export const BUILDER_CACHE_DIR = '.builder-cache';
export const DEBUG_BUILD_DIR = '.build';
export const DEFAULT_TEST_FILES = ['*.test.nut', 'tests/**/*.test.nut'];
export const DEFAULT_TIMEOUT = 30;

/** The keys of interface/test.md with their types; other keys are kept as they are. */
const TestConfigSchema = lazySchema(() =>
  z.object({
    deviceGroupId: z.string().check(z.minLength(1)),
    timeout: z.optional(z.number()),
    stopOnFail: z.optional(z.boolean()),
    allowDisconnect: z.optional(z.boolean()),
    builderCache: z.optional(z.boolean()),
    testFiles: z.optional(z.array(z.string())),
    deviceFile: z.optional(z.string()),
    agentFile: z.optional(z.string()),
    githubConfig: z.optional(z.string()),
    builderConfig: z.optional(z.string()),
  }),
);

export type TestConfig = Parsed<typeof TestConfigSchema> & Record<string, unknown>;

export function testFilePath(cwd: string): string {
  return join(cwd, TEST_FILE_NAME);
}

export function testFileExists(cwd: string): boolean {
  return existsSync(testFilePath(cwd));
}

/** The parsed file, without validity checks; `{}` when it is not a JSON object. */
export function readTestFileLoose(cwd: string): Record<string, unknown> | undefined {
  return readJsonObjectLoose(testFilePath(cwd));
}

/** The test configuration; absent → not found, bad JSON, no `deviceGroupId` or a field of another type → corrupted. */
export function readTestFile(cwd: string): TestConfig {
  const read = readJsonFile(testFilePath(cwd), TestConfigSchema.schema);
  if (read.status === 'missing') throw new ContextError({ kind: 'not-in-cwd', file: { role: 'test' } });
  if (read.status === 'corrupted') throw new ContextError({ kind: 'corrupted', file: { role: 'test' } });
  return read.data;
}

export function writeTestFile(cwd: string, config: TestConfig): void {
  writeJsonFile(testFilePath(cwd), config);
}

/** Relative paths in the configuration are relative to the current directory. */
export function inCwd(cwd: string, file: string): string {
  return resolve(cwd, file);
}

/** The token is a secret: the file is readable by its owner only, like `.impt.auth` (DIFFERENCES F6). */
export function writeGithubCredentials(path: string, user: string, token: string): void {
  writeJsonFile(path, { githubUser: user, githubToken: token }, 0o600);
}

/**
 * Removes impt's own `.builder-cache` or `.build` in the current directory
 * with everything under it (a symbolic link of that name: the link only);
 * failures become `File error: …`. Nothing else is ever removed recursively.
 */
export function removeOwnDirectory(cwd: string, name: typeof BUILDER_CACHE_DIR | typeof DEBUG_BUILD_DIR): void {
  const path = inCwd(cwd, name);
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (e) {
    throw fileAccessError(path, e);
  }
}
