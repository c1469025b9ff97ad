/**
 * Stands in for `node:process` imported as an ES module (the SDK reads `env` and
 * `versions` from it). Node builds a module namespace for a built-in from every
 * property of its exports, and `process` has lazy getters: `stdin` among them,
 * whose stream is then made at import, about 10 ms of every cold start. The
 * global object is the same `process`, read without its getters.
 */
export const env = process.env;
export const versions = process.versions;
export default process;
