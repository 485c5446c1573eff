// impt build info / get / update / copy (interface/build.md): identification
// by id, sha, tag and origin, Project file fallback, views in every mode.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { fails, ok, setup, usage } from './build-fixtures.js';

const env = setup('binf');
let n = 0;
/** A deployment with unique code (so a unique sha). */
async function build(dg: any, attrs: Record<string, unknown> = {}, c = env.api): Promise<any> {
  n += 1;
  const r = await c.post('/deployments', {
    data: {
      type: 'deployment',
      attributes: { device_code: `server.log("device ${n}");`, agent_code: `server.log("agent ${n}");`, ...attrs },
      relationships: { devicegroup: { type: dg.type, id: dg.id } },
    },
  });
  return r.body.data;
}
const projectDir = (dgId: string, extra: object = {}) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '.impt.project'), JSON.stringify({ deviceGroupId: dgId, ...extra }));
  return dir;
};

describe('build info', () => {
  it('shows the info view with Device Group and Product blocks (default, minimal, json)', async () => {
    const { product, dg } = await env.group();
    const b = await build(dg, { device_code: 'line(1)\nline(2)', tags: ['v1', 'stable'], description: 'first build', origin: 'github.com/acme/app' });
    const a = b.attributes;
    const out = ok(await env.run(['build', 'info', '-b', b.id]));
    expect(out).toBe(
      [
        'Deployment: ',
        `  id:           ${b.id}`,
        '  device_code: ',
        '    """',
        '      line(1)',
        '      line(2)',
        '    """',
        `  agent_code:   ${a.agent_code}`,
        '  description:  first build',
        '  origin:       github.com/acme/app',
        '  flagged:      false',
        '  tags:         v1, stable',
        `  sha:          ${a.sha}`,
        `  created_at:   ${a.created_at}`,
        `  updated_at:   ${a.updated_at}`,
        '  Device Group: ',
        `    id:   ${dg.id}`,
        '    type: development',
        `    name: ${dg.attributes.name}`,
        '  Product: ',
        `    id:   ${product.id}`,
        `    name: ${product.attributes.name}`,
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    const minimal = ok(await env.run(['build', 'info', '-b', b.id, '-z', 'minimal']));
    expect(minimal).toContain('  tags:         v1,stable\n');
    expect(minimal).not.toContain('IMPT COMMAND');
    const json = JSON.parse(ok(await env.run(['build', 'info', '-b', b.id, '-z', 'json'])));
    expect(json.Deployment).toMatchObject({ id: b.id, tags: ['v1', 'stable'], device_code: a.device_code, 'Device Group': { id: dg.id, type: 'development' }, Product: { id: product.id } });
    expect(json.Deployment.Owner).toBeUndefined();
  });

  it('finds a build by sha, tag and origin, in that order, using server-side filters', async () => {
    const { dg } = await env.group();
    const b = await build(dg, { tags: ['only-tag-1'], origin: 'only-origin-1' });
    await env.requests();
    expect(JSON.parse(ok(await env.run(['build', 'info', '-b', b.attributes.sha, '-z', 'json']))).Deployment.id).toBe(b.id);
    const reqs = await env.requests();
    expect(reqs.some((r) => r.startsWith(`GET /deployments?filter[sha]=${b.attributes.sha}`))).toBe(true);
    expect(reqs).not.toContain(`GET /deployments/${b.attributes.sha}`);
    expect(JSON.parse(ok(await env.run(['build', 'info', '-b', 'only-tag-1', '-z', 'json']))).Deployment.id).toBe(b.id);
    expect((await env.requests()).some((r) => r.startsWith('GET /deployments?filter[tags]=only-tag-1'))).toBe(true);
    expect(JSON.parse(ok(await env.run(['build', 'info', '-b', 'only-origin-1', '-z', 'json']))).Deployment.id).toBe(b.id);
    // a tag matching one build wins over an origin matching another
    const byOrigin = await build(dg, { origin: 'shared-x' });
    const byTag = await build(dg, { tags: ['shared-x'] });
    expect(byOrigin.id).not.toBe(byTag.id);
    expect(JSON.parse(ok(await env.run(['build', 'info', '-b', 'shared-x', '-z', 'json']))).Deployment.id).toBe(byTag.id);
  });

  it('shows Owner and Creator blocks for a build of another account', async () => {
    const { dg } = await env.group('development_devicegroup', 'bob');
    const b = await build(dg, {}, env.bob);
    const out = ok(await env.run(['build', 'info', '-b', b.id]));
    expect(JSON.parse(ok(await env.run(['build', 'info', '-b', b.id, '-z', 'json']))).Deployment.tags).toBe('');
    const debug = ok(await env.run(['build', 'info', '-b', b.id, '-z', 'debug']));
    expect(debug).toContain(`/deployments/${b.id}`);
    expect(debug).toContain(`Deployment: \n  id:           ${b.id}\n`);
    expect(debug.endsWith('IMPT COMMAND SUCCEEDS\n')).toBe(true);
    expect(out).toMatch(/  Owner: \n    id:       [0-9a-f-]{36}\n    email:    bob@example.com\n    username: bob\n  Creator: \n/);
  });

  it('reports not found and multiple matches in every mode', async () => {
    fails(await env.run(['build', 'info', '-b', 'no-such-build']), 'Deployment "no-such-build" is not found.');
    fails(await env.run(['build', 'info', '-b', '00000000-0000-0000-0000-000000000000', '-z', 'json']), 'Deployment "00000000-0000-0000-0000-000000000000" is not found.', 'json');
    const { dg } = await env.group();
    await build(dg, { tags: ['twin-tag'] });
    await build(dg, { tags: ['twin-tag'] });
    const out = fails(await env.run(['build', 'info', '-b', 'twin-tag']), 'Multiple Deployments "twin-tag" are found:');
    expect(out.match(/^Deployment: $/gm)).toHaveLength(2);
    expect(out).toContain('    type: development\n');
    expect(out).toContain('Impossible to execute the command.\nIMPT COMMAND FAILS\n');
    const minimal = fails(await env.run(['build', 'info', '-b', 'twin-tag', '-z', 'minimal']), 'Multiple Deployments "twin-tag" are found:', 'minimal');
    expect(minimal.match(/^Deployment: $/gm)).toHaveLength(2);
    expect(minimal).not.toContain('Impossible');
    const json = fails(await env.run(['build', 'info', '-b', 'twin-tag', '-z', 'json']), 'Multiple Deployments "twin-tag" are found:', 'json');
    expect(json).not.toContain('Deployment: ');
  });

  it('falls back to the current Deployment of the Project file Device Group', async () => {
    const { dg } = await env.group();
    const empty = projectDir(dg.id);
    fails(await env.run(['build', 'info'], empty), 'No Deployment Identifier is specified.');
    const b = await build(dg);
    expect(JSON.parse(ok(await env.run(['build', 'info', '-z', 'json'], empty))).Deployment.id).toBe(b.id);
    fails(await env.run(['build', 'info']), 'No Deployment Identifier is specified.');
    const gone = projectDir('00000000-0000-0000-0000-00000000abcd');
    const out = fails(await env.run(['build', 'info'], gone), 'Device Group "00000000-0000-0000-0000-00000000abcd", saved in Project File, does not exist anymore.');
    expect(out).toContain('Impossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\n');
    usage(await env.run(['build', 'info', '-b', '']), 'Option "--build" must not be empty.');
    usage(await env.run(['build', 'info', 'extra']), 'Unknown arguments: extra.');
  });
});

describe('build get', () => {
  it('downloads both files and shows the build', async () => {
    const { dg } = await env.group();
    const b = await build(dg, { tags: ['get-1'] });
    const cwd = tempDir();
    const out = ok(await env.run(['build', 'get', '-b', 'get-1', '-x', 'd.nut', '-y', 'a.nut'], cwd));
    expect(out.startsWith(`Deployment "get-1" source file(s) are downloaded successfully.\nDeployment: \n  id:           ${b.id}\n`)).toBe(true);
    expect(fs.readFileSync(path.join(cwd, 'd.nut'), 'utf8')).toBe(b.attributes.device_code);
    expect(fs.readFileSync(path.join(cwd, 'a.nut'), 'utf8')).toBe(b.attributes.agent_code);
    const json = JSON.parse(ok(await env.run(['build', 'get', '-b', b.id, '-x', 'd2.nut', '-y', 'a2.nut', '-z', 'json'], cwd)));
    expect(json.Deployment.id).toBe(b.id);
    const minimal = ok(await env.run(['build', 'get', '-b', b.id, '-x', 'd3.nut', '-y', 'a3.nut', '-z', 'minimal'], cwd));
    expect(minimal.startsWith('Deployment: \n')).toBe(true);
  });

  it('asks before overwriting: no terminal fails naming --confirmed, -q overwrites', async () => {
    const { dg } = await env.group();
    const b = await build(dg);
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'd.nut'), 'old');
    const r = await env.run(['build', 'get', '-b', b.id, '-x', 'd.nut', '-y', 'a.nut'], cwd);
    fails(r, 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
    expect(fs.readFileSync(path.join(cwd, 'd.nut'), 'utf8')).toBe('old');
    expect(fs.existsSync(path.join(cwd, 'a.nut'))).toBe(false);
    ok(await env.run(['build', 'get', '-b', b.id, '-x', 'd.nut', '-y', 'a.nut', '-q'], cwd));
    expect(fs.readFileSync(path.join(cwd, 'd.nut'), 'utf8')).toBe(b.attributes.device_code);
  });

  it('writes one side only with --device-only / --agent-only and needs the file names', async () => {
    const { dg } = await env.group();
    const b = await build(dg);
    const cwd = tempDir();
    fails(await env.run(['build', 'get', '-b', b.id], cwd), 'Option "--device-file" must be specified.');
    fails(await env.run(['build', 'get', '-b', b.id, '-x', 'd.nut'], cwd), 'Option "--agent-file" must be specified.');
    fails(await env.run(['build', 'get', '-b', b.id, '-i', '-y', 'a.nut'], cwd), 'Option "--device-file" must be specified.');
    ok(await env.run(['build', 'get', '-b', b.id, '-i', '-x', 'only-d.nut'], cwd));
    ok(await env.run(['build', 'get', '-b', b.id, '-j', '-y', 'only-a.nut'], cwd));
    expect(fs.readdirSync(cwd).sort()).toEqual(['only-a.nut', 'only-d.nut']);
    const both = ok(await env.run(['build', 'get', '-b', b.id, '-i', '-j'], cwd));
    expect(both).toContain(`Deployment "${b.id}" source file(s) are downloaded successfully.`);
    expect(fs.readdirSync(cwd)).toHaveLength(2);
  });

  it('uses the Project file for the build and the file names; reports write errors', async () => {
    const { dg } = await env.group();
    const b = await build(dg);
    const cwd = projectDir(dg.id, { deviceFile: 'pd.nut', agentFile: 'pa.nut' });
    const out = ok(await env.run(['build', 'get'], cwd));
    expect(out).toContain(`Deployment "${b.id}" source file(s) are downloaded successfully.`);
    expect(fs.readFileSync(path.join(cwd, 'pa.nut'), 'utf8')).toBe(b.attributes.agent_code);
    const r = await env.run(['build', 'get', '-b', b.id, '-x', 'no/dir/d.nut', '-i']);
    expect(r.code).toBe(1);
    // the system message names the file as typed, not its absolute path
    expect(r.stdout).toBe("Error: File error: no/dir/d.nut: ENOENT: no such file or directory, open 'no/dir/d.nut'.\nIMPT COMMAND FAILS\n");
  });
});

describe('build update', () => {
  it('updates description, flagged and tags (removals first, no duplicates)', async () => {
    const { dg } = await env.group();
    const b = await build(dg, { tags: ['u1', 'u2', 'u3'] });
    const out = ok(await env.run(['build', 'update', '-b', b.attributes.sha, '-s', 'new', '-t', 'u1', '-t', 'u4', '-r', 'u2', '-r', 'absent', '-f']));
    expect(out).toBe(`Deployment "${b.attributes.sha}" is updated successfully.\nIMPT COMMAND SUCCEEDS\n`);
    const a = (await env.api.get(`/deployments/${b.id}`)).body.data.attributes;
    expect(a).toMatchObject({ description: 'new', flagged: true, tags: ['u1', 'u3', 'u4'] });
    expect(ok(await env.run(['build', 'update', '-b', b.id, '--flagged', 'false', '-z', 'minimal']))).toBe('');
    expect(ok(await env.run(['build', 'update', '-b', b.id, '-z', 'json']))).toBe('{}\n');
    const after = (await env.api.get(`/deployments/${b.id}`)).body.data.attributes;
    expect(after).toMatchObject({ flagged: false, tags: ['u1', 'u3', 'u4'], description: 'new' });
  });

  it('sends an empty PATCH without change options and uses the Project file', async () => {
    const { dg } = await env.group();
    const b = await build(dg);
    const cwd = projectDir(dg.id);
    await env.requests();
    const out = ok(await env.run(['build', 'update'], cwd));
    expect(out).toBe(`Deployment "${b.id}" is updated successfully.\nIMPT COMMAND SUCCEEDS\n`);
    expect(await env.requests()).toContain(`PATCH /deployments/${b.id}`);
    fails(await env.run(['build', 'update', '-b', 'nothing-like-this', '-z', 'minimal']), 'Deployment "nothing-like-this" is not found.', 'minimal');
    usage(await env.run(['build', 'update', '-r']), 'Not enough arguments following: r');
  });
});

describe('build copy', () => {
  it('copies the code only, or everything with --all', async () => {
    const src = await env.group();
    const dst = await env.group();
    const b = await build(src.dg, { tags: ['copy-me'], description: 'd', origin: 'o', flagged: true });
    const out = ok(await env.run(['build', 'copy', '-b', 'copy-me', '-g', dst.dg.attributes.name]));
    const id = /^Deployment "(.+)" is created successfully\.\n/.exec(out)![1];
    expect(out).toBe(`Deployment "${id}" is created successfully.\nDeployment "copy-me" is copied successfully to Deployment "${id}".\nIMPT COMMAND SUCCEEDS\n`);
    const plain = (await env.api.get(`/deployments/${id}`)).body.data;
    expect(plain.attributes).toMatchObject({ device_code: b.attributes.device_code, agent_code: b.attributes.agent_code, description: '', origin: '', flagged: false, tags: [] });
    expect(plain.relationships.devicegroup.id).toBe(dst.dg.id);

    expect(ok(await env.run(['build', 'copy', '-b', b.id, '-g', dst.dg.id, '-a', '-z', 'json']))).toBe('{}\n');
    const dstGroup = (await env.api.get(`/devicegroups/${dst.dg.id}`)).body.data;
    const full = (await env.api.get(`/deployments/${dstGroup.relationships.current_deployment.id}`)).body.data;
    expect(full.attributes).toMatchObject({ description: 'd', origin: 'o', flagged: true, tags: ['copy-me'] });
  });

  it('copies the Project build, in minimal mode silently; fails on bad input', async () => {
    const src = await env.group();
    const dst = await env.group();
    const b = await build(src.dg);
    const cwd = projectDir(src.dg.id);
    expect(ok(await env.run(['build', 'copy', '-g', dst.dg.id, '-z', 'minimal'], cwd))).toBe('');
    const dstGroup = (await env.api.get(`/devicegroups/${dst.dg.id}`)).body.data;
    expect((await env.api.get(`/deployments/${dstGroup.relationships.current_deployment.id}`)).body.data.attributes.sha).toBe(b.attributes.sha);
    usage(await env.run(['build', 'copy', '-b', b.id]), 'Missing required argument: dg');
    fails(await env.run(['build', 'copy', '-b', b.id, '-g', 'no-such-group']), 'Device Group "no-such-group" is not found.');
    fails(await env.run(['build', 'copy', '-g', dst.dg.id]), 'No Deployment Identifier is specified.');
  });
});
