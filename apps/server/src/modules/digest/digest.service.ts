import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { users } from '@tribu/db';
import { dayIn, lastDigestPeriod, visibleSections } from '@tribu/domain';
import {
  DEFAULT_DIGEST_FREQUENCY,
  DIGEST_FREQUENCIES,
  ErrorCode,
  type DigestDetail,
  type DigestFrequency,
  type DigestList,
  type DigestSummary,
  type DigestUpdate,
} from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireManager } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { KpiRepository } from '../kpi/kpi.repository.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { SiteRow } from '../sites/site.service.ts';
import { digestContent } from './digest.content.ts';
import { defaultSubject, renderDigest, UNSUBSCRIBE_PLACEHOLDER } from './digest.mail.ts';
import { DigestRepository, type DigestRow, type RecipientCounts } from './digest.repository.ts';
import { unsubscribeToken, unsubscribeUser } from './unsubscribe-token.ts';

const NO_COUNTS: RecipientCounts = { total: 0, sent: 0, failed: 0, skipped: 0 };
const frequencyOf = (v: string | null | undefined): DigestFrequency =>
  DIGEST_FREQUENCIES.includes(v as DigestFrequency) ? (v as DigestFrequency) : DEFAULT_DIGEST_FREQUENCY;

/**
 * The helpers' digest: drafted when a period ends (once per site and period, whatever the nodes),
 * edited and sent by a manager, each mail claimed in Postgres before it goes so two nodes never send
 * it twice, and a send cut short by a crash carried on by any node's sweep.
 */
export class DigestService {
  private readonly repo: DigestRepository;
  private readonly kpi: KpiRepository;
  /** This node's name on the claims it takes. */
  private readonly node = randomUUID();
  /** Periods this node already made sure have a draft (so the sweep asks Postgres only when a period ends). */
  private readonly drafted = new Set<string>();

  constructor(
    private readonly deps: ModuleDeps,
    private readonly opts: { secret: string; publicUrl: string },
    private readonly now = () => new Date(),
  ) {
    this.repo = new DigestRepository(deps.db);
    this.kpi = new KpiRepository(deps.db);
  }

  // ---------- the schedule (every node's sweep) ----------

  /** Drafts the digests whose period just ended, then carries on any send left unfinished; a failure is logged, never thrown at the sweep's other jobs. */
  async tick(): Promise<void> {
    try {
      await this.draftDue();
      await this.resume();
    } catch (err) {
      this.deps.log.warn({ err }, 'digest: drafting or sending failed; the next sweep tries again');
    }
  }

  /** One draft per site and period that is over; never for a period that ended before the site existed. */
  async draftDue(): Promise<number> {
    let made = 0;
    for (const site of await this.repo.scheduledSites()) {
      const timeZone = site.timeZone ?? 'UTC';
      const period = lastDigestPeriod(frequencyOf(site.frequency), dayIn(timeZone, this.now()));
      if (!period) continue;
      const key = `${site.id}|${period.from}|${period.to}`;
      if (this.drafted.has(key)) continue;
      const { end } = await this.kpi.bounds(period.from, period.to, timeZone);
      if (end > site.createdAt && (await this.repo.insertDraft(site.id, period, defaultSubject(site.name, period)))) made++;
      this.drafted.add(key);
    }
    return made;
  }

  /** Sends what is left of every digest being sent (after a crash, or another node's send). */
  async resume(): Promise<void> {
    for (const id of await this.repo.sendingIds()) await this.deliver(id);
  }

  // ---------- managers ----------

  async list(actor: HelperActor, siteId: string): Promise<DigestList> {
    requireManager(actor, siteId);
    const site = await this.site(siteId);
    const rows = await this.repo.ofSite(siteId);
    const counts = await this.repo.counts(rows.map((r) => r.id));
    const summaries = rows.map((r) => summary(r, counts.get(r.id)));
    return {
      frequency: frequencyOf(site.settings.digestFrequency),
      mailConfigured: this.deps.mailer.configured,
      drafts: summaries.filter((s) => s.status === 'draft'),
      archive: summaries.filter((s) => s.status !== 'draft'),
    };
  }

  /** Drafts the last period that is over now (the schedule's own rule; fortnightly when the schedule is off), or returns its digest. */
  async draftNow(actor: HelperActor, siteId: string): Promise<DigestDetail> {
    requireManager(actor, siteId);
    const site = await this.site(siteId);
    const timeZone = site.settings.timeZone ?? 'UTC';
    const frequency = frequencyOf(site.settings.digestFrequency);
    const period = lastDigestPeriod(frequency === 'off' ? DEFAULT_DIGEST_FREQUENCY : frequency, dayIn(timeZone, this.now()))!;
    await this.repo.insertDraft(siteId, period, defaultSubject(site.name, period));
    return this.view(actor, site, (await this.repo.byPeriod(siteId, period))!);
  }

  async detail(actor: HelperActor, siteId: string, digestId: string): Promise<DigestDetail> {
    requireManager(actor, siteId);
    const row = await this.row(siteId, digestId);
    return this.view(actor, await this.site(siteId), row);
  }

  async update(
    actor: HelperActor,
    siteId: string,
    digestId: string,
    patch: DigestUpdate & { hiddenSections?: DigestDetail['hiddenSections'] },
  ): Promise<DigestDetail> {
    requireManager(actor, siteId);
    await this.row(siteId, digestId);
    const row = await this.repo.updateDraft(digestId, patch);
    if (!row) throw new AppError(ErrorCode.invalidState, 'This digest is already sent; it can no longer be edited');
    return this.view(actor, await this.site(siteId), row);
  }

  /** The draft as it stands, to the manager's own address (their own unsubscribe link in it). */
  async sendTest(actor: HelperActor, siteId: string, digestId: string): Promise<{ sentTo: string }> {
    requireManager(actor, siteId);
    const row = await this.row(siteId, digestId);
    if (!this.deps.mailer.configured) throw new AppError(ErrorCode.invalidState, 'Mail is not set up on this Tribu (SMTP_URL)');
    const [me] = await this.deps.db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    const mail = await this.mailOf(await this.site(siteId), row, actor.userId);
    const ok = await this.deps.mailer.send({
      to: me!.email,
      subject: `[Test] ${row.subject}`,
      text: mail.text,
      html: mail.html,
      headers: this.headers(actor.userId),
    });
    if (!ok) throw new AppError(ErrorCode.unavailable, 'The mail server did not take the test mail; try again in a moment');
    return { sentTo: me!.email };
  }

  /** Sends the draft to every active member who has not turned the digest off; once, whoever clicks on whichever node. */
  async send(actor: HelperActor, siteId: string, digestId: string): Promise<DigestSummary> {
    requireManager(actor, siteId);
    const row = await this.row(siteId, digestId);
    if (row.status !== 'draft') throw new AppError(ErrorCode.invalidState, 'This digest is already sent');
    if (!this.deps.mailer.configured) throw new AppError(ErrorCode.invalidState, 'Mail is not set up on this Tribu (SMTP_URL)');
    const site = await this.site(siteId);
    const content = await this.content(site, row);
    if (visibleSections(content, row.note, hidden(row)).length === 0) {
      throw new AppError(ErrorCode.invalidState, 'Nothing to send: write a note or keep a section that has something to say');
    }
    const stored = renderDigest(content, row.note, hidden(row), { desk: this.deskUrl, unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER });
    const started = await this.repo.startSending(row.id, { content, ...stored, sentById: actor.userId });
    if (!started) throw new AppError(ErrorCode.invalidState, 'This digest is already sent');
    await this.deps.audit.record(actor, { siteId, action: 'digest.sent', targetKind: 'digest', targetId: row.id, targetLabel: row.subject });
    // The mails go in the background; any node's sweep carries on if this one stops.
    void this.deliver(row.id).catch((err: unknown) => this.deps.log.warn({ err, digestId: row.id }, 'digest delivery interrupted'));
    const counts = await this.repo.counts([row.id]);
    return summary(started, counts.get(row.id));
  }

  // ---------- helpers, from the mail ----------

  /** The one-click unsubscribe (the mail's link and its List-Unsubscribe header); refused when the token was not signed by us. */
  async unsubscribe(token: string): Promise<void> {
    const userId = unsubscribeUser(this.opts.secret, token);
    if (!userId) throw new AppError(ErrorCode.badRequest, 'This unsubscribe link is not valid; turn the digest off under My profile instead');
    await this.deps.db
      .update(users)
      .set({ notifyPrefs: sql`${users.notifyPrefs} || '{"digest": false}'::jsonb` })
      .where(eq(users.id, userId));
  }

  // ---------- delivery ----------

  /** Claims and sends this digest's pending mails, a batch at a time, until none is left for this node. */
  async deliver(digestId: string): Promise<void> {
    const row = await this.repo.byId(digestId);
    if (!row || row.status !== 'sending' || row.html === null || row.text === null) return;
    for (;;) {
      const batch = await this.repo.claim(digestId, this.node);
      if (!batch.length) break;
      for (const r of batch) {
        // Turned the digest off, or left, since the send began: nothing goes.
        if (!r.wantsDigest || !r.active) {
          await this.repo.settle(digestId, r.userId, this.node, 'skipped');
          continue;
        }
        const links = this.links(r.userId);
        const sent = await this.deps.mailer.send({
          to: r.email,
          subject: row.subject,
          text: row.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, links.page),
          html: row.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, links.page),
          headers: this.headers(r.userId),
        });
        await this.repo.settle(digestId, r.userId, this.node, sent ? 'sent' : 'retry');
      }
    }
    await this.repo.finishIfDone(digestId);
  }

  // ---------- inside ----------

  private get deskUrl() {
    return `${this.opts.publicUrl}/backoffice`;
  }

  /** The page behind the mail's link (a button, so link scanners unsubscribe nobody) and the one-click address of the header. */
  private links(userId: string) {
    const token = unsubscribeToken(this.opts.secret, userId);
    return { page: `${this.opts.publicUrl}/backoffice/unsubscribe#${token}`, oneClick: `${this.opts.publicUrl}/api/digest/unsubscribe?token=${token}` };
  }

  /** RFC 2369 and RFC 8058: mail programs show an Unsubscribe button that POSTs to the link. */
  private headers(userId: string): Record<string, string> {
    return { 'List-Unsubscribe': `<${this.links(userId).oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  private async site(siteId: string): Promise<SiteRow> {
    const site = await this.deps.sites.byId(siteId);
    if (!site) throw notFound('Site');
    return site;
  }

  /** A digest of this site (another site's answers like a missing one). */
  private async row(siteId: string, digestId: string): Promise<DigestRow> {
    const row = await this.repo.byId(digestId);
    if (row?.siteId !== siteId) throw notFound('Digest');
    return row;
  }

  /** A draft is counted afresh; a digest being sent or sent says what it said. */
  private async content(site: SiteRow, row: DigestRow) {
    if (row.content) return row.content;
    return digestContent(
      { digest: this.repo, kpi: this.kpi },
      { id: site.id, name: site.name, timeZone: site.settings.timeZone ?? 'UTC' },
      { from: row.periodFrom, to: row.periodTo },
      this.now(),
    );
  }

  private async mailOf(site: SiteRow, row: DigestRow, readerId: string) {
    const page = this.links(readerId).page;
    if (row.html !== null && row.text !== null) {
      return { html: row.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, page), text: row.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, page) };
    }
    return renderDigest(await this.content(site, row), row.note, hidden(row), { desk: this.deskUrl, unsubscribeUrl: page });
  }

  private async view(actor: HelperActor, site: SiteRow, row: DigestRow): Promise<DigestDetail> {
    const [content, counts, preview] = await Promise.all([this.content(site, row), this.repo.counts([row.id]), this.mailOf(site, row, actor.userId)]);
    const c = counts.get(row.id);
    return {
      ...summary(row, c),
      note: row.note,
      hiddenSections: hidden(row),
      content,
      preview,
      audience: row.status === 'draft' ? await this.repo.audience(site.id) : (c?.total ?? 0),
    };
  }
}

const hidden = (row: DigestRow) => row.hiddenSections as DigestDetail['hiddenSections'];

function summary(row: DigestRow, counts: RecipientCounts | undefined): DigestSummary {
  return {
    id: row.id,
    period: { from: row.periodFrom, to: row.periodTo },
    status: row.status,
    subject: row.subject,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    recipients: counts ?? NO_COUNTS,
  };
}
