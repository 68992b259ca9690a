import { asc, sql } from 'drizzle-orm';
import { memberships, users } from '@tribu/db';

/**
 * A site's member as the admin and team pages list them. Named columns only: a password hash, a
 * session or a CSRF token can never ride along in a payload.
 */
export const memberColumns = {
  userId: users.id,
  displayName: users.displayName,
  email: users.email,
  avatarUrl: users.avatarUrl,
  role: memberships.role,
  status: memberships.status,
  joinedAt: memberships.createdAt,
};

/** Admins, then managers, then helpers; by name within each. */
export const byRoleThenName = [sql`case ${memberships.role} when 'admin' then 0 when 'moderator' then 1 else 2 end`, asc(users.displayName)] as const;
