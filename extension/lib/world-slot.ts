/**
 * A value kept on this isolated world's global object under a registered Symbol (shared by our
 * content scripts in the same world). Never a plain name: an element's id or a form's name shows up
 * as a named property of the global object, so a page with `<a id="__gongkaiLens">` could make a
 * plain-name marker look set. Read only as an own property, and only if it passes `is`.
 */
export interface WorldSlot<T> {
  get(): T | undefined;
  set(value: T): void;
}

/** The registered Symbol's key of a slot: for code that reads a slot from outside (`chrome.scripting` `args`). */
export const worldSlotKey = (name: string): string => `gongkai-lens:${name}`;

export function worldSlot<T>(name: string, is: (v: unknown) => v is T): WorldSlot<T> {
  const key = Symbol.for(worldSlotKey(name));
  const g = globalThis as unknown as Record<symbol, unknown>;
  return {
    get: () => {
      if (!Object.prototype.hasOwnProperty.call(g, key)) return undefined;
      const v = g[key];
      return is(v) ? v : undefined;
    },
    set: (value) => {
      Object.defineProperty(g, key, { value, configurable: true, writable: true, enumerable: false });
    },
  };
}
