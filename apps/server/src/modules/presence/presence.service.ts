import { eq, inArray } from 'drizzle-orm';
import { users, type Db } from '@tribu/db';
import { DEFAULT_CHAT_CAP } from '@tribu/domain';
import type { Peer, PresenceStatus } from '@tribu/protocol';
import type { ConversationRepository } from '../conversations/conversation.repository.ts';
import type { SiteService } from '../sites/site.service.ts';

export interface PresenceDeps {
  db: Db;
  conversations: ConversationRepository;
  sites: SiteService;
  /** Helpers connected to a site on any node. */
  online: (siteId: string) => Promise<{ userId: string }[]>;
  /** Tells a site's helpers to list again. */
  announce: (siteId: string) => void;
}

/** Who is online on a site and how available they are; the socket rooms are the source of truth. */
export class PresenceService {
  constructor(private readonly d: PresenceDeps) {}

  async list(siteId: string): Promise<Peer[]> {
    const online = await this.d.online(siteId);
    const ids = [...new Set(online.map((o) => o.userId))];
    if (ids.length === 0) return [];
    const [rows, counts, site] = await Promise.all([
      this.d.db
        .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl, status: users.presenceStatus, languages: users.languages })
        .from(users)
        .where(inArray(users.id, ids)),
      this.d.conversations.activeCounts(siteId, ids),
      this.d.sites.byId(siteId),
    ]);
    const cap = site?.settings.chatCap ?? DEFAULT_CHAT_CAP;
    return rows
      .map((r) => {
        const activeChats = counts.get(r.id) ?? 0;
        const status: Peer['status'] = r.status === 'away' ? 'away' : activeChats >= cap ? 'busy' : 'available';
        return { id: r.id, displayName: r.displayName, avatarUrl: r.avatarUrl, status, activeChats, languages: r.languages };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Ids of the given helpers who said they are away. */
  async away(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.d.db.select({ id: users.id, status: users.presenceStatus }).from(users).where(inArray(users.id, ids));
    return new Set(rows.filter((r) => r.status === 'away').map((r) => r.id));
  }

  async set(userId: string, siteIds: string[], status: PresenceStatus): Promise<void> {
    await this.d.db.update(users).set({ presenceStatus: status }).where(eq(users.id, userId));
    for (const siteId of siteIds) this.d.announce(siteId);
  }
}
