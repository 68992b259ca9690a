import { createHash, randomBytes } from 'node:crypto';
import { memberships, users } from '@tribu/db';
import { ErrorCode, type InvitationPreview, type InvitationSent, type Role } from '@tribu/protocol';
import { onColor } from '../../lib/contrast.ts';
import { enqueueHelperJoined } from '../webhooks/webhook.facts.ts';
import { AppError } from '../../lib/errors.ts';
import { mailBody } from '../../lib/mail-body.ts';
import type { Mailer } from '../../lib/mailer.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { hasRoleOn, requireManager } from '../access.ts';
import { acceptableMemberName, acceptableName } from '../community/display-names.ts';
import type { HelperActor } from '../actors.ts';
import type { AuthService, Session } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { SiteRow } from '../sites/site.service.ts';
import type { RecruitmentRepository } from './recruitment.repository.ts';
import { charterFor, type Reader } from '../content/site-content.ts';
import { recipientLocale, type Locale } from '../../i18n/locale.ts';
import { mailWords } from '../../i18n/mails/index.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

export const siteColor = (site: SiteRow) => (/^#[0-9a-f]{6}$/i.test(site.settings.color ?? '') ? site.settings.color! : '#2f6f4f');

/** The charter a newcomer accepts on joining, or null when the site has none. */
const charterOf = (site: SiteRow) => (site.settings.charter?.trim() ? site.settings.charter.trim() : null);

// One message per state; an unknown token and one of another install read the same.
const invalid = () => new AppError(ErrorCode.notFound, 'This invitation link is not valid. Check that you copied all of it, or ask for a new one.');
const used = () => new AppError(ErrorCode.invalidState, 'This invitation has already been used. Sign in with the email and password you chose.');
const expired = () => new AppError(ErrorCode.invalidState, 'This invitation has expired. Ask the community manager for a new one.');

export interface InviteInput {
  siteId: string;
  email: string;
  name: string;
  role: Role;
  applicationId?: string;
}

/**
 * One-time links to join a site with a role. Only a SHA-256 of the token is stored; a link
 * expires after 7 days and works once, even when two tabs use it at the same moment.
 */
export class InvitationService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly repo: RecruitmentRepository,
    private readonly more: { auth: AuthService; mailer: Mailer; publicUrl: string },
  ) {}

  /**
   * Managers invite helpers; only a site's admins invite managers and admins. Mails the link when
   * mail is configured; the link is always returned so the inviter can pass it on otherwise.
   */
  async invite(actor: HelperActor, input: InviteInput): Promise<InvitationSent> {
    requireManager(actor, input.siteId);
    if (input.role !== 'helper' && !hasRoleOn(actor, input.siteId, 'admin')) {
      throw new AppError(ErrorCode.forbidden, 'Only site admins can invite managers or admins');
    }
    const site = await this.deps.sites.byId(input.siteId);
    if (!site) throw new AppError(ErrorCode.notFound, 'Site not found');
    const email = input.email.trim().toLowerCase();
    const existing = await this.repo.userByEmail(email);
    if (existing && (await this.repo.membership(existing.id, site.id))) {
      throw new AppError(ErrorCode.conflict, `${email} is already a member of ${site.name}`);
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const row = await this.repo.insertInvitation({
      siteId: site.id,
      email,
      name: acceptableName(input.name),
      role: input.role,
      tokenHash: sha256(token),
      expiresAt,
      createdBy: actor.userId,
      applicationId: input.applicationId ?? null,
    });
    await this.deps.audit.record(actor, {
      siteId: site.id,
      action: 'invitation.created',
      targetKind: 'invitation',
      targetId: row.id,
      targetLabel: `${row.name} <${email}>`,
      details: { role: input.role, ...(input.applicationId ? { applicationId: input.applicationId } : {}) },
    });
    const link = `${this.more.publicUrl}/backoffice/invite/${token}`;
    // In the invitee's language: their account's choice if they have one, else the site's default.
    const locale = recipientLocale(existing?.locale, site.settings.defaultLocale);
    const emailed = await this.mailInvitation({ to: email, name: row.name, site, role: input.role, link, inviter: actor.displayName, expiresAt, locale });
    return { link, emailed, expiresAt: expiresAt.toISOString(), email };
  }

  /** What the invitation page shows; refuses used, expired and unknown links with one clear message each. */
  async preview(token: string, reader: Reader = {}): Promise<InvitationPreview> {
    const { inv, site } = await this.usable(token);
    const color = siteColor(site);
    return {
      site: { name: site.name, color, onColor: onColor(color) },
      email: inv.email,
      name: inv.name,
      role: inv.role,
      charter: charterOf(site) ? charterFor(site, reader) : null,
      expiresAt: inv.expiresAt.toISOString(),
    };
  }

  /**
   * Joins the site: makes the account (or, for an existing account, requires that person to be
   * signed in), adds the membership with the invited role, uses the link once, and signs them in.
   */
  async accept(
    token: string,
    input: { password?: string; displayName?: string; acceptCharter: boolean },
    signedIn: HelperActor | undefined,
  ): Promise<{ cookie: string; session: Session }> {
    const { inv, site } = await this.usable(token);
    const charter = charterOf(site);
    if (charter && !input.acceptCharter) throw new AppError(ErrorCode.badRequest, `Please read and accept the ${site.name} charter to join`);
    const existing = await this.repo.userByEmail(inv.email);
    if (existing && signedIn?.userId !== existing.id) {
      throw new AppError(ErrorCode.unauthorized, `An account with ${inv.email} already exists: sign in with it, then open this link again`);
    }
    if (!existing && !input.password) throw new AppError(ErrorCode.badRequest, 'Choose a password for your account');
    // Hashing is slow on purpose: do it before the transaction holds anything.
    const passwordHash = existing ? undefined : await hashPassword(input.password!);
    let userId = existing?.id;
    // A new account's name follows the display-name rule, and reads unlike the site's members'.
    const displayName = existing ? input.displayName?.trim() || inv.name : acceptableName(input.displayName?.trim() || inv.name);
    try {
      await this.deps.db.transaction(async (tx) => {
        const taken = await this.repo.useInvitation(inv.id, tx);
        // Raced by another tab (used) or expired a moment ago: say which.
        if (!taken) throw (await this.repo.invitationByHash(sha256(token)))?.inv.usedAt ? used() : expired();
        if (!userId) {
          // Checked once the link is ours: a second use racing this one is told the link was used.
          await acceptableMemberName(tx, displayName, [site.id]);
          const [u] = await tx.insert(users).values({ email: inv.email, passwordHash: passwordHash!, displayName }).returning({ id: users.id });
          userId = u!.id;
        }
        const added = await tx
          .insert(memberships)
          .values({ userId, siteId: site.id, role: inv.role, charterAcceptedAt: charter ? new Date() : null })
          .onConflictDoNothing()
          .returning({ userId: memberships.userId });
        if (added.length === 0) throw new AppError(ErrorCode.conflict, `You are already a member of ${site.name}`);
        // In the joining transaction: the site's webhooks hear of every member who joined, and only of them.
        await enqueueHelperJoined(tx, site.id, userId);
        if (inv.applicationId) await this.repo.linkApplicationUser(inv.applicationId, userId, tx);
        await this.deps.audit.record(
          { userId, displayName: existing?.displayName ?? displayName },
          {
            siteId: site.id,
            action: 'invitation.accepted',
            targetKind: 'invitation',
            targetId: inv.id,
            targetLabel: `${displayName} <${inv.email}>`,
            details: { role: inv.role },
          },
          tx,
        );
      });
    } catch (e) {
      // Someone made an account with this email between our check and the insert.
      if (isUniqueViolation(e))
        throw new AppError(ErrorCode.conflict, `An account with ${inv.email} already exists: sign in with it, then open this link again`);
      throw e;
    }
    // A person already signed in elsewhere: their open tabs take the new site's rooms at once.
    if (existing) await this.deps.notify.rightsChanged(existing.id, site.id);
    return this.more.auth.startSession(userId!);
  }

  /** The invitation and its site, or the one clear reason it cannot be used. */
  private async usable(token: string) {
    const row = await this.repo.invitationByHash(sha256(token));
    if (!row) throw invalid();
    if (row.inv.usedAt) throw used();
    if (row.inv.expiresAt.getTime() <= Date.now()) throw expired();
    return row;
  }

  private async mailInvitation(m: {
    to: string;
    name: string;
    site: SiteRow;
    role: Role;
    link: string;
    inviter: string;
    expiresAt: Date;
    locale: Locale;
  }): Promise<boolean> {
    if (!this.more.mailer.configured) return false;
    const days = Math.round((m.expiresAt.getTime() - Date.now()) / 86_400_000);
    const w = mailWords(m.locale).invitation;
    const body = mailBody({
      lang: m.locale,
      greeting: mailWords(m.locale).hello(m.name),
      paragraphs: [w.invites(m.inviter, m.site.name, m.role), w.open(charterOf(m.site) !== null, days)],
      action: { label: w.action(m.site.name), url: m.link },
      footer: w.footer(m.site.name, m.to),
    });
    return this.more.mailer.send({ to: m.to, subject: w.subject(m.site.name), ...body });
  }
}
