// Wire format of impCentral v5, shared by the client and the emulator.
// Relationship values are linkage objects themselves (not wrapped in `data`).
import { z } from 'zod';

export const Linkage = z.object({ type: z.string(), id: z.string() });
export type Linkage = z.infer<typeof Linkage>;

export const Resource = z.object({
  type: z.string(),
  id: z.string(),
  links: z.record(z.string(), z.unknown()).optional(),
  attributes: z.record(z.string(), z.unknown()).default({}),
  relationships: z.record(z.string(), z.union([Linkage, z.array(Linkage), z.null()])).optional(),
  meta: z.unknown().optional(),
});
export type Resource = z.infer<typeof Resource>;

export const ApiErrorObject = z.object({
  id: z.string().optional(),
  status: z.union([z.string(), z.number()]).optional(),
  code: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  meta: z.unknown().optional(),
});
export type ApiErrorObject = z.infer<typeof ApiErrorObject>;

export const ErrorDocument = z.object({ errors: z.array(ApiErrorObject) });
export type ErrorDocument = z.infer<typeof ErrorDocument>;

export const SingleDocument = z.object({
  data: Resource,
  meta: z.unknown().optional(),
});
export type SingleDocument = z.infer<typeof SingleDocument>;

export const ListDocument = z.object({
  data: z.array(Resource),
  links: z.record(z.string(), z.string()).default({}),
  meta: z.unknown().optional(),
});
export type ListDocument = z.infer<typeof ListDocument>;

/** POST /auth and POST /auth/token answers (plain JSON, not JSON:API). */
export const TokenDocument = z.object({
  access_token: z.string(),
  expires_in: z.number().optional(),
  expires_at: z.string(),
  refresh_token: z.string().optional(),
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
    id: z.string().optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    relationships: z.record(z.string(), z.union([Linkage, z.null()])).optional(),
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
