// JSON:API document helpers: list query parsing (filters + paging), paging
// links, request body parsing.
import type { Context } from 'hono';
import { z } from 'zod';
import { WriteDocument } from '../../api/wire.js';
import { err } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ListQuery {
  filters: Map<string, string>;
  page: number;
  size: number;
  /** other query params kept for the paging links (in order) */
  keep: [string, string][];
}

export function parseListQuery(c: Context, allowedFilters: readonly string[]): ListQuery {
  const url = c.req.url;
  const q = url.indexOf('?');
  const params = new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
  const filters = new Map<string, string>();
  const keep: [string, string][] = [];
  let page = 1;
  let size = DEFAULT_PAGE_SIZE;
  for (const [key, value] of params) {
    if (key === 'page[number]') {
      page = parsePositiveInt(key, value);
    } else if (key === 'page[size]') {
      size = Math.min(parsePositiveInt(key, value), MAX_PAGE_SIZE);
    } else if (key.startsWith('filter[') && key.endsWith(']')) {
      const name = key.slice(7, -1);
      if (!allowedFilters.includes(name)) throw err.validation(`Unsupported filter: ${key}.`, 'VX010');
      if (filters.has(name)) throw err.validation(`Only one value is allowed for ${key}.`, 'VX011');
      filters.set(name, value);
      keep.push([key, value]);
    } else if (key.startsWith('page[')) {
      throw err.validation(`Unsupported paging parameter: ${key}.`, 'VX012');
    }
    // include, sort, fields[...] and other parameters are ignored.
  }
  return { filters, page, size, keep };
}

function parsePositiveInt(key: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw err.validation(`${key} must be a positive integer.`, 'VX013');
  return Number(value);
}

export function apiBase(c: Context): string {
  return new URL(c.req.url).origin + '/v5';
}

function pageLink(base: string, path: string, keep: [string, string][], page: number, size: number): string {
  const parts = keep.map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  parts.push(`page[number]=${page}`, `page[size]=${size}`);
  return `${base}${path}?${parts.join('&')}`;
}

/** Builds a list document for already-serialised items of the whole result. */
export function listDocument<T, R>(
  c: Context,
  path: string,
  q: ListQuery,
  items: readonly T[],
  serialize: (item: T) => R,
): { data: R[]; links: Record<string, string> } {
  const base = apiBase(c);
  const start = (q.page - 1) * q.size;
  const data = items.slice(start, start + q.size).map(serialize);
  const links: Record<string, string> = {
    self: pageLink(base, path, q.keep, q.page, q.size),
    first: pageLink(base, path, q.keep, 1, q.size),
  };
  if (q.page > 1) links.prev = pageLink(base, path, q.keep, q.page - 1, q.size);
  if (start + q.size < items.length) links.next = pageLink(base, path, q.keep, q.page + 1, q.size);
  return { data, links };
}

/** Parses a JSON body, mapping malformed JSON to a 400 error. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw err.validation('The request body is not valid JSON.', 'VX020');
  }
}

export type WriteData = WriteDocument['data'];

/** Reads `{"data": {...}}` and checks `data.type` against the expected type(s). */
export async function readWrite(c: Context, expectedTypes: readonly string[] | null): Promise<WriteData> {
  const body = await readJson(c);
  const r = WriteDocument.safeParse(body);
  if (!r.success) throw err.validation(describeZod(r.error), 'VX021');
  if (expectedTypes && !expectedTypes.includes(r.data.data.type)) {
    throw err.validation(`Invalid resource type "${r.data.data.type}".`, 'VX022');
  }
  return r.data.data;
}

export function describeZod(e: z.core.$ZodError): string {
  const i = e.issues[0];
  if (!i) return 'Invalid request body.';
  const where = i.path.length ? i.path.join('.') : 'body';
  return `Invalid request body at ${where}: ${i.message}.`;
}

/** Rejects attributes outside the allowed set. */
export function checkAttributes(attrs: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const k of Object.keys(attrs)) {
    if (!allowed.includes(k)) throw err.validation(`Attribute "${k}" cannot be set on ${what}.`, 'VX023');
  }
}

export function optString(
  attrs: Record<string, unknown>,
  key: string,
  { min = 0, max = 255 }: { min?: number; max?: number } = {},
): string | undefined {
  const v = attrs[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw err.validation(`Attribute "${key}" must be a string.`, 'VX024');
  if (v.length < min || v.length > max) {
    throw err.validation(`Attribute "${key}" must be between ${min} and ${max} characters long.`, 'VX025');
  }
  return v;
}

export function optBoolean(attrs: Record<string, unknown>, key: string): boolean | undefined {
  const v = attrs[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw err.validation(`Attribute "${key}" must be a boolean.`, 'VX026');
  return v;
}
