export { Xoroshiro128Plus, streamFor, type RandomSource } from './xoroshiro128plus.js';
export { mix64, mixKey } from './splitMix64.js';
