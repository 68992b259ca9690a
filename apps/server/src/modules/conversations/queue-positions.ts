import type { ConversationEvents } from './conversation.events.ts';
import type { ConversationRepository } from './conversation.repository.ts';

const DEBOUNCE_MS = 200;

/**
 * Tells every waiting visitor of a site their place in line after the queue moves. Bursts of
 * changes are coalesced per site, so a busy board costs one query per 200 ms, not one per event.
 */
export class QueuePositions {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly repo: ConversationRepository,
    private readonly events: ConversationEvents,
    /** Minutes one helper takes to pick up a request, and how many helpers can take one now. */
    private readonly pace: (siteId: string) => Promise<{ minutes: number | null; helpers: number }>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Schedules an announcement for the site. */
  moved(siteId: string): void {
    if (this.timers.has(siteId)) return;
    const t = setTimeout(() => {
      this.timers.delete(siteId);
      this.announce(siteId).catch(this.onError);
    }, DEBOUNCE_MS);
    t.unref();
    this.timers.set(siteId, t);
  }

  async announce(siteId: string): Promise<void> {
    const waiting = await this.repo.waiting(siteId);
    if (waiting.length === 0) return;
    const { minutes, helpers } = await this.pace(siteId);
    waiting.forEach((w, i) => {
      const position = i + 1;
      const estimatedMinutes = minutes == null ? null : Math.max(1, Math.ceil((minutes * position) / Math.max(1, helpers)));
      this.events.queuePosition(w.visitorId, { conversationId: w.id, position, estimatedMinutes });
    });
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
