// The public entry: re-exports only. The core imports no `node:` module, so it runs in the browser too.
export { VERSION } from './version.js';
export { canonicalJson } from './scenario/canonical.js';
export { sha256Hex } from './scenario/sha256.js';
export { Xoroshiro128Plus, streamFor, type RandomSource } from './math/rng/index.js';
