// impt product create|list|info|update|delete (interface/product.md) in
// default, minimal and json modes, with identification by id, name and
// {account}{product}, Owner blocks of a collaborated account, the Project
// file fallback and the failures the doc lists.
import { describe, expect, it } from 'vitest';
import { useWorld } from './dg-world.js';

const w = useWorld();

const FAILS = 'IMPT COMMAND FAILS\n';
const SUCCEEDS = 'IMPT COMMAND SUCCEEDS\n';

describe.concurrent('product create', () => {
  it('creates in every mode and prints the short view', async () => {
    const [a, b, c] = [w.name('DeskLamp'), w.name('FloorLamp'), w.name('WallLamp')];
    const text = await w.run(['product', 'create', '--name', a, '--descr', 'Desk lamp v2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^Product "${a}" is created successfully\\.\\nProduct: \\n  id:   [0-9a-f-]{36}\\n  name: ${a}\\n${SUCCEEDS}$`));
    const minimal = await w.run(['product', 'create', '-n', b, '-z', 'minimal']);
    expect(minimal.stdout).toMatch(new RegExp(`^Product: \\n  id:   [0-9a-f-]{36}\\n  name: ${b}\\n$`));
    const json = await w.run(['product', 'create', '-n', c, '-z', 'json']);
    const doc = JSON.parse(json.stdout);
    expect(Object.keys(doc.Product)).toEqual(['id', 'name']);
    expect(doc.Product.name).toBe(c);
    const stored = await w.demo.get(`/products/${doc.Product.id}`);
    expect(stored.body.data.attributes.description).toBe('');
  });

  it('creates in a collaborated account with --owner and refuses duplicates', async () => {
    const name = w.name('OpsLamp');
    const created = await w.run(['product', 'create', '-n', name, '-o', 'ops@acme.example', '-z', 'json']);
    const id = JSON.parse(created.stdout).Product.id;
    expect((await w.demo.get(`/products/${id}`)).body.data.relationships.owner.id).toBe(w.opsId);
    const dup = await w.run(['product', 'create', '-n', name, '--owner', 'acme-ops']);
    expect(dup.code).toBe(1);
    expect(dup.stdout).toBe(`Error: Duplicate Resource: Products must have unique names.\n${FAILS}`);
    const dupJson = await w.run(['product', 'create', '-n', name, '--owner', 'acme-ops', '-z', 'json']);
    expect(JSON.parse(dupJson.stdout)).toEqual({ Error: 'Duplicate Resource: Products must have unique names.' });
    const nobody = await w.run(['product', 'create', '-n', w.name('X'), '-o', 'nobody']);
    expect(nobody.stdout).toBe(`Error: Account "nobody" is not found.\n${FAILS}`);
  });

  it('ignores --, as impt 2.6.1 does: the words after it are options too', async () => {
    const name = w.name('AfterDashes');
    const r = await w.run(['product', 'create', '--', '-n', name, '-z', 'json']);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).Product.name).toBe(name);
  });

  it('validates options before anything else', async () => {
    const missing = await w.run(['product', 'create']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^\nUsage: impt product create --name <product_name>/);
    expect(missing.stdout.endsWith(`Error: Missing required argument: name\n${FAILS}`)).toBe(true);
    const empty = await w.run(['product', 'create', '-n', '']);
    expect(empty.stdout.endsWith(`Error: Option "--name" must not be empty.\n${FAILS}`)).toBe(true);
    const twice = await w.run(['product', 'create', '-n', 'a', '-n', 'b', '-z', 'minimal']);
    expect(twice.stdout.endsWith(`Error: Option "--name" must not be specified multiple times.\n${FAILS}`)).toBe(true);
    // json mode: the error alone, one document
    const json = await w.run(['product', 'create', '-n', 'a', '-n', 'b', '-z', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'Option "--name" must not be specified multiple times.' });
  });
});

describe.concurrent('product list', () => {
  it('lists own and collaborated products with Owner blocks, filtered by --owner', async () => {
    const mine = w.name('Mine');
    const theirs = w.name('Theirs');
    await w.demo.createProduct(mine, '');
    await w.ops.createProduct(theirs, '');
    const all = await w.run(['product', 'list']);
    expect(all.stdout).toMatch(/^Product list \(\d+ items\):\n/);
    expect(all.stdout).toContain(`  name: ${mine}\n`);
    expect(all.stdout).toContain(`  name:  ${theirs}\n  Owner: \n    id:       ${w.opsId}\n    email:    ops@acme.example\n    username: acme-ops\n`);
    const own = await w.run(['product', 'list', '--owner', 'me', '-z', 'json']);
    const ownNames = JSON.parse(own.stdout).map((p: { Product: { name: string } }) => p.Product.name);
    expect(ownNames).toContain(mine);
    expect(ownNames).not.toContain(theirs);
    const both = await w.run(['product', 'list', '-o', 'me', '-o', 'acme-ops', '-z', 'minimal']);
    expect(both.stdout).toContain(`name: ${mine}`);
    expect(both.stdout).toContain(`name:  ${theirs}`);
    expect(both.stdout).not.toContain('Product list');
    const table = await w.run(['product', 'list', '-o', 'acme-ops', '-z', 'table']);
    expect(table.stdout).toMatch(/Product list \(\d+ items\):\n┌/);
    expect(table.stdout).toContain(theirs);
  });

  it('finds nothing for an unknown owner and refuses an empty one', async () => {
    const none = await w.run(['product', 'list', '--owner', 'nobody']);
    expect(none.stdout).toBe(`No Products are found.\n${SUCCEEDS}`);
    expect((await w.run(['product', 'list', '--owner', 'nobody', '-z', 'json'])).stdout).toBe('[]\n');
    expect((await w.run(['product', 'list', '--owner', 'nobody', '-z', 'minimal'])).stdout).toBe('');
    const empty = await w.run(['product', 'list', '--owner', '']);
    expect(empty.stdout).toBe(`Error: No Account Identifier is specified.\n${FAILS}`);
  });
});

describe.concurrent('product info', () => {
  it('shows the info view by id, name and hierarchical identifier', async () => {
    const name = w.name('Info');
    const p = await w.demo.createProduct(name, 'Smart lamp firmware');
    const a = p.attributes;
    const byName = await w.run(['product', 'info', '-p', name]);
    expect(byName.stdout).toBe(
      `Product: \n  id:          ${p.id}\n  name:        ${name}\n  description: Smart lamp firmware\n  created_at:  ${a.created_at}\n  updated_at:  ${a.updated_at}\n${SUCCEEDS}`,
    );
    const byId = await w.run(['product', 'info', '--product', p.id, '-z', 'json']);
    expect(JSON.parse(byId.stdout).Product).toEqual({ id: p.id, name, description: 'Smart lamp firmware', created_at: a.created_at, updated_at: a.updated_at });
    const hier = await w.run(['product', 'info', '-p', `{me}{${name}}`, '-z', 'minimal']);
    expect(hier.stdout).toContain(`  id:          ${p.id}\n`);
  });

  it('shows Owner and Creator of a collaborated product, empty values with a trailing space', async () => {
    const name = w.name('Foreign');
    const p = await w.ops.createProduct(name, '');
    const out = await w.run(['product', 'info', '-p', p.id, '-z', 'minimal']);
    expect(out.stdout).toContain('  description: \n');
    expect(out.stdout).toContain(`  Owner: \n    id:       ${w.opsId}\n    email:    ops@acme.example\n    username: acme-ops\n  Creator: \n`);
  });

  it('reports not found, ambiguous names and a missing identifier', async () => {
    const missing = await w.run(['product', 'info', '-p', 'Nope']);
    expect(missing.stdout).toBe(`Error: Product "Nope" is not found.\n${FAILS}`);
    const json = await w.run(['product', 'info', '-p', 'Nope', '-z', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ Error: 'Product "Nope" is not found.' });
    const hierMissing = await w.run(['product', 'info', '-p', '{nobody}{Nope}']);
    expect(hierMissing.stdout).toBe(`Error: Account "nobody" is not found.\n${FAILS}`);
    const twin = w.name('Twin');
    await w.demo.createProduct(twin, '');
    await w.ops.createProduct(twin, '');
    const multiple = await w.run(['product', 'info', '-p', twin]);
    expect(multiple.stdout).toMatch(new RegExp(`^Error: Multiple Products "${twin}" are found:\\nProduct: \\n`));
    expect(multiple.stdout.endsWith(`Impossible to execute the command.\n${FAILS}`)).toBe(true);
    const noIdent = await w.run(['product', 'info']);
    expect(noIdent.stdout).toBe(`Error: No Product Identifier is specified.\n${FAILS}`);
  });

  it('falls back to the Product of the Project file and reports a broken one', async () => {
    const name = w.name('Projected');
    const p = await w.demo.createProduct(name, '');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', 'Dev');
    const dir = w.projectDir(dg.id);
    const fromProject = await w.run(['product', 'info', '-z', 'json'], dir);
    expect(JSON.parse(fromProject.stdout).Product.id).toBe(p.id);
    const corrupted = await w.run(['product', 'info'], w.projectDir(null, '{not json'));
    expect(corrupted.stdout).toBe(`Error: Project File is corrupted.\n${FAILS}`);
    const gone = await w.run(['product', 'info'], w.projectDir('00000000-0000-0000-0000-000000000000'));
    expect(gone.stdout).toBe(
      `Error: Device Group "00000000-0000-0000-0000-000000000000", saved in Project File, does not exist anymore.\nImpossible to execute the command.\nUse "impt project delete" command to delete the outdated Project.\n${FAILS}`,
    );
    const explicit = await w.run(['product', 'info', '-p', p.id, '-z', 'minimal'], w.projectDir(null, '{not json'));
    expect(explicit.code).toBe(0);
  });
});

describe('product info requests', () => {
  it('a match by name or {account}{product} is re-read by id; an id is read once', async () => {
    const name = w.name('Reread');
    const p = await w.demo.createProduct(name, '');
    const products = (reqs: string[]) => reqs.filter((q) => q.startsWith('GET /products'));
    const byName = await w.requests(() => w.run(['product', 'info', '-p', name]));
    expect(products(byName)).toEqual([expect.stringMatching(/^GET \/products\?/), `GET /products/${p.id}`]);
    const hier = await w.requests(() => w.run(['product', 'info', '-p', `{me}{${name}}`]));
    expect(products(hier)).toEqual([expect.stringMatching(/^GET \/products\?filter\[owner\.id\]=/), `GET /products/${p.id}`]);
    const byId = await w.requests(() => w.run(['product', 'info', '-p', p.id]));
    expect(products(byId)).toEqual([`GET /products/${p.id}`]);
  });
});

describe.concurrent('product update', () => {
  it('updates name and description, naming the product as typed', async () => {
    const name = w.name('Upd');
    const p = await w.demo.createProduct(name, 'old');
    const renamed = `${name}-2`;
    const text = await w.run(['product', 'update', '-p', name, '-n', renamed, '-s', '']);
    expect(text.stdout).toBe(`Product "${name}" is updated successfully.\n${SUCCEEDS}`);
    const stored = (await w.demo.get(`/products/${p.id}`)).body.data.attributes;
    expect(stored).toMatchObject({ name: renamed, description: '' });
    expect((await w.run(['product', 'update', '-p', p.id, '-s', 'Floor lamp', '-z', 'minimal'])).stdout).toBe('');
    expect((await w.run(['product', 'update', '-p', `{me}{${renamed}}`, '-z', 'json'])).stdout).toBe('{}\n');
    expect((await w.demo.get(`/products/${p.id}`)).body.data.attributes.description).toBe('Floor lamp');
  });

  it('reports a duplicate name from impCentral', async () => {
    const [a, b] = [w.name('A'), w.name('B')];
    await w.demo.createProduct(a, '');
    await w.demo.createProduct(b, '');
    const dup = await w.run(['product', 'update', '-p', a, '-n', b]);
    expect(dup.stdout).toBe(`Error: Duplicate Resource: Products must have unique names.\n${FAILS}`);
  });
});

describe.concurrent('product delete', () => {
  it('deletes in every mode and says when a product has groups', async () => {
    const [a, b, c, d] = [w.name('DelA'), w.name('DelB'), w.name('DelC'), w.name('DelD')];
    for (const n of [a, b, c]) await w.demo.createProduct(n, '');
    expect((await w.run(['product', 'delete', '-p', a, '-q'])).stdout).toBe(`Product "${a}" is deleted successfully.\n${SUCCEEDS}`);
    expect((await w.run(['product', 'delete', '-p', b, '-q', '-z', 'minimal'])).stdout).toBe('');
    expect((await w.run(['product', 'delete', '-p', c, '-q', '-z', 'json'])).stdout).toBe('{}\n');
    const list = await w.run(['product', 'list', '-o', 'me', '-z', 'json']);
    expect(list.stdout).not.toContain(a);
    const p = await w.demo.createProduct(d, '');
    await w.demo.createDg(p.id, 'development_devicegroup', 'Dev');
    const blocked = await w.run(['product', 'delete', '-p', d, '-q']);
    expect(blocked.stdout).toBe(`Error: Dependent Devicegroups Exist: Cannot delete a product with associated devicegroups.\n${FAILS}`);
  });

  it('asks for confirmation and fails at once without a terminal', async () => {
    const name = w.name('Ask');
    const p = await w.demo.createProduct(name, '');
    const out = await w.run(['product', 'delete', '-p', name]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(
      `The following entities will be deleted:\nProduct: \n  id:   ${p.id}\n  name: ${name}\n\nError: Confirmation is required; run the command with --confirmed (-q) in non-interactive use.\n${FAILS}`,
    );
    expect((await w.demo.get(`/products/${p.id}`)).status).toBe(200);
    const flag = await w.run(['product', 'delete', '-p', name, '--force', 'false']);
    expect(flag.stdout.endsWith(`Error: Option "--force" has incorrect value "false".\n${FAILS}`)).toBe(true);
  });
});
