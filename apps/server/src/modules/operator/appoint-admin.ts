import { and, eq, or, sql } from 'drizzle-orm';
import { auditLog, memberships, sites, users, type Db } from '@tribu/db';
import type { AdminAppointed } from '@tribu/protocol';
import { FieldsError, notFound } from '../../lib/errors.ts';

/**
 * The install's operator makes an existing account an active admin of a site (its last admin left
 * its account, or never signed up): a member is raised to admin and reinstated, anyone else joins
 * as admin. Written to the site's audit log in the same transaction. `site` is an id or a key.
 */
export async function appointAdmin(
  db: Db,
  by: { userId: string | null; displayName: string },
  site: string,
  email: string,
): Promise<AdminAppointed & { siteId: string; siteName: string }> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(site);
  const [target] = await db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(isId ? or(eq(sites.id, site), eq(sites.key, site)) : eq(sites.key, site));
  if (!target) throw notFound('Site');
  const [user] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!user) throw new FieldsError({ email: 'No account uses this email; invite the person from the site first, or ask them to sign up' });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: memberships.role, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.siteId, target.id)))
      .for('update');
    await tx
      .insert(memberships)
      .values({ userId: user.id, siteId: target.id, role: 'admin' })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.siteId], set: { role: 'admin', status: 'active', suspendedReason: null } });
    await tx.insert(auditLog).values({
      siteId: target.id,
      actorId: by.userId,
      actorName: by.displayName,
      action: 'member.appointed_admin',
      targetKind: 'user',
      targetId: user.id,
      targetLabel: user.displayName,
      details: { from: before ? `${before.role}${before.status === 'suspended' ? ' (suspended)' : ''}` : null, to: 'admin', by: 'operator' },
    });
    return {
      siteId: target.id,
      siteName: target.name,
      userId: user.id,
      displayName: user.displayName,
      email: user.email,
      previousRole: before?.role ?? null,
    };
  });
}
