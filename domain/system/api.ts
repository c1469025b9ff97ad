/**
 * Every route's response, by route id: the features' declarations (each
 * `domain/<feature>/*.api.ts`, beside its routes) collected, as `routes.ts`
 * collects the routes. The server's `httpRoute` makes a handler return its
 * route's type; the forms' `call` returns it. One declaration, so the two
 * cannot drift apart unnoticed (a compile error, not a runtime check).
 */
import type { SessionApi } from '../auth/session.api.ts';
import type { ArchiveApi } from '../delivery/archive.api.ts';
import type { DirectoryApi } from '../directory/directory.api.ts';
import type { IncomeApi } from '../income/income.api.ts';
import type { PetitionApi } from '../petitions/petition.api.ts';
import type { QualityApi } from '../quality/quality.api.ts';
import type { VisitApi } from '../visits/visit.api.ts';
import type { RecordReply } from '../records/record.api.ts';
import type { ApiOf } from './reply.ts';
import type { RouteId } from './routes.ts';

export type { FileReply, RedirectReply } from './reply.ts';

/** The response of every route; exactly the route table's ids (checked). */
export type RouteResponses = ApiOf<
  RouteId,
  IncomeApi & ArchiveApi & PetitionApi & VisitApi & QualityApi & SessionApi & DirectoryApi
>;

/** What route `Id` answers. */
export type ResponseOf<Id extends RouteId> = RouteResponses[Id];

/** The routes answering with one register record (`RecordReply<T>`): the creates and updates. */
export type RecordRouteId = {
  [K in RouteId]: RouteResponses[K] extends RecordReply<infer _T> ? K : never;
}[RouteId];

/** The register data `T` that route `Id`, answering `RecordReply<T>`, stores. */
export type RecordDataOf<Id extends RouteId> = RouteResponses[Id] extends RecordReply<infer T> ? T : never;

/** The routes whose declared response is a `T`, e.g. every ledger list route. */
export type RoutesAnswering<T> = {
  [K in RouteId]: RouteResponses[K] extends T ? K : never;
}[RouteId];

/** The routes whose declared response takes a `T`, e.g. every route answering a ledger page. */
export type RoutesAccepting<T> = {
  [K in RouteId]: [T] extends [RouteResponses[K]] ? K : never;
}[RouteId];
