// `impt-emulator exec [options] -- <command...>`: starts an emulator on a free
// port (in memory unless --data-dir), runs the command with IMPT_ENDPOINT,
// IMPT_USER and IMPT_PASSWORD set for the default (first) account, passes the
// command's exit code through and shuts the emulator down.
import { spawn } from 'node:child_process';
import { type Command, InvalidArgumentError } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXTENSIONS } from './extensions.js';
import { startErrorMessage, startServer } from './server.js';

const intArg = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`must be an integer from ${min} to ${max}.`);
  return n;
};

interface ExecOptions {
  port: number;
  dataDir?: string;
  seed?: string;
  tokenTtl: number;
  rateLimit: number;
  account?: string;
  libDir?: string;
  agentInternet?: boolean;
}

export function registerExec(program: Command): void {
  program.enablePositionalOptions();
  program
    .command('exec')
    .description('start an emulator on a free port, run a command against it, pass its exit code through')
    .usage('[options] -- <command...>')
    .argument('<command...>', 'command and arguments (a single argument is run by the shell)')
    .option('--port <port>', 'TCP port (0 = any free port)', intArg(0, 65535), 0)
    .option('--data-dir <dir>', 'state directory (default: in memory)')
    .option('--seed <file>', 'JSON seed')
    .option('--token-ttl <seconds>', 'access token lifetime', intArg(1, 31_536_000), 3600)
    .option('--rate-limit <n>', 'requests per second per token', intArg(1, 1_000_000_000), 10_000)
    .option('--lib-dir <dir>', 'directory of the libraries device and agent code #require')
    .option('--agent-internet', "let agents' outgoing HTTP reach any host (default: loopback only)")
    .option('--account <username>', 'account whose credentials go to IMPT_USER/IMPT_PASSWORD (default: the first)')
    .passThroughOptions()
    .action(async (command: string[], opts: ExecOptions) => {
      process.exit(await exec(command, opts));
    });
}

async function exec(command: string[], opts: ExecOptions): Promise<number> {
  let seed: unknown;
  if (opts.seed) {
    try {
      seed = JSON.parse(fs.readFileSync(opts.seed, 'utf8'));
    } catch (e) {
      return fail(`cannot read seed file ${opts.seed}: ${(e as Error).message}`);
    }
  }
  let running;
  try {
    running = await startServer({
      host: '127.0.0.1',
      port: opts.port,
      dataDir: opts.dataDir ? path.resolve(opts.dataDir) : null,
      seed,
      tokenTtl: opts.tokenTtl,
      rateLimit: opts.rateLimit,
      libDir: opts.libDir ? path.resolve(opts.libDir) : null,
      agentInternet: opts.agentInternet ?? false,
      extensions: EXTENSIONS,
    });
  } catch (e) {
    return fail(startErrorMessage(e, '127.0.0.1', opts.port));
  }
  const accounts = running.emu.store.list('accounts');
  const account = opts.account ? accounts.find((a) => a.username === opts.account || a.email === opts.account) : accounts[0];
  if (!account) {
    await running.close();
    return fail(`account "${opts.account}" is not in the seed.`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    IMPT_ENDPOINT: running.url,
    IMPT_USER: account.username,
    IMPT_PASSWORD: account.password,
    IMPT_EMULATOR_URL: running.url.replace(/\/v5$/, ''),
  };
  // the env login is the account's user and password: neither a login key
  // nor an auth file named by IMPT_AUTH_FILE_PATH (which impt prefers to the
  // environment) may take the script elsewhere
  delete env.IMPT_LOGINKEY;
  delete env.IMPT_AUTH_FILE_PATH;
  const shimDir = imptOnPath(env);
  const [file, ...args] = command;
  const child =
    args.length === 0 ? spawn(file!, { stdio: 'inherit', env, shell: true }) : spawn(file!, args, { stdio: 'inherit', env });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const code = await new Promise<number>((resolve) => {
    child.once('error', (e) => {
      process.stderr.write(`impt-emulator: cannot run ${file}: ${e.message}\n`);
      resolve(127);
    });
    child.once('exit', (c, sig) => resolve(c ?? 128 + (sig ? (os.constants.signals[sig] ?? 0) : 0)));
  });
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  if (shimDir) fs.rmSync(shimDir, { recursive: true, force: true });
  await running.close();
  return code;
}

function fail(message: string): number {
  process.stderr.write(`impt-emulator: ${message}\n`);
  return 1;
}

/**
 * Puts the `impt` and `impt-emulator` of this package first on the command's
 * PATH (links in a temporary folder), so that a script dry-runs with the impt
 * it ships with and drives this emulator with the admin verbs of the same
 * version, installed or run from a clone. Returns the folder to remove afterwards.
 */
function imptOnPath(env: NodeJS.ProcessEnv): string | undefined {
  const self = process.argv[1];
  const binDir = self ? path.dirname(fs.realpathSync(self)) : undefined;
  const links = binDir
    ? [
        ['impt', path.join(binDir, 'impt.js')],
        ['impt-emulator', path.join(binDir, 'impt-emulator.js')],
      ].filter(([, target]) => fs.existsSync(target!))
    : [];
  if (links.length === 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'impt-exec-'));
  for (const [name, target] of links) fs.symlinkSync(target!, path.join(dir, name!));
  env.PATH = `${dir}${path.delimiter}${env.PATH ?? ''}`;
  return dir;
}
