import { roleSchema, type Role } from '#domain/auth/roles.ts';
import { keys } from './keys.ts';
import { queryAll } from './org.repository.ts';

/** What delivery needs to know of a staff member. */
export interface StaffContact {
  id: string;
  name: string;
  role: Role;
  unitId: string;
  email: string;
  active: boolean;
}

export async function listStaff(county: string): Promise<StaffContact[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.staffAll(county).pk },
  });
  return items.map((i) => ({
    id: String(i.id),
    name: String(i.name),
    role: roleSchema.parse(i.role),
    unitId: String(i.unitId),
    email: String(i.email),
    active: i.active !== false,
  }));
}
