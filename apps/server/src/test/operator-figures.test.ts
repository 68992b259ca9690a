import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { conversations, memberships, users, visitors } from '@tribu/db';
import type { OperatorSite } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { signedInCaller } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)("the operator's figures per site", () => {
  const ctx = usePostgresServer();
  const call = signedInCaller(() => ctx.server.url);

  beforeAll(async () => {
    const db = ctx.server.db.db;
    await db.update(users).set({ operator: true }).where(eq(users.email, USERS.adminA.email));
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const lastMonth = new Date(monthStart.getTime() - 3_600_000);
    // shop-a: 3 chats this month and 2 last month; shop-b: 1 this month. Each on its own visitor.
    const chat = async (siteId: string, createdAt: Date) => {
      const [v] = await db.insert(visitors).values({ id: randomUUID(), siteId }).returning();
      await db.insert(conversations).values({ siteId, visitorId: v!.id, status: 'closed', question: 'Hi', createdAt, closedAt: createdAt });
    };
    const { siteA, siteB } = ctx.server.sites;
    for (const at of [now, now, monthStart, lastMonth, lastMonth]) await chat(siteA, at);
    await chat(siteB, now);
    // A suspended admin still counts as a member, not as an admin.
    const [bea] = await db.select().from(users).where(eq(users.email, USERS.helperB1.email));
    await db.update(memberships).set({ role: 'admin', status: 'suspended' }).where(eq(memberships.userId, bea!.id));
  });

  it('counts the chats each site started this month (UTC), its members and its active admins', async () => {
    const res = await call<{ sites: OperatorSite[] }>('adminA', 'GET', '/api/operator/sites');
    expect(res.status).toBe(200);
    const figures = Object.fromEntries(res.data.sites.map((s) => [s.key, { members: s.members, admins: s.admins, chatsThisMonth: s.chatsThisMonth }]));
    expect(figures).toEqual({
      'shop-a': { members: 4, admins: 1, chatsThisMonth: 3 },
      'shop-b': { members: 1, admins: 0, chatsThisMonth: 1 },
    });
  });
});
