import { and, eq, sql } from 'drizzle-orm';
import { dayIn, presetPeriod } from '@tribu/domain';
import { monthlyReportMails, monthlyReportOptOuts, sites } from '@tribu/db';
import { ErrorCode, MONTHLY_REPORT_DAYS, type MonthlyReportPref } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import type { KpiService } from '../kpi/kpi.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { monthlyReportMail } from './monthly-report.mail.ts';
import { monthlyReportToken, monthlyReportUser } from './monthly-report.token.ts';
import { recipientLocale } from '../../i18n/locale.ts';

/** How often each node looks whether a month just ended somewhere (claims make a second look harmless). */
const EVERY_MS = 60_000;

interface Recipient {
  userId: string;
  email: string;
  name: string;
  /** Their language choice; null: the site's default words the mail. */
  locale: string | null;
}

/**
 * The monthly report: on the 1st of each month in a site's time zone (up to the 3rd, should every
 * node have been down), each active admin and manager of the site who did not opt out gets one mail
 * with last month's key figures and a link to the printable page. Every node runs the schedule: a
 * person's mail is claimed first by inserting its (site, month, person) row, so whichever node
 * inserts it sends it, once. A send the mail server refused gives its claim back for a later round.
 */
export class MonthlyReports {
  private last = 0;
  /** Site-months this node found fully handled: not looked at again. */
  private readonly done = new Set<string>();

  constructor(
    private readonly deps: Pick<ModuleDeps, 'db' | 'mailer' | 'sites' | 'log'>,
    private readonly kpis: KpiService,
    private readonly opts: { publicUrl: string; secret: string },
  ) {}

  /** From the periodic sweep: at most once a minute per node. */
  async maybeRun(now = new Date()): Promise<void> {
    // Either way: a clock set back (or a test's clock) must not stop the schedule until it catches up.
    if (Math.abs(now.getTime() - this.last) < EVERY_MS) return;
    this.last = now.getTime();
    await this.run(now);
  }

  /** Sends every report due at `now`; answers how many mails this node sent. */
  async run(now: Date): Promise<number> {
    if (!this.deps.mailer.configured) return 0;
    let sent = 0;
    for (const { id } of await this.deps.db.select({ id: sites.id }).from(sites)) {
      const site = await this.deps.sites.byId(id);
      if (!site) continue;
      const today = dayIn(site.settings.timeZone ?? 'UTC', now);
      if (Number(today.slice(8)) > MONTHLY_REPORT_DAYS) continue;
      const period = presetPeriod('last-month', today);
      const month = period.from.slice(0, 7);
      if (this.done.has(`${id}|${month}`)) continue;
      const claimed = await this.claim(id, month);
      if (claimed.length === 0) {
        this.done.add(`${id}|${month}`);
        continue;
      }
      const report = await this.kpis.figures(id, period);
      for (const person of claimed) {
        const token = monthlyReportToken(this.opts.secret, person.userId);
        const mail = monthlyReportMail({
          locale: recipientLocale(person.locale, site.settings.defaultLocale),
          siteName: site.name,
          recipientName: person.name,
          report,
          pageUrl: `${this.opts.publicUrl}/backoffice/manage/numbers?site=${id}&from=${period.from}&to=${period.to}&report=monthly`,
          unsubscribeUrl: `${this.opts.publicUrl}/backoffice/monthly-report/unsubscribe#${token}`,
        });
        const ok = await this.deps.mailer.send({
          to: person.email,
          ...mail,
          headers: {
            // RFC 8058: the mail program's own "Unsubscribe" button posts to this address.
            'List-Unsubscribe': `<${this.opts.publicUrl}/api/monthly-report/unsubscribe?token=${token}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
        const row = and(eq(monthlyReportMails.siteId, id), eq(monthlyReportMails.month, month), eq(monthlyReportMails.userId, person.userId));
        if (ok) {
          sent++;
          await this.deps.db.update(monthlyReportMails).set({ sentAt: new Date() }).where(row);
        } else {
          await this.deps.db.delete(monthlyReportMails).where(row);
        }
      }
    }
    return sent;
  }

  /** The site's active admins and managers who want the mail and have no row for this month yet, each now claimed by this node. */
  private async claim(siteId: string, month: string): Promise<Recipient[]> {
    const result = await this.deps.db.execute(sql`
      with claimed as (
        insert into monthly_report_mails (site_id, month, user_id)
        select m.site_id, ${month}, m.user_id from memberships m
        where m.site_id = ${siteId} and m.status = 'active' and m.role in ('moderator', 'admin')
          and not exists (select 1 from monthly_report_opt_outs o where o.user_id = m.user_id)
        on conflict do nothing
        returning user_id)
      select u.id as "userId", u.email, u.display_name as name, u.locale from claimed c join users u on u.id = c.user_id order by u.email`);
    return (result as unknown as { rows: Recipient[] }).rows;
  }

  async pref(actor: HelperActor): Promise<MonthlyReportPref> {
    const [row] = await this.deps.db.select().from(monthlyReportOptOuts).where(eq(monthlyReportOptOuts.userId, actor.userId));
    return { subscribed: !row };
  }

  async setPref(actor: HelperActor, pref: MonthlyReportPref): Promise<MonthlyReportPref> {
    await this.setSubscribed(actor.userId, pref.subscribed);
    return pref;
  }

  /** The mail's link or its List-Unsubscribe header; refused when we did not sign the token. */
  async unsubscribe(token: string): Promise<void> {
    const userId = monthlyReportUser(this.opts.secret, token);
    if (!userId) throw new AppError(ErrorCode.badRequest, 'This unsubscribe link is not valid; turn the monthly report off under My profile instead');
    await this.setSubscribed(userId, false);
  }

  private async setSubscribed(userId: string, subscribed: boolean): Promise<void> {
    if (subscribed) await this.deps.db.delete(monthlyReportOptOuts).where(eq(monthlyReportOptOuts.userId, userId));
    // A token of an account deleted since: nothing left to turn off.
    else await this.deps.db.execute(sql`insert into monthly_report_opt_outs (user_id) select id from users where id = ${userId} on conflict do nothing`);
  }
}
