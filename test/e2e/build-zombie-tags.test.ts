// Builds of a deleted Device Group ("zombies", docs/emulator.md): a group is
// deleted with `dg delete -f -q`, made again under the same name, and a build
// with the same tags and origin is deployed to it; the tags and the origin
// then name the new build alone, while the zombie stays reachable by id and
// `build list --zombie`, `build cleanup` and `product delete --builds` still
// find it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { ok, setup } from './build-fixtures.js';

const env = setup('bzmb');
const SUCCEEDS = 'IMPT COMMAND SUCCEEDS\n';

function codeDir(): string {
  const dir = tempDir('impt-zombie-');
  fs.writeFileSync(path.join(dir, 'devicecode.nut'), 'server.log("zombie test");');
  return dir;
}

const idOf = (stdout: string) => /id:\s+(\S+)/.exec(stdout)![1]!;
const info = async (build: string) => JSON.parse(ok(await env.run(['build', 'info', '-b', build, '-z', 'json']))).Deployment;
const zombieIds = async (product: string) =>
  (JSON.parse(ok(await env.run(['build', 'list', '-p', product, '--zombie', '-z', 'json']))) as any[]).map((i) => i.Deployment.id);

/** A group `dg` of `product`, a build with tags T1, T2 and an origin deployed to it (flagged if asked). */
async function groupWithBuild(product: string, dg: string, cwd: string, flagged: boolean): Promise<string> {
  ok(await env.run(['dg', 'create', '-n', dg, '-p', product]));
  const args = ['build', 'deploy', '-g', dg, '-x', 'devicecode.nut', '-t', `${product}-T1`, '-t', `${product}-T2`, '-o', `${product}-origin`];
  return idOf(ok(await env.run(flagged ? [...args, '-f'] : args, cwd)));
}

describe('a deleted group and a new one under the same name', () => {
  it('tags and origin name the new build alone after dg delete -f -q', async () => {
    const cwd = codeDir();
    ok(await env.run(['product', 'create', '-n', 'ZmbA']));
    const old = await groupWithBuild('ZmbA', 'ZmbDg', cwd, true);
    expect(ok(await env.run(['dg', 'delete', '-g', 'ZmbDg', '-f', '-q']))).toBe(
      `Deployment "${old}" is updated successfully.\nDevice Group "ZmbDg" is deleted successfully.\n${SUCCEEDS}`,
    );
    const fresh = await groupWithBuild('ZmbA', 'ZmbDg', cwd, false);

    expect(ok(await env.run(['build', 'update', '-b', 'ZmbA-T1', '--descr', 'by tag']))).toBe(
      `Deployment "ZmbA-T1" is updated successfully.\n${SUCCEEDS}`,
    );
    expect(ok(await env.run(['build', 'update', '-b', 'ZmbA-origin', '-t', 'ZmbA-T4']))).toBe(
      `Deployment "ZmbA-origin" is updated successfully.\n${SUCCEEDS}`,
    );
    const now = await info(fresh);
    expect(now.description).toBe('by tag');
    expect(now.tags).toEqual(['ZmbA-T1', 'ZmbA-T2', 'ZmbA-T4']);

    // the zombie is still there, by id: unflagged, without group, tags or origin
    const zombie = await info(old);
    expect(zombie).toMatchObject({ id: old, flagged: false, tags: '', origin: '', description: '' });
    expect(zombie['Device Group']).toBeUndefined();
    // identical code: the sha names both builds
    expect(zombie.sha).toBe(now.sha);
    const bySha = await env.run(['build', 'info', '-b', now.sha]);
    expect(bySha.code).toBe(1);
    expect(bySha.stdout).toContain(`Error: Multiple Deployments "${now.sha}" are found:\n`);
  });
});

describe('zombies are still found by the commands made for them', () => {
  it('build list --zombie, build update, build cleanup and product delete --builds', async () => {
    const cwd = codeDir();
    ok(await env.run(['product', 'create', '-n', 'ZmbB']));
    const first = await groupWithBuild('ZmbB', 'ZmbBDg', cwd, false);
    ok(await env.run(['dg', 'delete', '-g', 'ZmbBDg', '-q']));
    const second = await groupWithBuild('ZmbB', 'ZmbBDg', cwd, false);
    ok(await env.run(['dg', 'delete', '-g', 'ZmbBDg', '-q']));
    const live = await groupWithBuild('ZmbB', 'ZmbBDg', cwd, false);

    expect(await zombieIds('ZmbB')).toEqual([first, second]);
    const owned = JSON.parse(ok(await env.run(['build', 'list', '-o', 'me', '--zombie', '-z', 'json']))) as any[];
    expect(owned.map((i) => i.Deployment.id)).toEqual(expect.arrayContaining([first, second]));
    expect(owned.map((i) => i.Deployment.id)).not.toContain(live);

    // a zombie may be flagged (and tagged) again; cleanup leaves flagged zombies without --unflag
    ok(await env.run(['build', 'update', '-b', first, '-f', '-t', 'kept']));
    expect((await info('kept')).id).toBe(first);
    expect(ok(await env.run(['build', 'cleanup', '-p', 'ZmbB', '-q']))).toBe(`Deployment "${second}" is deleted successfully.\n${SUCCEEDS}`);
    expect(await zombieIds('ZmbB')).toEqual([first]);
    // unfiltered listing (no --product, --unflag): the flagged zombie is unflagged and deleted
    // (the zombies of other tests of this file go too)
    const all = ok(await env.run(['build', 'cleanup', '-u', '-q']));
    expect(all).toContain(`Deployment "${first}" is updated successfully.\n`);
    expect(all).toContain(`Deployment "${first}" is deleted successfully.\n`);
    expect(all).not.toContain(live);
    expect(await zombieIds('ZmbB')).toEqual([]);

    // product delete --builds takes the zombies of groups deleted earlier
    ok(await env.run(['dg', 'delete', '-g', 'ZmbBDg', '-q']));
    expect(await zombieIds('ZmbB')).toEqual([live]);
    expect(ok(await env.run(['product', 'delete', '-p', 'ZmbB', '-f', '-b', '-q']))).toBe(
      `Product "ZmbB" is deleted successfully.\nDeployment "${live}" is deleted successfully.\n${SUCCEEDS}`,
    );
    expect((await env.api.get(`/deployments/${live}`)).status).toBe(404);
  });
});
