/**
 * What the features' API declarations are made of: the markers for answers that
 * are not JSON, and the check that a feature declares one response per route.
 * Each feature's `<feature>.api.ts` maps its route ids to their responses;
 * `api.ts` collects them into `RouteResponses`, read by the server's `httpRoute`
 * (the handler must return that type) and by the forms' `call` (which returns it).
 */

/**
 * A route that answers with a file (an XLSX export) rather than JSON: the file as
 * the browser receives it. The handler returns its bytes, content type and name
 * instead of a body (`HttpReply.file` in `functions/platform/http.ts`).
 */
export type FileReply = Blob;

/** A route that answers by sending the browser on (302), with no body. */
export interface RedirectReply {
  readonly reply: 'redirect';
}

/**
 * A feature's responses by route id, checked at compile time: one for each of the
 * feature's routes (`Ids`), and none for a route it does not have.
 */
export type ApiOf<
  Ids extends string,
  Responses extends Record<Ids, unknown> & Record<Exclude<keyof Responses, Ids>, never>,
> = Responses;
