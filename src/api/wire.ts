// Wire format of impCentral v5, shared by the client and the emulator.
// Relationship values are linkage objects themselves (not wrapped in `data`).
// zod/mini: the functional build, which bundles only the checks in use
// (the full build is ~750 KB with its locales, compiled by every command).
// Schemas are built on first use (`lazySchema`): building them all costs a
// few milliseconds at every start, and a command parses only a few.
import * as z from 'zod/mini';

/** A schema built when first used; `schema` nests it in another. */
export interface LazySchema<T extends z.ZodMiniType> {
  readonly schema: T;
  safeParse(data: unknown): ReturnType<T['safeParse']>;
}

export function lazySchema<T extends z.ZodMiniType>(build: () => T): LazySchema<T> {
  let built: T | undefined;
  const get = () => (built ??= build());
  return {
    get schema() {
      return get();
    },
    safeParse: (data) => get().safeParse(data) as ReturnType<T['safeParse']>,
  };
}

/** The data a lazy schema accepts. */
export type Parsed<S extends LazySchema<z.ZodMiniType>> = z.output<S['schema']>;

export const Linkage = lazySchema(() => z.object({ type: z.string(), id: z.string() }));
export type Linkage = Parsed<typeof Linkage>;

export const Resource = lazySchema(() =>
  z.object({
    type: z.string(),
    id: z.string(),
    links: z.optional(z.record(z.string(), z.unknown())),
    attributes: z._default(z.record(z.string(), z.unknown()), {}),
    relationships: z.optional(z.record(z.string(), z.union([Linkage.schema, z.array(Linkage.schema), z.null()]))),
    meta: z.optional(z.unknown()),
  }),
);
export type Resource = Parsed<typeof Resource>;

export const ApiErrorObject = lazySchema(() =>
  z.object({
    id: z.optional(z.string()),
    status: z.optional(z.union([z.string(), z.number()])),
    code: z.optional(z.string()),
    title: z.optional(z.string()),
    detail: z.optional(z.string()),
    meta: z.optional(z.unknown()),
  }),
);
export type ApiErrorObject = Parsed<typeof ApiErrorObject>;

export const ErrorDocument = lazySchema(() => z.object({ errors: z.array(ApiErrorObject.schema) }));
export type ErrorDocument = Parsed<typeof ErrorDocument>;

export const SingleDocument = lazySchema(() =>
  z.object({
    data: Resource.schema,
    meta: z.optional(z.unknown()),
  }),
);
export type SingleDocument = Parsed<typeof SingleDocument>;

export const ListDocument = lazySchema(() =>
  z.object({
    data: z.array(Resource.schema),
    links: z._default(z.record(z.string(), z.string()), {}),
    meta: z.optional(z.unknown()),
  }),
);
export type ListDocument = Parsed<typeof ListDocument>;

/** POST /auth and POST /auth/token answers (plain JSON, not JSON:API). */
export const TokenDocument = lazySchema(() =>
  z.object({
    access_token: z.string(),
    expires_in: z.optional(z.number()),
    expires_at: z.string(),
    refresh_token: z.optional(z.string()),
  }),
);
export type TokenDocument = Parsed<typeof TokenDocument>;

export const LoginRequest = lazySchema(() =>
  z.union([
    z.object({ id: z.string(), password: z.string() }),
    z.object({ login_token: z.string() }),
  ]),
);
export const TokenRequest = lazySchema(() => z.union([z.object({ token: z.string() }), z.object({ key: z.string() })]));

/** Request body of POST/PATCH on a collection: `{"data": {...}}`. */
export const WriteDocument = lazySchema(() =>
  z.object({
    data: z.object({
      type: z.string(),
      id: z.optional(z.string()),
      attributes: z.optional(z.record(z.string(), z.unknown())),
      relationships: z.optional(z.record(z.string(), z.union([Linkage.schema, z.null()]))),
    }),
  }),
);
export type WriteDocument = Parsed<typeof WriteDocument>;

/** Body of the relationship endpoints: `{"data": [linkage...]}` or `{"data": linkage}`. */
export const RelationshipDocument = lazySchema(() => z.object({ data: z.union([z.array(Linkage.schema), Linkage.schema]) }));

export const DG_TYPES = {
  development: 'development_devicegroup',
  'pre-factory': 'pre_factoryfixture_devicegroup',
  'pre-dut': 'pre_dut_devicegroup',
  'pre-production': 'pre_production_devicegroup',
  factory: 'factoryfixture_devicegroup',
  dut: 'dut_devicegroup',
  production: 'production_devicegroup',
} as const;
export type DgTypeName = keyof typeof DG_TYPES;
export type DgWireType = (typeof DG_TYPES)[DgTypeName];
export const DG_WIRE_TYPES = Object.values(DG_TYPES) as DgWireType[];
