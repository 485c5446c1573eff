// Per-command lookups with a cache: identification with impt's error
// messages, related entities for list/info views, Owner/Creator blocks, and
// the Project-file fallbacks of interface/README.md §10.3.
import { ImpCentralApiError } from '../../api/errors.js';
import type { Resource } from '../../api/impcentral.js';
import type { Session } from '../../context/session.js';
import { readProjectFile } from '../../context/project-file.js';
import { CliError } from '../../errors.js';
import {
  ACCOUNT,
  AmbiguousError,
  DEPLOYMENT,
  DEVICE,
  DEVICE_GROUP,
  findAll,
  findOne,
  NoIdentifierError,
  NotFoundError,
  PRODUCT,
  type EntityKind,
  type FindOptions,
  isPathSegment,
  wasReadById,
} from '../../identify/index.js';
import type { DisplayObject } from '../../output/format.js';
import { errors, info } from '../../output/messages/common.js';
import type { Printer } from '../../output/printer.js';
import { relId, shortView, wrap } from './views.js';

export { ACCOUNT, DEPLOYMENT, DEVICE, DEVICE_GROUP, PRODUCT };

/** Where a Device Group identifier came from: typed by the user or the Project file. */
export type DgSource = { value: string } | { projectDgId: string };

/**
 * Checks that an identifier is available (option or Project file) before
 * any authentication, as impt does. `undefined`/"" option → Project file.
 */
export function dgSource(value: string | undefined, cwd: string, type = 'Device Group'): DgSource {
  if (value) return { value };
  const project = readProjectFile(cwd);
  if (!project) throw new CliError(errors.noIdentifier(type));
  return { projectDgId: project.deviceGroupId };
}

export class Resolver {
  private readonly cache = new Map<string, Promise<Resource | undefined>>();

  constructor(
    readonly s: Session,
    readonly out: Printer,
  ) {}

  get api() {
    return this.s.api;
  }

  /** GET by id through the per-command cache; 404 → undefined (also for a value that cannot be an id). */
  fetch(kind: EntityKind, id: string): Promise<Resource | undefined> {
    if (!isPathSegment(id)) return Promise.resolve(undefined);
    const key = `${kind.type}:${id}`;
    let p = this.cache.get(key);
    if (!p) {
      p = kind
        .collection(this.api)
        .get(id)
        .catch((e: unknown) => {
          if (e instanceof ImpCentralApiError && e.status === 404) return undefined;
          throw e;
        });
      this.cache.set(key, p);
    }
    return p;
  }

  /**
   * Info commands re-read a match by id (§9.1 step 4) unless it was just
   * fetched by that id (also as a part of `{…}{…}`): the cached copy of a
   * list match is not reused.
   */
  async reread(kind: EntityKind, match: Resource, typed: string | undefined): Promise<Resource> {
    if (typed === match.id || wasReadById(match)) return match;
    this.cache.delete(`${kind.type}:${match.id}`);
    return (await this.fetch(kind, match.id)) ?? match;
  }

  remember(kind: EntityKind, r: Resource): void {
    this.cache.set(`${kind.type}:${r.id}`, Promise.resolve(r));
  }

  /** Exactly one entity; not found / ambiguous become impt's errors. */
  async one(kind: EntityKind, value: string, opts: FindOptions = {}): Promise<Resource> {
    try {
      const r = await findOne(this.api, kind, value, opts);
      this.remember(kind, r);
      return r;
    } catch (e) {
      throw await this.translate(e);
    }
  }

  /** Every match (list filters): unresolvable → []. */
  async all(kind: EntityKind, value: string, opts: FindOptions = {}): Promise<Resource[]> {
    try {
      return await findAll(this.api, kind, value, opts);
    } catch (e) {
      if (e instanceof NotFoundError) return [];
      throw await this.translate(e);
    }
  }

  /** Converts identification failures into the messages of §9.3. */
  async translate(e: unknown): Promise<unknown> {
    if (e instanceof NotFoundError) return new CliError(errors.notFound(`${e.kind.type} "${e.ident}"`));
    if (e instanceof NoIdentifierError) return new CliError(errors.noIdentifier(e.kind.type));
    if (e instanceof AmbiguousError) {
      const entities = await Promise.all(e.matches.map((m) => this.listItem(e.kind.type, m)));
      return new CliError(errors.multiple(e.kind.type, e.ident), { entities, infoLines: [info.impossible] });
    }
    return e;
  }

  /** The Device Group of an option or of the Project file (§10.3). */
  async deviceGroup(src: DgSource, opts: FindOptions = {}): Promise<Resource> {
    if ('value' in src) return this.one(DEVICE_GROUP, src.value, opts);
    const dg = await this.fetch(DEVICE_GROUP, src.projectDgId);
    if (!dg) {
      throw new CliError(errors.projectDgGone(src.projectDgId), { infoLines: [info.impossible, info.deleteOutdatedProject] });
    }
    return dg;
  }

  /** The Product of an option or of the Project file's Device Group. */
  async product(src: DgSource): Promise<Resource> {
    if ('value' in src) return this.one(PRODUCT, src.value);
    const dg = await this.deviceGroup(src);
    const pid = relId(dg, 'product');
    const product = pid ? await this.fetch(PRODUCT, pid) : undefined;
    if (!product) throw new CliError(errors.notFound(`Product "${pid ?? ''}"`));
    return product;
  }

  /** `Owner`/`Creator` block: undefined for the logged-in account. */
  async accountBlock(r: Resource, rel: 'owner' | 'creator' = 'owner'): Promise<DisplayObject | undefined> {
    const id = relId(r, rel);
    if (!id || id === (await this.s.meId())) return undefined;
    const acc = await this.fetch(ACCOUNT, id);
    return acc ? shortView('Account', acc) : { id };
  }

  /** Short view of a related entity, or a `Corrupted …` block when it no longer exists (§6.1). */
  async relatedBlock(
    owner: { type: string; ident: string },
    kind: EntityKind,
    id: string,
    label = kind.type,
  ): Promise<DisplayObject> {
    const r = await this.fetch(kind, id);
    if (r) return { [label]: shortView(kind.type, r) };
    if (!this.out.isJson) this.out.error(errors.corruptedRelated(`${owner.type} "${owner.ident}"`, kind.type, id));
    const block: DisplayObject = { id };
    if (kind === DEVICE_GROUP) block.type = 'unknown';
    return { [`Corrupted ${label}`]: block };
  }

  /** List view of an entity: short view + its related blocks (§5.3). */
  async listItem(type: string, r: Resource): Promise<DisplayObject> {
    const view = shortView(type, r);
    const relatedOf: Record<string, Array<[string, EntityKind]>> = {
      'Device Group': [['product', PRODUCT]],
      Device: [['devicegroup', DEVICE_GROUP]],
      Deployment: [['devicegroup', DEVICE_GROUP]],
      Webhook: [['devicegroup', DEVICE_GROUP]],
    };
    for (const [rel, kind] of relatedOf[type] ?? []) {
      const id = relId(r, rel);
      if (id) Object.assign(view, await this.relatedBlock({ type, ident: r.id }, kind, id));
    }
    if (type !== 'Account') {
      const owner = await this.accountBlock(r);
      if (owner) view.Owner = owner;
    }
    return wrap(type, view);
  }

  async listItems(type: string, items: Resource[]): Promise<DisplayObject[]> {
    const out: DisplayObject[] = [];
    // batches of five, as impt does, keep the order of the API
    for (let i = 0; i < items.length; i += 5) {
      out.push(...(await Promise.all(items.slice(i, i + 5).map((r) => this.listItem(type, r)))));
    }
    return out;
  }
}
