import { inArray } from 'drizzle-orm';
import { users, type Db } from '@tribu/db';
import { DEFAULT_CHAT_CAP, canTakeAnotherChat } from '@tribu/domain';
import type { WidgetState } from '@tribu/protocol';
import type { ConversationRepository } from '../conversations/conversation.repository.ts';
import type { SiteRow } from './site.service.ts';

type Availability = Pick<WidgetState, 'helpersOnline' | 'availability'>;

const TTL_MS = 3_000;

/**
 * Whether someone can answer now: helpers online (on any node) with a free chat slot, against the
 * site's threshold. Cached a few seconds: the loader's endpoint takes every page view.
 */
export class AvailabilityService {
  private readonly cache = new Map<string, { value: Availability; at: number; site: SiteRow }>();

  constructor(
    private readonly db: Db,
    private readonly conversations: ConversationRepository,
    private readonly online: (siteId: string) => Promise<{ userId: string; displayName: string }[]>,
    /** Helpers who said they are away are online but do not answer. */
    private readonly away: (ids: string[]) => Promise<Set<string>>,
  ) {}

  async forSite(site: SiteRow): Promise<Availability> {
    const hit = this.cache.get(site.id);
    // A new row object means the site was read afresh (maybe its threshold or offline mode changed).
    if (hit && hit.site === site && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = await this.compute(site);
    this.cache.set(site.id, { value, at: Date.now(), site });
    return value;
  }

  private async compute(site: SiteRow): Promise<Availability> {
    const connected = await this.online(site.id).catch(() => []);
    const away = await this.away(connected.map((h) => h.userId));
    const online = connected.filter((h) => !away.has(h.userId));
    const cap = site.settings.chatCap ?? DEFAULT_CHAT_CAP;
    const counts = await this.conversations.activeCounts(
      site.id,
      online.map((h) => h.userId),
    );
    const free = online.filter((h) => canTakeAnotherChat(counts.get(h.userId) ?? 0, cap));
    const enough = free.length >= Math.max(1, site.settings.minHelpers ?? 1);
    const profiles = free.length
      ? await this.db
          .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl })
          .from(users)
          .where(
            inArray(
              users.id,
              free.slice(0, 3).map((h) => h.userId),
            ),
          )
      : [];
    return {
      helpersOnline: connected.length,
      availability: {
        mode: enough ? 'live' : site.settings.offlineMode === 'hide' ? 'hidden' : 'offline',
        helpers: enough ? profiles.map((p) => ({ displayName: p.displayName, avatarUrl: p.avatarUrl })) : [],
        responseMinutes: await this.conversations.medianResponseMinutes(site.id),
      },
    };
  }
}
