/**
 * The directory as delivery reads it: people with their role, unit, town and
 * position, and the entries naming report recipients. Fields are copied one by one
 * so key attributes and personal data delivery does not need never leave here.
 */
import { roleSchema } from '#domain/auth/roles.ts';
import type { DirectoryPerson, RecipientEntry } from '#domain/delivery/recipients.ts';
import { keys } from './keys.ts';
import { queryAll } from './dynamo.ts';

export async function listPeople(county: string): Promise<DirectoryPerson[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.staffAll(county).pk },
  });
  return items.flatMap((i) => {
    const role = roleSchema.safeParse(i.role);
    if (!role.success || typeof i.email !== 'string') return [];
    return [
      {
        id: String(i.id),
        name: String(i.name),
        email: i.email,
        role: role.data,
        unitId: String(i.unitId),
        ...(typeof i.townId === 'string' && i.townId ? { townId: i.townId } : {}),
        ...(typeof i.position === 'string' ? { position: i.position } : {}),
        active: i.active !== false,
      },
    ];
  });
}

export async function listRecipientEntries(county: string): Promise<RecipientEntry[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.reportRecipients(county).pk },
  });
  return items.map((i) => ({
    reportKind: String(i.reportKind),
    scopeUnitId: String(i.scopeUnitId),
    staffId: String(i.staffId),
  }));
}
