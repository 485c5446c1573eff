// The Project-file fallbacks of the other groups (interface/README.md §10.3,
// project.md "Consumers"), from a directory made by `impt project create`:
// omitted --product/--dg/--to/--build/file options come from `.impt.project`.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { fails, ok, readIn, seed, uniq, useEmulator } from './project-support.js';

const DEVICE = '30000c2a69040001';
const env = useEmulator(seed('30000c2a6904', 2, 'fb'));
const run = (args: string[]) => env.run(args, dir);

let dir: string;
let dgId: string;
let productId: string;
const dgIdent = () => `Device Group "${dgId}"`;
const currentDeployment = async () => (await env.api.get(`/devicegroups/${dgId}`)).body.data.relationships.current_deployment?.id as string | undefined;

beforeAll(async () => {
  dir = tempDir();
  ok(await env.run(['project', 'create', '-p', uniq('FbProduct'), '-c', '-n', uniq('FbDG')], dir));
  dgId = JSON.parse(readIn(dir, '.impt.project')).deviceGroupId;
  productId = (await env.api.get(`/devicegroups/${dgId}`)).body.data.relationships.product.id;
  fs.writeFileSync(path.join(dir, 'device.nut'), 'server.log("device");');
  fs.writeFileSync(path.join(dir, 'agent.nut'), 'server.log("agent");');
});

describe('Project file fallbacks', () => {
  it('product info / update use the Product of the Project Device Group', async () => {
    const info = ok(await run(['product', 'info']));
    expect(info).toMatch(new RegExp(`^Product: \\n  id: +${productId}\\n`));
    const name = uniq('Renamed');
    expect(ok(await run(['product', 'update', '-n', name]))).toBe(`Product "${productId}" is updated successfully.\nIMPT COMMAND SUCCEEDS\n`);
    expect((await env.api.get(`/products/${productId}`)).body.data.attributes.name).toBe(name);
  });

  it('dg info / update / create use the Project Device Group and its Product', async () => {
    expect(ok(await run(['dg', 'info']))).toMatch(new RegExp(`^Device Group: \\n  id: +${dgId}\\n`));
    expect(ok(await run(['dg', 'update', '-s', 'from project']))).toContain(`${dgIdent()} is updated successfully.`);
    expect((await env.api.get(`/devicegroups/${dgId}`)).body.data.attributes.description).toBe('from project');
    const other = uniq('FbOther');
    ok(await run(['dg', 'create', '-n', other]));
    const created = (await env.api.get(`/devicegroups?filter[product.id]=${productId}`)).body.data.map((g: any) => g.attributes.name);
    expect(created).toContain(other);
  });

  it('build deploy / info / update / get / run use the Project Device Group, files and current deployment', async () => {
    const deployed = ok(await run(['build', 'deploy', '-t', 'fb1']));
    const buildId = await currentDeployment();
    expect(deployed).toContain(`Deployment "${buildId}" is created successfully.`);
    const build = (await env.api.get(`/deployments/${buildId}`)).body.data;
    expect([build.attributes.device_code, build.attributes.agent_code]).toEqual(['server.log("device");', 'server.log("agent");']);

    expect(ok(await run(['build', 'info']))).toMatch(new RegExp(`^Deployment: \\n  id: +${buildId}\\n`));
    expect(ok(await run(['build', 'update', '-s', 'described']))).toContain(`Deployment "${buildId}" is updated successfully.`);
    expect((await env.api.get(`/deployments/${buildId}`)).body.data.attributes.description).toBe('described');

    fs.writeFileSync(path.join(dir, 'device.nut'), 'changed');
    expect(ok(await run(['build', 'get', '-q']))).toContain(`Deployment "${buildId}" source file(s) are downloaded successfully.`);
    expect(fs.readFileSync(path.join(dir, 'device.nut'), 'utf8')).toBe('server.log("device");');

    ok(await run(['build', 'run', '-t', 'fb2']));
    const second = await currentDeployment();
    expect(second).not.toBe(buildId);
    expect((await env.api.get(`/deployments/${second}`)).body.data.attributes.tags).toEqual(['fb2']);
  });

  it('build copy copies the current deployment of the Project Device Group', async () => {
    const product = await env.api.createProduct(uniq('FbCopy'));
    const target = await env.api.createDg(product.id, 'development_devicegroup', uniq('FbTarget'));
    ok(await run(['build', 'copy', '-g', target.id]));
    const copies = (await env.api.get(`/deployments?filter[devicegroup.id]=${target.id}`)).body.data;
    expect(copies).toHaveLength(1);
    expect(copies[0].attributes.device_code).toBe('server.log("device");');
  });

  it('webhook create, device assign, log get, dg restart / builds / reassign / unassign use the Project Device Group', async () => {
    ok(await run(['webhook', 'create', '--url', 'https://example.com/fb', '--event', 'deployment', '--mime', 'json']));
    const hooks = (await env.api.get(`/webhooks?filter[devicegroup.id]=${dgId}`)).body.data;
    expect(hooks.map((h: any) => h.attributes.url)).toEqual(['https://example.com/fb']);

    expect(ok(await run(['device', 'assign', '-d', DEVICE, '-q']))).toContain(`Device "${DEVICE}" is assigned successfully to ${dgIdent()}.`);
    // log get: the only device of the Project Device Group
    ok(await run(['log', 'get']));
    expect(ok(await run(['dg', 'restart']))).toContain(`Restart request for Devices assigned to ${dgIdent()} is successful:`);
    expect(ok(await run(['dg', 'builds']))).toMatch(/Deployment list \(2 items\):/);

    const product = (await env.api.get(`/products/${productId}`)).body.data;
    const spare = await env.api.createDg(product.id, 'development_devicegroup', uniq('FbSpare'));
    await env.assign(spare.id, '30000c2a69040002');
    expect(ok(await run(['dg', 'reassign', '--from', spare.id]))).toContain(`are reassigned successfully to ${dgIdent()}:`);
    const unassigned = ok(await run(['dg', 'unassign']));
    expect(unassigned).toContain(`The following Devices are unassigned successfully from ${dgIdent()}:`);
    expect((await env.api.get(`/devices?filter[devicegroup.id]=${dgId}`)).body.data).toHaveLength(0);
  });

  it('after the Device Group is deleted, every consumer reports the outdated Project', async () => {
    const gone = `Device Group "${dgId}", saved in Project File, does not exist anymore.`;
    ok(await run(['dg', 'delete', '-q', '--force']));
    expect((await env.api.get(`/devicegroups/${dgId}`)).status).toBe(404);
    for (const cmd of [['product', 'info'], ['dg', 'info'], ['build', 'info'], ['build', 'deploy'], ['webhook', 'create', '--url', 'https://e.x/', '--event', 'deployment', '--mime', 'json'], ['log', 'get'], ['project', 'info']]) {
      const out = fails(await run(cmd), gone);
      expect(out, cmd.join(' ')).toContain('Impossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\n');
    }
    // the Project file itself is left alone
    expect(JSON.parse(readIn(dir, '.impt.project')).deviceGroupId).toBe(dgId);
  });
});
