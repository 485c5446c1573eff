// `.impt.test` (the test configuration) and the GitHub credentials file of
// interface/test.md: locations, validity rules and the written layout.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../errors.js';
import { errors } from '../output/messages/common.js';
import { readJsonObjectLoose, writeJsonFile } from './project-file.js';

export const TEST_FILE_NAME = '.impt.test';
export const BUILDER_CACHE_DIR = '.builder-cache';
export const DEBUG_BUILD_DIR = '.build';
export const DEFAULT_TEST_FILES = ['*.test.nut', 'tests/**/*.test.nut'];
export const DEFAULT_TIMEOUT = 30;

export interface TestConfig {
  deviceGroupId: string;
  timeout?: number;
  stopOnFail?: boolean;
  allowDisconnect?: boolean;
  builderCache?: boolean;
  testFiles?: string[];
  deviceFile?: string;
  agentFile?: string;
  githubConfig?: string;
  builderConfig?: string;
  [key: string]: unknown;
}

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

/** The test configuration; absent → not found, bad JSON / no `deviceGroupId` → corrupted. */
export function readTestFile(cwd: string): TestConfig {
  const path = testFilePath(cwd);
  if (!existsSync(path)) throw new CliError(errors.fileNotInCwd('Test Configuration'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CliError(errors.fileCorrupted('Test Configuration'));
  }
  const t = parsed as Partial<TestConfig> | null;
  if (!t || typeof t !== 'object' || Array.isArray(t) || typeof t.deviceGroupId !== 'string' || !t.deviceGroupId) {
    throw new CliError(errors.fileCorrupted('Test Configuration'));
  }
  return t as TestConfig;
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
    throw new CliError(errors.fileError(path, (e as Error).message));
  }
}
