// The `meta` entries impCentral attaches to errors (compiler messages) and
// to successful answers (warnings): `«file» «type» (line «row», column
// «column»): «text»` for every entry that has all five fields (README §4.1).
import { info } from './messages/common.js';

interface MetaEntry {
  file?: unknown;
  type?: unknown;
  row?: unknown;
  column?: unknown;
  text?: unknown;
}

export function metaLines(meta: unknown): string[] {
  if (!Array.isArray(meta)) return [];
  return meta
    .filter((m: MetaEntry) => m && m.file !== undefined && m.type !== undefined && m.row !== undefined && m.column !== undefined && m.text !== undefined)
    .map((m: MetaEntry) => info.metaLine(String(m.file), String(m.type), String(m.row), String(m.column), String(m.text)));
}
