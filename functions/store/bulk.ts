/** Bulk writes for the seed, the fixtures and the bench: see `dynamo.ts`. */
export { batchPut } from './dynamo.ts';
