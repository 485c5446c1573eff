// What a run takes from `.impt.test` and the files it names: the GitHub
// credentials (file, then GITHUB_USER / GITHUB_TOKEN) and the Builder
// variables (interface/test-run.md "Builder variables", "GitHub credentials").
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_TEST_FILES, DEFAULT_TIMEOUT, type TestConfig } from '../context/test-file.js';
import { CliError } from '../errors.js';
import { testMessages } from '../output/messages/test.js';

/** impt 2.6.1 waits a minute for the first impUnit message of a session. */
export const SESSION_START_TIMEOUT = 60;

export interface RunSettings {
  cwd: string;
  /** the command's environment: external commands run in it, proxies come from it */
  env: NodeJS.ProcessEnv;
  dgId: string;
  testFiles: string[];
  agentFile?: string;
  deviceFile?: string;
  timeout: number;
  stopOnFail: boolean;
  allowDisconnect: boolean;
  builderCache: boolean;
  builderVariables: Record<string, unknown>;
  github?: { user: string; token: string };
  /** seconds; `sessionStartTimeout` in `.impt.test` (an addition of ours) */
  sessionStartTimeout: number;
}

function readJson(path: string, type: string): Record<string, unknown> {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new CliError(`${type} File ${path} is corrupted.`);
}

const positive = (v: unknown, fallback: number) => {
  const n = typeof v === 'number' ? v : Number.parseFloat(String(v));
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function runSettings(config: TestConfig, cwd: string, env: NodeJS.ProcessEnv, notice: (line: string) => void): RunSettings {
  let user = '';
  let token = '';
  if (config.githubConfig) {
    const path = resolve(cwd, config.githubConfig);
    if (existsSync(path)) {
      const gh = readJson(path, 'GitHub credentials Configuration');
      user = typeof gh.githubUser === 'string' ? gh.githubUser : '';
      token = typeof gh.githubToken === 'string' ? gh.githubToken : '';
    } else notice(testMessages.githubNotFound(config.githubConfig));
  }
  if (!user || !token) {
    user ||= env.GITHUB_USER ?? '';
    token ||= env.GITHUB_TOKEN ?? '';
  }
  let builderVariables: Record<string, unknown> = {};
  if (config.builderConfig) {
    const path = resolve(cwd, config.builderConfig);
    if (existsSync(path)) builderVariables = readJson(path, 'Builder Configuration');
    else notice(testMessages.builderNotFound(config.builderConfig));
  }
  return {
    cwd,
    env,
    dgId: config.deviceGroupId,
    testFiles: Array.isArray(config.testFiles) ? config.testFiles.map(String) : DEFAULT_TEST_FILES,
    agentFile: typeof config.agentFile === 'string' && config.agentFile ? config.agentFile : undefined,
    deviceFile: typeof config.deviceFile === 'string' && config.deviceFile ? config.deviceFile : undefined,
    timeout: positive(config.timeout, DEFAULT_TIMEOUT),
    stopOnFail: config.stopOnFail === true,
    allowDisconnect: config.allowDisconnect === true,
    builderCache: config.builderCache === true,
    builderVariables,
    github: user && token ? { user, token } : undefined,
    sessionStartTimeout: positive(config.sessionStartTimeout, SESSION_START_TIMEOUT),
  };
}
