// Walking untrusted JSON with JSON pointers: single values and arrays alike, no throwing.
import type { JsonObject } from './types.js';

/** A value found in the document and the RFC 6901 pointer to it. */
export interface Located {
  value: unknown;
  pointer: string;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapePointerToken(String(key))}`;
}

/** A value or an array of values, as located items (arrays keep their index in the pointer). */
export function items(loc: Located | undefined): Located[] {
  if (!loc || loc.value === undefined || loc.value === null) return [];
  if (Array.isArray(loc.value)) {
    return loc.value
      .map((value, index) => ({ value, pointer: childPointer(loc.pointer, index) }))
      .filter((l) => l.value !== undefined && l.value !== null);
  }
  return [loc];
}

/**
 * Follows a path of property names from each starting point. Every step accepts a single value
 * or an array, so `walk(root, 'credentialSubject', 'hasClaim', 'specifiedBy')` returns every
 * specification of every claim of every subject.
 */
export function walk(start: Located | Located[], ...path: string[]): Located[] {
  let current = (Array.isArray(start) ? start : [start]).flatMap(items);
  for (const key of path) {
    const next: Located[] = [];
    for (const loc of current) {
      if (!isObject(loc.value) || !Object.prototype.hasOwnProperty.call(loc.value, key)) continue;
      next.push(...items({ value: loc.value[key], pointer: childPointer(loc.pointer, key) }));
    }
    current = next;
  }
  return current;
}

/** The value at an RFC 6901 pointer, or undefined when the path does not exist. */
export function valueAtPointer(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function root(document: unknown): Located {
  return { value: document, pointer: '' };
}

/** First located value along a path, or undefined. */
export function first(start: Located | Located[], ...path: string[]): Located | undefined {
  return walk(start, ...path)[0];
}

/** The first string along a path (numbers are written as strings). */
export function firstString(
  start: Located | Located[],
  ...path: string[]
): (Located & { value: string }) | undefined {
  for (const loc of walk(start, ...path)) {
    const text = scalarText(loc.value);
    if (text !== undefined) return { value: text, pointer: loc.pointer };
  }
  return undefined;
}

/** A string for a string or finite number; undefined otherwise. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The JSON-LD `type` (or `@type`) of a node, always as an array of strings. */
export function typesOf(value: unknown): string[] {
  if (!isObject(value)) return [];
  const raw = value.type ?? value['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string');
}

export function hasType(value: unknown, ...names: string[]): boolean {
  const types = typesOf(value);
  return names.some((n) => types.includes(n));
}

/** The `id` of a node, or the node itself when it is a string reference. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.id === 'string') return value.id;
  if (isObject(value) && typeof value['@id'] === 'string') return value['@id'] as string;
  return undefined;
}

/** The `@context` entries of a document that are URLs. */
export function contextUrls(document: unknown): string[] {
  if (!isObject(document)) return [];
  const ctx = document['@context'];
  const list = Array.isArray(ctx) ? ctx : [ctx];
  return list.filter((c): c is string => typeof c === 'string');
}

/** Keys a node may carry and still be only a reference to a node defined elsewhere. */
const REFERENCE_KEYS = new Set(['id', '@id', 'type', '@type']);

function isReference(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!isObject(value) || idOf(value) === undefined) return false;
  return Object.keys(value).every((k) => REFERENCE_KEYS.has(k));
}

/**
 * An index of graph nodes by id, for formats (ELM) that refer to shared nodes by id.
 * `resolve` returns the full node for a reference ("id", {id} or {id, type}). `walk` follows
 * references and cuts reference loops: a node that is already an ancestor on the same branch is
 * not followed again (siblings may share nodes freely). `loopDetected`/`loopPointer` record the cut.
 */
export class NodeIndex {
  private readonly nodes = new Map<string, Located>();
  loopDetected = false;
  /** Where the first reference loop was cut. */
  loopPointer: string | undefined;
  /** Every distinct place where a reference loop was cut. */
  readonly loopPointers: string[] = [];
  /** The ids on the path to each node `walk` returned, so that a later walk from it continues the path. */
  private readonly ancestry = new WeakMap<Located, ReadonlySet<string>>();

  constructor(document: unknown, maxNodes = 100_000) {
    const stack: Located[] = [root(document)];
    let seen = 0;
    while (stack.length > 0 && seen < maxNodes) {
      const loc = stack.pop()!;
      seen++;
      if (Array.isArray(loc.value)) {
        loc.value.forEach((v, i) => stack.push({ value: v, pointer: childPointer(loc.pointer, i) }));
      } else if (isObject(loc.value)) {
        const id = idOf(loc.value);
        // Keep the richest node for an id: a bare {id} reference must not shadow the definition.
        if (id && !isReference(loc.value)) {
          const known = this.nodes.get(id);
          if (!known || Object.keys(known.value as JsonObject).length < Object.keys(loc.value).length) {
            this.nodes.set(id, loc);
          }
        }
        for (const [k, v] of Object.entries(loc.value))
          stack.push({ value: v, pointer: childPointer(loc.pointer, k) });
      }
    }
  }

  /** The defining node for a reference, or the value itself when it is already a full node. */
  resolve(loc: Located): Located {
    if (!isReference(loc.value)) return loc;
    const id = idOf(loc.value);
    return (id && this.nodes.get(id)) || loc;
  }

  /** Records a loop cut at `pointer`. */
  markLoop(pointer: string): void {
    if (!this.loopDetected) this.loopPointer = pointer;
    this.loopDetected = true;
    if (!this.loopPointers.includes(pointer)) this.loopPointers.push(pointer);
  }

  /**
   * Like `walk`, but resolves every step through the index and never revisits an ancestor. The path
   * continues across calls: walking on from nodes a previous walk returned still knows their ancestors.
   */
  walk(start: Located | Located[], ...path: string[]): Located[] {
    type Branch = { loc: Located; ancestors: ReadonlySet<string> };
    const withNode = (ancestors: ReadonlySet<string>, value: unknown): ReadonlySet<string> => {
      const id = isObject(value) ? idOf(value) : undefined;
      return id ? new Set([...ancestors, id]) : ancestors;
    };
    let current: Branch[] = (Array.isArray(start) ? start : [start]).flatMap((s) => {
      const known = this.ancestry.get(s);
      return items(s).map((l) => {
        const loc = this.resolve(l);
        return { loc, ancestors: withNode(known ?? new Set(), loc.value) };
      });
    });
    for (const key of path) {
      const next: Branch[] = [];
      for (const branch of current) {
        for (const child of walk(branch.loc, key)) {
          const resolved = this.resolve(child);
          const id = isObject(resolved.value) ? idOf(resolved.value) : undefined;
          if (id && branch.ancestors.has(id)) {
            this.markLoop(child.pointer);
            continue;
          }
          // A fresh object per branch: a node shared by two paths keeps each path's ancestry apart.
          next.push({ loc: { ...resolved }, ancestors: withNode(branch.ancestors, resolved.value) });
        }
      }
      current = next;
    }
    return current.map((b) => {
      this.ancestry.set(b.loc, b.ancestors);
      return b.loc;
    });
  }
}
