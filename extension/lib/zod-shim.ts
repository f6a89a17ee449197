/**
 * Build-only alias for 'zod' (see package.json "alias").
 * 1. Parcel's symbol propagation drops zod 4's `export { z, z as default }` namespace re-export (the
 *    bundle then fails at start-up with "z.literal is not a function").
 * 2. The full namespace drags in every locale (~1.6 MB source) into a content script.
 * So the extension gets a plain `z` object with exactly the builders @gongkai/shared uses
 * (`import { z } from 'zod'`: array, boolean, discriminatedUnion, enum, literal, number, object,
 * string, tuple). A new builder in shared must be added here; test/extension/zod-shim.test.ts checks.
 */
import { array, boolean, discriminatedUnion, enum as zenum, literal, number, object, string, tuple } from '../../node_modules/zod/v4/classic/schemas.js';

export const z = { array, boolean, discriminatedUnion, enum: zenum, literal, number, object, string, tuple };
export default z;
