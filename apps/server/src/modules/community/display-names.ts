import { and, eq, inArray, ne } from 'drizzle-orm';
import { checkDisplayName, nameSkeleton } from '@tribu/domain';
import { memberships, users, type Db } from '@tribu/db';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';

export const NAME_TAKEN = 'Another member of your community goes by a name that reads the same: choose one that reads differently';

/** The display-name rule (`checkDisplayName`) as every path that sets a name applies it: the name to store, or a clear 400. */
export function acceptableName(raw: string): string {
  const check = checkDisplayName(raw);
  if (!check.ok) throw new AppError(ErrorCode.badRequest, check.reason);
  return check.name;
}

/**
 * Also refuses a name that reads like another member's of any of `siteIds` (case, accents and
 * look-alike letters aside: "A1ex" is "Alex"), so nobody passes for a peer in the same community.
 */
export async function acceptableMemberName(db: Pick<Db, 'selectDistinct'>, raw: string, siteIds: readonly string[], exceptUserId?: string): Promise<string> {
  const name = acceptableName(raw);
  if (siteIds.length === 0) return name;
  const others = await db
    .selectDistinct({ displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.siteId, [...siteIds]), exceptUserId ? ne(users.id, exceptUserId) : undefined));
  const skeleton = nameSkeleton(name);
  if (others.some((o) => nameSkeleton(o.displayName) === skeleton)) throw new AppError(ErrorCode.badRequest, NAME_TAKEN);
  return name;
}
