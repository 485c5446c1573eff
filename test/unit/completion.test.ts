// Shell completion (DIFFERENCES A5): the candidates of `impt completion --words`.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionCandidates, type NameSource } from '../../src/cli/completion.js';
import { identifierNames, NAMES_TIME_LIMIT_MS } from '../../src/commands/shared/names.js';
import { tempDir } from '../helpers/impt.js';
import { GROUPS } from '../../src/cli/registry.js';

describe('completionCandidates', () => {
  it('completes the groups after impt, filtered by the word typed', async () => {
    expect(await completionCandidates([''])).toEqual([...GROUPS.map((g) => g.name), 'completion']);
    expect(await completionCandidates(['d'])).toEqual(['device', 'dg']);
    expect(await completionCandidates(['--'])).toEqual(['--help', '--version']);
  });

  it('completes the commands of a group and the shells of completion', async () => {
    expect(await completionCandidates(['dg', ''])).toEqual(GROUPS.find((g) => g.name === 'dg')!.commands.map((c) => c.name));
    expect(await completionCandidates(['dg', 'un'])).toEqual(['unassign']);
    expect(await completionCandidates(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(await completionCandidates(['nosuch', ''])).toEqual([]);
  });

  it('completes long options (with --output and --help), and aliases after a single dash', async () => {
    const long = await completionCandidates(['dg', 'create', '--']);
    expect(long).toEqual(expect.arrayContaining(['--name', '--dg-type', '--product', '--output', '--help']));
    expect(long.every((w) => w.startsWith('--'))).toBe(true);
    expect(await completionCandidates(['dg', 'create', '--dg'])).toEqual(['--dg-type']);
    expect(await completionCandidates(['dg', 'create', '-'])).toEqual(expect.arrayContaining(['--name', '-n', '-y', '-z', '-h']));
  });

  it('completes the values known statically: output modes, Device Group types, bools', async () => {
    expect(await completionCandidates(['dg', 'create', '-z', ''])).toEqual(['minimal', 'json', 'debug']);
    expect(await completionCandidates(['dg', 'list', '--output', ''])).toEqual(['minimal', 'json', 'debug', 'table']);
    expect(await completionCandidates(['dg', 'create', '--name', 'x', '--dg-type', 'pre-'])).toEqual(['pre-factory', 'pre-dut', 'pre-production']);
    expect(await completionCandidates(['test', 'create', '--stop-on-fail', ''])).toEqual(['true', 'false']);
    expect(await completionCandidates(['test', 'create', '--stop-on-fail', '--al'])).toEqual(['--allow-disconnect']);
    // free values (names, identifiers) are left to the shell
    expect(await completionCandidates(['dg', 'create', '--name', ''])).toEqual([]);
  });
});

describe('completionCandidates of identifier options', () => {
  const asked: string[] = [];
  const names: NameSource = async (kind) => {
    asked.push(kind);
    return { products: ['Lamp', 'Lock'], dgs: ['LampDev', 'LampProd'], devices: ['kitchen', 'hall'] }[kind];
  };

  it('takes Product, Device Group and device names from the name source, filtered by the word typed', async () => {
    expect(await completionCandidates(['device', 'info', '-d', ''], names)).toEqual(['kitchen', 'hall']);
    expect(await completionCandidates(['log', 'stream', '--device', 'h'], names)).toEqual(['hall']);
    expect(await completionCandidates(['dg', 'create', '--product', 'Lo'], names)).toEqual(['Lock']);
    expect(await completionCandidates(['build', 'list', '-p', ''], names)).toEqual(['Lamp', 'Lock']);
    // every option that takes a Device Group identifier, whatever its name
    for (const words of [['dg', 'reassign', '--from'], ['dg', 'reassign', '--to'], ['dg', 'update', '--target'], ['dg', 'create', '-u'], ['project', 'link', '-g']]) {
      expect(await completionCandidates([...words, 'LampP'], names), words.join(' ')).toEqual(['LampProd']);
    }
  });

  it('asks for no names for other options, and gives none without a source', async () => {
    asked.length = 0;
    expect(await completionCandidates(['dg', 'create', '--name', ''], names)).toEqual([]);
    expect(await completionCandidates(['product', 'list', '--owner', ''], names)).toEqual([]);
    expect(await completionCandidates(['dg', 'create', '--product', 'Lamp', '--'], names)).toContain('--dg-type');
    expect(asked).toEqual([]);
    expect(await completionCandidates(['device', 'info', '-d', ''])).toEqual([]);
  });
});

describe('identifierNames', () => {
  const authFile = (dir: string, endpoint: string) =>
    fs.writeFileSync(
      path.join(dir, '.impt.auth'),
      JSON.stringify({ endpoint, accessToken: 'token', expiresAt: '2099-01-01T00:00:00.000Z', refreshToken: 'refresh' }),
      { mode: 0o600 },
    );

  it('gives no names, without throwing, when not logged in or the auth file is corrupted', async () => {
    const dir = tempDir();
    expect(await identifierNames('devices', dir, { HOME: dir })).toEqual([]);
    fs.writeFileSync(path.join(dir, '.impt.auth'), '{ not json');
    expect(await identifierNames('products', dir, { HOME: dir })).toEqual([]);
  });

  it('gives up on a server that never answers and gives no names', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const dir = tempDir();
      authFile(dir, `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/v5`);
      expect(await identifierNames('dgs', dir, { HOME: dir })).toEqual([]);
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('waits longer than the default for a slow server when IMPT_COMPLETION_TIMEOUT_MS says so', async () => {
    // answers after the default limit has passed
    const slow = http.createServer((_req, res) => {
      setTimeout(() => {
        res.setHeader('content-type', 'application/vnd.api+json');
        res.end(JSON.stringify({ data: [{ type: 'product', id: 'p1', attributes: { name: 'Slow Lamp' } }], links: {} }));
      }, NAMES_TIME_LIMIT_MS + 300);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const dir = tempDir();
      authFile(dir, `http://127.0.0.1:${(slow.address() as net.AddressInfo).port}/v5`);
      expect(await identifierNames('products', dir, { HOME: dir, IMPT_COMPLETION_TIMEOUT_MS: '600000' })).toEqual(['Slow Lamp']);
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });
});
