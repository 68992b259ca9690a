import { LOCALES, type Application, type ApplicationList, type ApplicationSubmit, type InvitationSent, type JoinPage } from '@tribu/protocol';
import { ErrorCode, APPLICATION_LANGUAGES } from '@tribu/protocol';
import { onColor } from '../../lib/contrast.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { mailBody } from '../../lib/mail-body.ts';
import { requireManager } from '../access.ts';
import { acceptableMemberName } from '../community/display-names.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { SiteRow } from '../sites/site.service.ts';
import { siteColor, type InvitationService } from './invitation.service.ts';
import type { ApplicationRow, RecruitmentRepository } from './recruitment.repository.ts';
import { isLocale, recipientLocale } from '../../i18n/locale.ts';
import { mailWords } from '../../i18n/mails/index.ts';

const toApplication = (a: ApplicationRow, decidedByName: string | null): Application => ({
  id: a.id,
  name: a.name,
  email: a.email,
  languages: a.languages,
  why: a.why,
  experience: a.experience,
  answers: a.answers,
  status: a.status,
  decisionMessage: a.decisionMessage,
  decidedByName,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  joined: a.userId !== null,
  createdAt: a.createdAt.toISOString(),
});

/** "Become a helper": the public application, managers' review, and the recruitment funnel. */
export class ApplicationService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly repo: RecruitmentRepository,
    private readonly invitations: InvitationService,
  ) {}

  /** What the public page shows; an unknown site is simply not found. */
  async joinPage(siteKey: string): Promise<JoinPage> {
    const site = await this.siteByKey(siteKey);
    const color = siteColor(site);
    const offered = site.settings.locales?.length ? site.settings.locales : [...LOCALES];
    return {
      site: { key: site.key, name: site.name, color, onColor: onColor(color) },
      languages: [...new Set([...offered, ...APPLICATION_LANGUAGES])],
      questions: site.settings.applicationQuestions ?? [],
    };
  }

  /** Stores an application; a second one from the same address while the first waits is refused kindly. */
  async apply(siteKey: string, input: Required<Omit<ApplicationSubmit, 'website'>>): Promise<void> {
    const site = await this.siteByKey(siteKey);
    const email = input.email.trim().toLowerCase();
    if (await this.repo.pendingByEmail(site.id, email)) {
      throw new AppError(ErrorCode.conflict, `We already have your application to ${site.name}. The community team will get back to you soon.`);
    }
    const questions = site.settings.applicationQuestions ?? [];
    await this.repo.insertApplication({
      siteId: site.id,
      name: await acceptableMemberName(this.deps.db, input.name, [site.id]),
      email,
      languages: [...new Set(input.languages)],
      why: input.why,
      experience: input.experience,
      answers: questions.map((question, i) => ({ question, answer: input.answers[i] ?? '' })),
    });
  }

  async list(actor: HelperActor, siteId: string): Promise<ApplicationList> {
    requireManager(actor, siteId);
    const [rows, counts, funnel] = await Promise.all([this.repo.listApplications(siteId), this.repo.countsByStatus(siteId), this.repo.funnel(siteId)]);
    return { items: rows.map((r) => toApplication(r.a, r.decidedByName)), counts, funnel, mailConfigured: this.deps.mailer.configured };
  }

  async shortlist(actor: HelperActor, siteId: string, id: string): Promise<void> {
    requireManager(actor, siteId);
    const row = await this.moved(siteId, id, ['new'], { status: 'shortlisted', decidedBy: actor.userId });
    await this.audit(actor, row, 'application.shortlisted');
  }

  /** Accepts and sends the invitation to join as a helper (mailed, or a link for the manager to pass on). */
  async accept(actor: HelperActor, siteId: string, id: string): Promise<InvitationSent> {
    requireManager(actor, siteId);
    const pending = await this.repo.applicationById(siteId, id);
    if (!pending) throw notFound('Application');
    // Checked before deciding, so an application is never left accepted without an invitation.
    const user = await this.repo.userByEmail(pending.email);
    if (user && (await this.repo.membership(user.id, siteId))) {
      throw new AppError(ErrorCode.conflict, `${pending.email} is already a member of this community`);
    }
    const row = await this.moved(siteId, id, ['new', 'shortlisted'], { status: 'accepted', decidedBy: actor.userId });
    await this.audit(actor, row, 'application.accepted');
    return this.invitations.invite(actor, { siteId, email: row.email, name: row.name, role: 'helper', applicationId: row.id });
  }

  /** A new invitation for an accepted applicant who lost theirs or let it expire. */
  async reinvite(actor: HelperActor, siteId: string, id: string): Promise<InvitationSent> {
    requireManager(actor, siteId);
    const row = await this.repo.applicationById(siteId, id);
    if (!row) throw notFound('Application');
    if (row.status !== 'accepted' || row.userId)
      throw new AppError(ErrorCode.invalidState, 'Only an accepted applicant who has not joined yet can get a new invitation');
    return this.invitations.invite(actor, { siteId, email: row.email, name: row.name, role: 'helper', applicationId: row.id });
  }

  /** Rejects with a message to the applicant, mailed when mail is configured. Returns whether it was. */
  async reject(actor: HelperActor, siteId: string, id: string, message: string): Promise<{ emailed: boolean }> {
    requireManager(actor, siteId);
    const row = await this.moved(siteId, id, ['new', 'shortlisted'], { status: 'rejected', decidedBy: actor.userId, decisionMessage: message || null });
    await this.audit(actor, row, 'application.rejected', message || null);
    const site = await this.deps.sites.byId(siteId);
    if (!site || !this.deps.mailer.configured) return { emailed: false };
    // The applicant has no account yet: the first language they said they speak that Tribu writes, else the site's default.
    const locale = recipientLocale(row.languages.find(isLocale), site.settings.defaultLocale);
    const w = mailWords(locale);
    const body = mailBody({
      lang: locale,
      greeting: w.hello(row.name),
      paragraphs: [w.rejection.thanks(site.name), ...(message ? [w.rejection.word] : [])],
      quote: message || undefined,
      footer: w.rejection.footer(site.name),
    });
    return { emailed: await this.deps.mailer.send({ to: row.email, subject: w.rejection.subject(site.name), ...body }) };
  }

  async questions(actor: HelperActor, siteId: string): Promise<string[]> {
    requireManager(actor, siteId);
    const site = await this.deps.sites.byId(siteId);
    if (!site) throw notFound('Site');
    return site.settings.applicationQuestions ?? [];
  }

  async setQuestions(actor: HelperActor, siteId: string, questions: string[]): Promise<string[]> {
    requireManager(actor, siteId);
    const before = await this.questions(actor, siteId);
    await this.repo.setQuestions(siteId, questions);
    this.deps.sites.changed(siteId);
    await this.deps.audit.record(actor, {
      siteId,
      action: 'application.questions_changed',
      targetKind: 'site',
      targetId: siteId,
      targetLabel: 'Application questions',
      details: { before, after: questions },
    });
    return questions;
  }

  private async siteByKey(siteKey: string): Promise<SiteRow> {
    const site = await this.deps.sites.byKey(siteKey);
    if (!site) throw notFound('Community');
    return site;
  }

  /** Moves an application still in one of `from`; says plainly when someone else decided first. */
  private async moved(siteId: string, id: string, from: ApplicationRow['status'][], change: Parameters<RecruitmentRepository['decide']>[3]) {
    const row = await this.repo.decide(siteId, id, from, change);
    if (row) return row;
    const now = await this.repo.applicationById(siteId, id);
    if (!now) throw notFound('Application');
    throw new AppError(ErrorCode.invalidState, `This application is already ${now.status}`);
  }

  private audit(actor: HelperActor, row: ApplicationRow, action: string, reason: string | null = null) {
    return this.deps.audit.record(actor, {
      siteId: row.siteId,
      action,
      targetKind: 'application',
      targetId: row.id,
      targetLabel: `${row.name} <${row.email}>`,
      reason,
    });
  }
}
