// Wire format of impCentral v5, shared by the client and the emulator.
// Relationship values are linkage objects themselves (not wrapped in `data`).
// zod/mini: the functional build, which bundles only the checks in use
// (the full build is ~750 KB with its locales, compiled by every command).
import * as z from 'zod/mini';

export const Linkage = z.object({ type: z.string(), id: z.string() });
export type Linkage = z.infer<typeof Linkage>;

export const Resource = z.object({
  type: z.string(),
  id: z.string(),
  links: z.optional(z.record(z.string(), z.unknown())),
  attributes: z._default(z.record(z.string(), z.unknown()), {}),
  relationships: z.optional(z.record(z.string(), z.union([Linkage, z.array(Linkage), z.null()]))),
  meta: z.optional(z.unknown()),
});
export type Resource = z.infer<typeof Resource>;

export const ApiErrorObject = z.object({
  id: z.optional(z.string()),
  status: z.optional(z.union([z.string(), z.number()])),
  code: z.optional(z.string()),
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  meta: z.optional(z.unknown()),
});
export type ApiErrorObject = z.infer<typeof ApiErrorObject>;

export const ErrorDocument = z.object({ errors: z.array(ApiErrorObject) });
export type ErrorDocument = z.infer<typeof ErrorDocument>;

export const SingleDocument = z.object({
  data: Resource,
  meta: z.optional(z.unknown()),
});
export type SingleDocument = z.infer<typeof SingleDocument>;

export const ListDocument = z.object({
  data: z.array(Resource),
  links: z._default(z.record(z.string(), z.string()), {}),
  meta: z.optional(z.unknown()),
});
export type ListDocument = z.infer<typeof ListDocument>;

/** POST /auth and POST /auth/token answers (plain JSON, not JSON:API). */
export const TokenDocument = z.object({
  access_token: z.string(),
  expires_in: z.optional(z.number()),
  expires_at: z.string(),
  refresh_token: z.optional(z.string()),
});
export type TokenDocument = z.infer<typeof TokenDocument>;

export const LoginRequest = z.union([
  z.object({ id: z.string(), password: z.string() }),
  z.object({ login_token: z.string() }),
]);
export const TokenRequest = z.union([z.object({ token: z.string() }), z.object({ key: z.string() })]);

/** Request body of POST/PATCH on a collection: `{"data": {...}}`. */
export const WriteDocument = z.object({
  data: z.object({
    type: z.string(),
    id: z.optional(z.string()),
    attributes: z.optional(z.record(z.string(), z.unknown())),
    relationships: z.optional(z.record(z.string(), z.union([Linkage, z.null()]))),
  }),
});
export type WriteDocument = z.infer<typeof WriteDocument>;

/** Body of the relationship endpoints: `{"data": [linkage...]}` or `{"data": linkage}`. */
export const RelationshipDocument = z.object({ data: z.union([z.array(Linkage), Linkage]) });

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
