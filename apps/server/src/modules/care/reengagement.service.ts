import { createHmac, timingSafeEqual } from 'node:crypto';
import { cameBack, changesText, DEFAULT_INACTIVE_DAYS, DEFAULT_NOTE_TEMPLATE, noteDue, renderNote } from '@tribu/domain';
import type { KpiQuery, ReengagementSettings, ReengagementView } from '@tribu/protocol';
import { mailBody } from '../../lib/mail-body.ts';
import type { HelperActor } from '../actors.ts';
import { requireManager, requireMember } from '../access.ts';
import { KpiRepository } from '../kpi/kpi.repository.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { SiteRow } from '../sites/site.service.ts';
import { ReengagementRepository } from './reengagement.repository.ts';
import { recipientLocale } from '../../i18n/locale.ts';
import { mailWords } from '../../i18n/mails/index.ts';

/** How often each node looks for helpers to nudge (the claim makes several nodes looking harmless). */
const EVERY_MS = 10 * 60_000;

export const reengagementOf = (site: SiteRow | undefined): ReengagementSettings => ({
  enabled: site?.settings.reengagement?.enabled ?? false,
  inactiveDays: site?.settings.reengagement?.inactiveDays ?? DEFAULT_INACTIVE_DAYS,
  template: site?.settings.reengagement?.template ?? DEFAULT_NOTE_TEMPLATE,
});

/**
 * The gentle "we miss you" note: one per helper and spell of absence, written by the manager, never
 * to someone who opted out; claimed in Postgres so it leaves once whatever the number of nodes.
 */
export class ReengagementService {
  readonly repo: ReengagementRepository;
  private last = 0;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly opts: { secret: string; publicUrl: string },
  ) {
    this.repo = new ReengagementRepository(deps.db);
  }

  /** The one-click unsubscribe token of a helper on a site (HMAC of both ids with the install's secret). */
  token(siteId: string, userId: string): string {
    return createHmac('sha256', this.opts.secret).update(`reengagement:${siteId}:${userId}`).digest('base64url');
  }

  unsubscribeUrl(siteId: string, userId: string): string {
    return `${this.opts.publicUrl}/api/reengagement/unsubscribe?site=${siteId}&user=${userId}&token=${this.token(siteId, userId)}`;
  }

  /** From the unsubscribe link or header: true when the token matched and the helper is opted out now. */
  async unsubscribe(siteId: string, userId: string, token: string): Promise<boolean> {
    const want = Buffer.from(this.token(siteId, userId));
    const got = Buffer.from(token);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return false;
    if (!(await this.deps.sites.byId(siteId))) return false;
    await this.repo.setOptedOut(siteId, userId, true);
    return true;
  }

  /** From the periodic sweep: at most every ten minutes per node. */
  async maybeRun(now = Date.now()): Promise<void> {
    if (now - this.last < EVERY_MS) return;
    this.last = now;
    await this.run(new Date(now));
  }

  /** Sends every note due now; returns how many left this node. */
  async run(now = new Date()): Promise<number> {
    if (!this.deps.mailer.configured) return 0;
    let sent = 0;
    for (const { id } of await this.repo.sitesOn()) {
      const site = await this.deps.sites.byId(id);
      if (!site) continue;
      const settings = reengagementOf(site);
      for (const c of await this.repo.candidates(id, settings.inactiveDays, now)) {
        if (!noteDue({ ...settings, optedOut: false, lastActiveAt: c.lastActiveAt, lastNoteAt: c.lastNoteAt, now })) continue;
        const claim = await this.repo.claim(id, c.userId, c.lastActiveAt);
        if (!claim) continue;
        const changes = changesText(await this.repo.changesSince(id, c.lastActiveAt, now));
        const ok = await this.deps.mailer.send(this.mail(site, settings.template, c, changes));
        if (ok) {
          await this.repo.sent(claim);
          sent++;
        } else await this.repo.release(claim);
      }
    }
    return sent;
  }

  /** The site's own note (its words, as its managers wrote them); Tribu's parts around it in the helper's language. */
  private mail(site: SiteRow, template: string, c: { userId: string; name: string; email: string; locale?: string | null }, changes: string) {
    const locale = recipientLocale(c.locale, site.settings.defaultLocale);
    const w = mailWords(locale).reengagement;
    const [greeting = '', ...paragraphs] = renderNote(template, { name: c.name, changes })
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const unsubscribe = this.unsubscribeUrl(site.id, c.userId);
    const body = mailBody({
      lang: locale,
      greeting,
      paragraphs,
      action: { label: w.action(site.name), url: `${this.opts.publicUrl}/` },
      footer: w.footer(site.name, unsubscribe),
    });
    return {
      to: c.email,
      subject: w.subject(site.name),
      ...body,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  async settings(actor: HelperActor, siteId: string, q: KpiQuery): Promise<ReengagementView> {
    requireManager(actor, siteId);
    const site = await this.deps.sites.byId(siteId);
    const settings = reengagementOf(site);
    const b = await new KpiRepository(this.deps.db).bounds(q.from, q.to, site?.settings.timeZone ?? 'UTC');
    const notes = (await this.repo.notesIn(siteId, b.start, b.end)).map((n) => ({
      userId: n.userId,
      name: n.name,
      sentAt: n.sentAt.toISOString(),
      backAt: cameBack(n.sentAt, n.firstBack, settings.inactiveDays) ? n.firstBack!.toISOString() : null,
    }));
    return {
      settings,
      mailConfigured: this.deps.mailer.configured,
      windowDays: settings.inactiveDays,
      sent: notes.length,
      cameBack: notes.filter((n) => n.backAt !== null).length,
      notes,
    };
  }

  async update(actor: HelperActor, siteId: string, input: ReengagementSettings): Promise<ReengagementSettings> {
    requireManager(actor, siteId);
    const site = await this.deps.sites.byId(siteId);
    const before = reengagementOf(site);
    await this.repo.writeSettings(siteId, input);
    this.deps.sites.changed(siteId);
    await this.deps.audit.record(actor, {
      siteId,
      action: 'reengagement.settings',
      targetKind: 'site',
      targetId: siteId,
      targetLabel: site?.name ?? '',
      details: { enabled: input.enabled, inactiveDays: input.inactiveDays, previous: { enabled: before.enabled, inactiveDays: before.inactiveDays } },
    });
    return reengagementOf(await this.deps.sites.byId(siteId));
  }

  async mine(actor: HelperActor, siteId: string): Promise<{ optedOut: boolean }> {
    requireMember(actor, siteId);
    return { optedOut: await this.repo.optedOut(siteId, actor.userId) };
  }

  async setMine(actor: HelperActor, siteId: string, optedOut: boolean): Promise<{ optedOut: boolean }> {
    requireMember(actor, siteId);
    await this.repo.setOptedOut(siteId, actor.userId, optedOut);
    return { optedOut };
  }
}
