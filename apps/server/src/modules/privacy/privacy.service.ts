import type { PrivacyLookup, PrivacyOptions, PrivacyVisitorSummary, VisitorCredentials, VisitorDataExport, VisitorErased } from '@tribu/protocol';
import { ErrorCode } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Limiter } from '../../lib/rate-limiter.ts';
import { requireAdmin, requireManager } from '../access.ts';
import type { HelperActor, VisitorActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { OriginInfo, VisitorService } from '../visitors/visitor.service.ts';
import { PrivacyRepository } from './privacy.repository.ts';

export interface PrivacyDeps {
  visitors: VisitorService;
  /** The visitor commands' limiter (keyed `v:<visitorId>`): its count is dropped with the rest. */
  visitorLimiter: Limiter;
  /** Scores an ended chat now (idempotent), so the helper's points are in before the messages go. */
  score: (conversationId: string) => Promise<void>;
}

const short = (id: string) => `visitor ${id.slice(0, 8)}`;

/**
 * Visitor data rights: the visitor downloads or erases their own data from the widget; a site's
 * managers find and export a visitor's data on request, and only its admins erase it (erasure cannot
 * be undone, so it sits with the role that runs the site). Erasure leaves tombstones, see `wipe`.
 */
export class PrivacyService {
  readonly repo: PrivacyRepository;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly p: PrivacyDeps,
  ) {
    this.repo = new PrivacyRepository(deps.db);
  }

  /** The widget's "Download my data": proven by the same token as its socket. */
  async exportOwn(creds: VisitorCredentials, from: OriginInfo): Promise<VisitorDataExport> {
    const v = await this.p.visitors.authenticate(creds, from);
    const data = await this.repo.export({ kind: 'visitor', siteId: v.siteId, visitorId: v.visitorId }, v.siteId, v.visitorId);
    if (!data) throw notFound('Visitor');
    return data;
  }

  /** The widget's "Delete my data". The token is refused everywhere afterwards. */
  async eraseOwn(creds: VisitorCredentials, from: OriginInfo): Promise<VisitorErased> {
    const v = await this.p.visitors.authenticate(creds, from);
    return { erased: true, conversations: await this.erase(v) };
  }

  async options(actor: HelperActor, siteId: string): Promise<PrivacyOptions> {
    requireManager(actor, siteId);
    const site = await this.deps.sites.byId(siteId);
    if (!site) throw notFound('Site');
    return { storeAddresses: site.settings.storeAddresses !== false };
  }

  async find(actor: HelperActor, siteId: string, by: PrivacyLookup): Promise<PrivacyVisitorSummary[]> {
    requireManager(actor, siteId);
    const ids = await this.repo.find(siteId, by);
    const found = await Promise.all(ids.map((id) => this.repo.summary(siteId, id)));
    return found.filter((s): s is PrivacyVisitorSummary => s !== undefined);
  }

  /** A manager or admin exports a visitor's data for a request that came by mail; audited. */
  async exportFor(actor: HelperActor, siteId: string, visitorId: string): Promise<VisitorDataExport> {
    requireManager(actor, siteId);
    const data = await this.repo.export(actor, siteId, visitorId);
    if (!data) throw notFound('Visitor');
    await this.deps.audit.record(actor, {
      siteId,
      action: 'privacy.exported',
      targetKind: 'visitor',
      targetId: visitorId,
      targetLabel: short(visitorId),
      details: { conversations: data.conversations.length },
    });
    return data;
  }

  /** Only a site admin erases; the audit line says who, when and on whose request. */
  async eraseFor(actor: HelperActor, siteId: string, visitorId: string, reason: string): Promise<PrivacyVisitorSummary> {
    requireAdmin(actor, siteId);
    const visitor = await this.repo.visitor(siteId, visitorId);
    if (!visitor) throw notFound('Visitor');
    const count = await this.erase({ kind: 'visitor', siteId, visitorId });
    await this.deps.audit.record(actor, {
      siteId,
      action: 'privacy.erased',
      targetKind: 'visitor',
      targetId: visitorId,
      targetLabel: short(visitorId),
      reason,
      details: { conversations: count, again: visitor.erasedAt !== null },
    });
    const after = await this.repo.summary(siteId, visitorId);
    if (!after) throw notFound('Visitor');
    return after;
  }

  /**
   * Erases one visitor of one site; running it again changes nothing. Order matters: the identity is
   * refused first (no new socket, no new chat on any node), an open chat ends like a visitor leaving
   * (without a transcript mail) and is scored, then the data goes in one transaction, then the live
   * sockets close everywhere and the rate-limit count keyed by the id is dropped.
   */
  private async erase(v: VisitorActor): Promise<number> {
    await this.repo.markErased(v.siteId, v.visitorId);
    const open = await this.deps.conversationRepo.openForVisitor(v.siteId, v.visitorId);
    if (open) {
      await this.repo.dropEmail(open.id);
      try {
        await this.deps.conversations.end(v, open.id);
      } catch (e) {
        if (!(e instanceof AppError && e.code === ErrorCode.invalidState)) throw e;
      }
      if (open.helperId) await this.p.score(open.id).catch((err: unknown) => this.deps.log.warn({ err }, 'scoring before erasure failed'));
    }
    const count = await this.repo.wipe(v.siteId, v.visitorId);
    // Open widgets start afresh as someone new instead of retrying a refused identity.
    this.deps.notify.visitorErased(v.visitorId);
    await this.p.visitorLimiter.forget(`v:${v.visitorId}`).catch((err: unknown) => this.deps.log.warn({ err }, 'rate-limit key not dropped'));
    return count;
  }
}
