import { eq } from 'drizzle-orm';
import { sites, type Db } from '@tribu/db';

export type SiteRow = typeof sites.$inferSelect;

const TTL_MS = 5_000;

/** Site lookups, cached a few seconds: they sit on the hot path of every handshake. */
export class SiteService {
  private readonly cache = new Map<string, { row: SiteRow | undefined; at: number }>();

  constructor(
    private readonly db: Db,
    /** Tells the other nodes (through the adapter) that a site changed; set once the sockets exist. */
    private readonly tellOthers: (id: string) => void = () => undefined,
  ) {}

  async byKey(key: string): Promise<SiteRow | undefined> {
    return this.cached(`k:${key}`, async () => {
      const [row] = await this.db.select().from(sites).where(eq(sites.key, key)).limit(1);
      return row;
    });
  }

  async byId(id: string): Promise<SiteRow | undefined> {
    return this.cached(`i:${id}`, async () => {
      const [row] = await this.db.select().from(sites).where(eq(sites.id, id)).limit(1);
      return row;
    });
  }

  /** After a write to a site's row: every node, this one and the others, reads it afresh at once. */
  changed(id: string): void {
    this.forget(id);
    this.tellOthers(id);
  }

  /** Drops this node's cached copy (another node's `changed`, or a test). */
  forget(id: string): void {
    this.cache.delete(`i:${id}`);
    for (const [key, hit] of this.cache) if (hit.row?.id === id) this.cache.delete(key);
  }

  private async cached(key: string, load: () => Promise<SiteRow | undefined>): Promise<SiteRow | undefined> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.row;
    const row = await load();
    this.cache.set(key, { row, at: Date.now() });
    return row;
  }
}
