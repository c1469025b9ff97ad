/** What the session route answers (see `session.routes.ts`). */
import type { ApiOf } from '../system/reply.ts';
import type { Role } from './roles.ts';
import type { sessionRoutes } from './session.routes.ts';

/** The signed-in person, with the names the token does not carry (from the directory). */
export interface Me {
  userId: string;
  name: string;
  role: Role;
  roleLabel: string;
  countyCode: string;
  unitId: string;
  unitName: string | null;
  townId: string | null;
  townName: string | null;
}

export type SessionApi = ApiOf<(typeof sessionRoutes)[number]['id'], { me: Me }>;
