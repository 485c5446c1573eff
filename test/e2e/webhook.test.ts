// impt webhook create / delete / info / list / update (interface/webhook.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { atTerminal, fails, ok, setup, usage } from './build-fixtures.js';

const env = setup('wh');

async function hook(dg: any, attrs: Record<string, unknown> = {}, c = env.api): Promise<any> {
  const r = await c.post('/webhooks', {
    data: {
      type: 'webhook',
      attributes: { event: 'deployment', url: 'https://example.com/hook', content_type: 'application/json', ...attrs },
      relationships: { devicegroup: { type: dg.type, id: dg.id } },
    },
  });
  return r.body.data;
}
const whIds = (json: string) => (JSON.parse(json) as any[]).map((i) => i.Webhook.id);

describe('webhook create', () => {
  it('creates a webhook and shows its short view in every mode', async () => {
    const { dg } = await env.group();
    const out = ok(await env.run(['webhook', 'create', '-g', dg.attributes.name, '-u', 'https://example.com/a', '-e', 'deployment', '-m', 'json']));
    const id = /^Webhook "([0-9a-f-]{36})" is created successfully\.\n/.exec(out)![1];
    expect(out).toBe(`Webhook "${id}" is created successfully.\nWebhook: \n  id:    ${id}\n  event: deployment\n  url:   https://example.com/a\nIMPT COMMAND SUCCEEDS\n`);
    const wh = (await env.api.get(`/webhooks/${id}`)).body.data;
    expect(wh.attributes).toMatchObject({ url: 'https://example.com/a', event: 'deployment', content_type: 'application/json' });
    expect(wh.relationships.devicegroup.id).toBe(dg.id);
    const minimal = ok(await env.run(['webhook', 'create', '-g', dg.id, '-u', 'http://x.example/b', '-e', 'deployment', '-m', 'urlencoded', '-z', 'minimal']));
    expect(minimal).toMatch(/^Webhook: \n  id:    [0-9a-f-]{36}\n  event: deployment\n  url:   http:\/\/x\.example\/b\n$/);
    const json = JSON.parse(ok(await env.run(['webhook', 'create', '-g', dg.id, '-u', 'https://example.com/c', '-e', 'deployment', '-m', 'json', '-z', 'json'])));
    expect(Object.keys(json.Webhook)).toEqual(['id', 'event', 'url']);
    const urlencoded = (await env.api.get(`/webhooks/${/id: +(\S+)/.exec(minimal)![1]}`)).body.data;
    expect(urlencoded.attributes.content_type).toBe('application/x-www-form-urlencoded');
  });

  it('uses the Project file Device Group and reports its failures', async () => {
    const { dg } = await env.group('production_devicegroup');
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id }));
    const out = ok(await env.run(['webhook', 'create', '-u', 'https://example.com/bless', '-e', 'blessing', '-m', 'json'], cwd));
    expect(out).toContain('  event: blessing\n');
    const args = ['webhook', 'create', '-u', 'https://example.com/x', '-e', 'blinkup', '-m', 'json'];
    fails(await env.run(args), 'No Device Group Identifier is specified.');
    fails(await env.run([...args, '-g', 'no-such-dg', '-z', 'json']), 'Device Group "no-such-dg" is not found.', 'json');
    const gone = tempDir();
    fs.writeFileSync(path.join(gone, '.impt.project'), JSON.stringify({ deviceGroupId: '00000000-0000-0000-0000-0000000000ff' }));
    const goneOut = fails(await env.run(args, gone), 'Device Group "00000000-0000-0000-0000-0000000000ff", saved in Project File, does not exist anymore.');
    expect(goneOut).toContain('Impossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\n');
  });

  it('passes the URL validation of impCentral through', async () => {
    const { dg } = await env.group();
    const base = ['webhook', 'create', '-g', dg.id, '-e', 'deployment', '-m', 'json', '-u'];
    fails(await env.run([...base, 'not a url']), 'Invalid URL: The provided URL is invalid.');
    fails(await env.run([...base, 'ftp://example.com/x', '-z', 'json']), 'Invalid URL: The provided URL is invalid.', 'json');
    fails(await env.run([...base, 'mailto:someone', '-z', 'minimal']), 'Invalid URL: The provided URL is invalid.', 'minimal');
  });

  it('validates its options', async () => {
    usage(await env.run(['webhook', 'create']), 'Missing required arguments: url, event, mime');
    usage(await env.run(['webhook', 'create', '-u', 'https://e.com', '-e', 'deploy', '-m', 'json']), 'Invalid values:\n  Argument: event, Given: "deploy", Choices: "blessing", "blinkup", "deployment"');
    usage(await env.run(['webhook', 'create', '-u', 'https://e.com', '-e', 'blinkup', '-m', 'xml']), 'Invalid values:\n  Argument: mime, Given: "xml", Choices: "json", "urlencoded"');
    usage(await env.run(['webhook', 'create', '-u', '', '-e', 'blinkup', '-m', 'json']), 'Option "--url" must not be empty.');
  });
});

describe('webhook info', () => {
  it('shows the info view with the mime name and the Device Group block', async () => {
    const { dg } = await env.group();
    const wh = await hook(dg, { content_type: 'application/x-www-form-urlencoded' });
    const a = wh.attributes;
    const out = ok(await env.run(['webhook', 'info', '-w', wh.id]));
    expect(out).toBe(
      [
        'Webhook: ',
        `  id:           ${wh.id}`,
        '  url:          https://example.com/hook',
        '  event:        deployment',
        '  content_type: urlencoded',
        `  created_at:   ${a.created_at}`,
        `  updated_at:   ${a.updated_at}`,
        '  Device Group: ',
        `    id:   ${dg.id}`,
        '    type: development',
        `    name: ${dg.attributes.name}`,
        'IMPT COMMAND SUCCEEDS',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(ok(await env.run(['webhook', 'info', '-w', wh.id, '-z', 'json'])));
    expect(json.Webhook).toMatchObject({ id: wh.id, content_type: 'urlencoded', 'Device Group': { id: dg.id, type: 'development' } });
    expect(ok(await env.run(['webhook', 'info', '-w', wh.id, '-z', 'minimal']))).toBe(out.replace('IMPT COMMAND SUCCEEDS\n', ''));
  });

  it('identifies webhooks by id only', async () => {
    fails(await env.run(['webhook', 'info', '-w', 'https://example.com/hook']), 'Webhook "https://example.com/hook" is not found.');
    fails(await env.run(['webhook', 'info', '-w', '00000000-0000-0000-0000-000000000000', '-z', 'json']), 'Webhook "00000000-0000-0000-0000-000000000000" is not found.', 'json');
    usage(await env.run(['webhook', 'info']), 'Missing required argument: wh');
    usage(await env.run(['webhook', 'info', '-w']), 'Not enough arguments following: w');
  });
});

describe('webhook update', () => {
  it('changes url and mime; sends an empty update without options', async () => {
    const { dg } = await env.group();
    const wh = await hook(dg);
    const out = ok(await env.run(['webhook', 'update', '-w', wh.id, '-u', 'https://example.com/new', '-m', 'urlencoded']));
    expect(out).toBe(`Webhook "${wh.id}" is updated successfully.\nIMPT COMMAND SUCCEEDS\n`);
    const now = (await env.api.get(`/webhooks/${wh.id}`)).body.data.attributes;
    expect(now).toMatchObject({ url: 'https://example.com/new', content_type: 'application/x-www-form-urlencoded', event: 'deployment' });
    await env.requests();
    expect(ok(await env.run(['webhook', 'update', '-w', wh.id, '-z', 'json']))).toBe('{}\n');
    expect(await env.requests()).toContain(`PATCH /webhooks/${wh.id}`);
    expect(ok(await env.run(['webhook', 'update', '-w', wh.id, '-m', 'json', '-z', 'minimal']))).toBe('');
    fails(await env.run(['webhook', 'update', '-w', wh.id, '-u', 'nope']), 'Invalid URL: The provided URL is invalid.');
    fails(await env.run(['webhook', 'update', '-w', 'missing-hook']), 'Webhook "missing-hook" is not found.');
    usage(await env.run(['webhook', 'update', '-w', wh.id, '-e', 'blinkup']), 'Unknown argument: e');
  });
});

describe('webhook delete', () => {
  it('needs confirmation, deletes with -q, then reports not found', async () => {
    const { dg } = await env.group();
    const wh = await hook(dg);
    fails(await env.run(['webhook', 'delete', '-w', wh.id]), 'Confirmation is required; run the command with --confirmed (-q) in non-interactive use.');
    expect(ok(await env.run(['webhook', 'delete', '-w', wh.id, '-q']))).toBe(`Webhook "${wh.id}" is deleted successfully.\nIMPT COMMAND SUCCEEDS\n`);
    fails(await env.run(['webhook', 'delete', '-w', wh.id, '-q', '-z', 'minimal']), `Webhook "${wh.id}" is not found.`, 'minimal');
    const wh2 = await hook(dg);
    expect(ok(await env.run(['webhook', 'delete', '-w', wh2.id, '-q', '-z', 'json']))).toBe('{}\n');
  });

  it('shows the plan at a terminal', async () => {
    const { dg } = await env.group();
    const wh = await hook(dg);
    const r = await atTerminal(env, ['webhook', 'delete', '-w', wh.id], ['y']);
    expect(r.code).toBe(0);
    expect(r.text).toContain(`The following entities will be deleted:\nWebhook: \n  id:    ${wh.id}\n  event: deployment\n  url:   https://example.com/hook\n\nAre you sure you want to continue?\n`);
    expect(r.text).toContain(`Webhook "${wh.id}" is deleted successfully.\nIMPT COMMAND SUCCEEDS`);
    expect((await env.api.get(`/webhooks/${wh.id}`)).status).toBe(404);
  });

  it('answers an invalid reply with an empty line and "Invalid value!", then asks again', async () => {
    const { dg } = await env.group();
    const wh = await hook(dg);
    const r = await atTerminal(env, ['webhook', 'delete', '-w', wh.id, '-z', 'json'], ['maybe', 'n']);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/maybe\n\nInvalid value!\nEnter 'y' \(yes\) or 'n' \(no\):.*n\n\n\{\}\n$/s);
    expect((await env.api.get(`/webhooks/${wh.id}`)).status).toBe(200);
  });
});

describe('webhook list', () => {
  it('lists with Device Group blocks and applies every filter', async () => {
    const a = await env.group();
    const b = await env.group('production_devicegroup');
    const bob = await env.group('development_devicegroup', 'bob');
    const w1 = await hook(a.dg, { url: 'https://example.com/one' });
    const w2 = await hook(b.dg, { event: 'blessing', url: 'https://example.com/two' });
    const w3 = await hook(bob.dg, { url: 'https://example.com/one' }, env.bob);
    const out = ok(await env.run(['webhook', 'list', '-g', a.dg.attributes.name]));
    expect(out).toBe(
      `Webhook list (1 items):\nWebhook: \n  id:           ${w1.id}\n  event:        deployment\n  url:          https://example.com/one\n  Device Group: \n    id:   ${a.dg.id}\n    type: development\n    name: ${a.dg.attributes.name}\nIMPT COMMAND SUCCEEDS\n`,
    );
    const list = async (...args: string[]) => whIds(ok(await env.run(['webhook', 'list', ...args, '-z', 'json'])));
    const mine = [a.dg.id, b.dg.id, bob.dg.id].flatMap((id) => ['-g', id]);
    expect(await list(...mine)).toEqual([w1.id, w2.id, w3.id]);
    expect(await list(...mine, '-u', 'https://example.com/one')).toEqual([w1.id, w3.id]);
    expect(await list(...mine, '-e', 'blessing', '-e', 'blinkup')).toEqual([w2.id]);
    expect(await list(...mine, '-y', 'production', '-y', 'development')).toEqual([w1.id, w2.id, w3.id]);
    expect(await list(...mine, '-y', 'production')).toEqual([w2.id]);
    expect(await list(...mine, '-o', 'bob')).toEqual([w3.id]);
    expect(await list(...mine, '-o', 'me', '-u', 'https://example.com/one')).toEqual([w1.id]);
    expect(await list('-p', a.product.id, '-p', b.product.attributes.name)).toEqual([w1.id, w2.id]);
    expect(await list('-p', 'no-such-product')).toEqual([]);
    expect(ok(await env.run(['webhook', 'list', '-g', 'no-such-dg']))).toBe('No Webhooks are found.\nIMPT COMMAND SUCCEEDS\n');
    expect(ok(await env.run(['webhook', 'list', '-g', 'no-such-dg', '-z', 'minimal']))).toBe('');
    const table = ok(await env.run(['webhook', 'list', '-g', b.dg.id, '-z', 'table']));
    expect(table).toContain(w2.id);
    expect(table).toContain('Webhook list (1 items):');
  });

  it('takes an empty --product or --dg value from the Project file, checked before authentication', async () => {
    const { product, dg } = await env.group();
    const sibling = await env.api.createDg(product.id, 'development_devicegroup', `${dg.attributes.name}-sib`);
    const other = await env.group();
    const w1 = await hook(dg);
    const w2 = await hook(sibling);
    await hook(other.dg);
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.impt.project'), JSON.stringify({ deviceGroupId: dg.id }));
    expect(whIds(ok(await env.run(['webhook', 'list', '-g', '', '-z', 'json'], cwd)))).toEqual([w1.id]);
    expect(whIds(ok(await env.run(['webhook', 'list', '-p', '', '-z', 'json'], cwd)))).toEqual([w1.id, w2.id]);
    const loggedOut = { home: tempDir(), cwd: tempDir() };
    fails(await runImpt(['webhook', 'list', '-g', ''], loggedOut), 'No Device Group Identifier is specified.');
    fails(await runImpt(['webhook', 'list', '-o', '', '-z', 'json'], loggedOut), 'No Account Identifier is specified.', 'json');
  });

  it('validates filter values', async () => {
    fails(await env.run(['webhook', 'list', '-p', '']), 'No Product Identifier is specified.');
    usage(await env.run(['webhook', 'list', '-e', 'push']), 'Invalid values:\n  Argument: event, Given: "push", Choices: "blessing", "blinkup", "deployment"');
    usage(await env.run(['webhook', 'list', '--url']), 'Not enough arguments following: url');
  });
});
