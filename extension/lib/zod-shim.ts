/**
 * Build-only alias for 'zod' (see package.json "alias"). Parcel's symbol propagation drops zod 4's
 * `export { z, z as default }` namespace re-export (the bundle then fails at start-up with
 * "z.literal is not a function"). Copying the namespace into a plain object forces every export in.
 * @gongkai/shared only uses `import { z } from 'zod'`.
 */
import * as ns from '../../node_modules/zod/v4/classic/external.js';

export const z: typeof ns = { ...ns };
export default z;
