import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { siteApiKeys } from '@tribu/db';
import { CONVERSION_LIMITS, ErrorCode, type ApiKeyCreate, type ApiKeyCreated, type ApiKeyScope, type ApiKeyView } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireAdmin } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';

/** What a bearer key resolves to: one site and what the key may do there. */
export interface ApiKeyPrincipal {
  keyId: string;
  siteId: string;
  scopes: ApiKeyScope[];
}

/** Keys look like `tk_<43 base64url characters>` (32 random bytes). */
const KEY_PATTERN = /^tk_[A-Za-z0-9_-]{43}$/;

/** SHA-256 is enough for a key of 256 random bits: nothing to guess, so no salt or slow hash. */
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

type Row = typeof siteApiKeys.$inferSelect;
const view = (r: Row): ApiKeyView => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes as ApiKeyScope[],
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

/** Site API keys: admins create (shown once), list and revoke them; `/api/v1` resolves a bearer key. */
export class ApiKeyService {
  constructor(private readonly deps: Pick<ModuleDeps, 'db' | 'audit'>) {}

  async list(actor: HelperActor, siteId: string): Promise<ApiKeyView[]> {
    requireAdmin(actor, siteId);
    const rows = await this.deps.db
      .select()
      .from(siteApiKeys)
      .where(and(eq(siteApiKeys.siteId, siteId), isNull(siteApiKeys.revokedAt)))
      .orderBy(desc(siteApiKeys.createdAt));
    return rows.map(view);
  }

  async create(actor: HelperActor, siteId: string, input: ApiKeyCreate): Promise<ApiKeyCreated> {
    requireAdmin(actor, siteId);
    const key = `tk_${randomBytes(32).toString('base64url')}`;
    const row = await this.deps.db.transaction(async (tx) => {
      const [live] = await tx
        .select({ n: count() })
        .from(siteApiKeys)
        .where(and(eq(siteApiKeys.siteId, siteId), isNull(siteApiKeys.revokedAt)));
      if ((live?.n ?? 0) >= CONVERSION_LIMITS.keysPerSite) {
        throw new AppError(ErrorCode.conflict, `At most ${CONVERSION_LIMITS.keysPerSite} keys per site; revoke one first`);
      }
      const [created] = await tx
        .insert(siteApiKeys)
        .values({ siteId, name: input.name, scopes: input.scopes, keyHash: hashApiKey(key), prefix: key.slice(0, 7), createdBy: actor.userId })
        .returning();
      await this.deps.audit.record(
        actor,
        { siteId, action: 'api_key.created', targetKind: 'api_key', targetId: created!.id, targetLabel: input.name, details: { scopes: input.scopes } },
        tx,
      );
      return created!;
    });
    return { key, apiKey: view(row) };
  }

  async revoke(actor: HelperActor, siteId: string, keyId: string): Promise<void> {
    requireAdmin(actor, siteId);
    await this.deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(siteApiKeys)
        .set({ revokedAt: new Date() })
        .where(and(eq(siteApiKeys.id, keyId), eq(siteApiKeys.siteId, siteId), isNull(siteApiKeys.revokedAt)))
        .returning();
      // Another site's key answers like a missing one.
      if (!row) throw notFound('API key');
      await this.deps.audit.record(actor, { siteId, action: 'api_key.revoked', targetKind: 'api_key', targetId: row.id, targetLabel: row.name }, tx);
    });
  }

  /** The site and scopes of a live key, or null; notes when it was last used. */
  async resolve(key: string): Promise<ApiKeyPrincipal | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const [row] = await this.deps.db
      .update(siteApiKeys)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(siteApiKeys.keyHash, hashApiKey(key)), isNull(siteApiKeys.revokedAt)))
      .returning({ id: siteApiKeys.id, siteId: siteApiKeys.siteId, scopes: siteApiKeys.scopes });
    return row ? { keyId: row.id, siteId: row.siteId, scopes: row.scopes as ApiKeyScope[] } : null;
  }
}
