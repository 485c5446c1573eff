// impt-emulator command line.
import { Command, InvalidArgumentError } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { registerAdminCommands } from './cli-admin.js';
import { registerExec } from './cli-exec.js';
import { EXTENSIONS } from './extensions.js';
import { isLoopbackHost } from './core/request-guard.js';
import { startErrorMessage, startServer } from './server.js';
import pkg from '../../package.json' with { type: 'json' };

const intArg = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`must be an integer from ${min} to ${max}.`);
  return n;
};

export const DEFAULT_DATA_DIR = '.impt-emulator';

const program = new Command('impt-emulator')
  .description('Local impCentral API v5 emulator')
  .version(pkg.version, '-V, --version', 'print the version and exit')
  .showHelpAfterError();

program
  .command('start')
  .description('start the emulator and serve until SIGINT/SIGTERM')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--allow-host <name>', 'also answer requests for this host name (reverse proxy, container name); repeatable', (v: string, list: string[]) => [...list, v], [])
  .option('--port <port>', 'TCP port (0 = any free port)', intArg(0, 65535), 6502)
  .option('--data-dir <dir>', `state directory (default ./${DEFAULT_DATA_DIR})`)
  .option('--in-memory', 'keep no state on disk')
  .option('--seed <file>', 'JSON seed used when the data dir is new and on reset')
  .option('--token-ttl <seconds>', 'access token lifetime', intArg(1, 31_536_000), 3600)
  .option('--rate-limit <n>', 'requests per second per token', intArg(1, 1_000_000_000), 10_000)
  .option('--lib-dir <dir>', 'directory of the libraries device and agent code #require')
  .option('--agent-internet', "let agents' outgoing HTTP reach any host (default: loopback only)")
  .action(async (opts: {
    host: string;
    allowHost: string[];
    port: number;
    dataDir?: string;
    inMemory?: boolean;
    seed?: string;
    tokenTtl: number;
    rateLimit: number;
    libDir?: string;
    agentInternet?: boolean;
  }) => {
    if (opts.inMemory && opts.dataDir) fail('--in-memory and --data-dir cannot be used together.');
    let seed: unknown;
    if (opts.seed) {
      try {
        seed = JSON.parse(fs.readFileSync(opts.seed, 'utf8'));
      } catch (e) {
        fail(`cannot read seed file ${opts.seed}: ${(e as Error).message}`);
      }
    }
    const dataDir = opts.inMemory ? null : path.resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
    let running;
    try {
      running = await startServer({
        host: opts.host,
        port: opts.port,
        allowHosts: opts.allowHost,
        dataDir,
        seed,
        tokenTtl: opts.tokenTtl,
        rateLimit: opts.rateLimit,
        libDir: opts.libDir === undefined ? null : path.resolve(opts.libDir),
        agentInternet: opts.agentInternet ?? false,
        extensions: EXTENSIONS,
      });
    } catch (e) {
      fail(startErrorMessage(e, opts.host, opts.port));
    }
    process.stdout.write(`impCentral emulator listening on ${running.url}\n`);
    if (!isLoopbackHost(opts.host)) {
      process.stderr.write(
        `impt-emulator: warning: listening on ${opts.host}, not on loopback: the admin routes (/_emulator/...: reset, clock, devices, faults) need no authentication and are open to everyone who can reach it.\n`,
      );
    }
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

function fail(message: string): never {
  process.stderr.write(`impt-emulator: ${message}\n`);
  process.exit(1);
}

registerExec(program);
registerAdminCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
