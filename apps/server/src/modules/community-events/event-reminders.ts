import { reminderDue } from '@tribu/domain';
import { mailBody } from '../../lib/mail-body.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { EventsService } from './events.service.ts';
import { mailFormat, zoneOr } from '../../i18n/format.ts';
import { recipientLocale } from '../../i18n/locale.ts';
import { mailWords } from '../../i18n/mails/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An unsent claim older than this is taken again (the mail failed, or its node stopped mid-way). */
const RETRY_AFTER_MS = 10 * 60 * 1000;
/**
 * The reminder of the day before, with the event's `.ics` attached: one mail per (event, person).
 * Every node sweeps; the claim is an insert into `event_reminders`, so only the node whose insert
 * lands sends. A claim left unsent (the mail server refused, the node stopped) is taken again by one
 * node ten minutes later — not every sweep, so a mail server that is down is not hammered.
 */
export class EventReminders {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly events: EventsService,
    private readonly publicUrl: string,
    private readonly now = () => new Date(),
  ) {}

  /** Sends the reminders due now; returns how many this node sent. */
  async run(): Promise<number> {
    if (!this.deps.mailer.configured) return 0;
    const now = this.now();
    let sent = 0;
    const staleBefore = new Date(now.getTime() - RETRY_AFTER_MS);
    for (const due of await this.events.repo.remindersDue(now, new Date(now.getTime() + DAY_MS), staleBefore)) {
      if (!reminderDue(due.event, now)) continue;
      if (!(await this.events.repo.claimReminder(due.event.id, due.userId, now, staleBefore))) continue;
      if (await this.send(due.event, due.email, due.displayName, due.locale, due.timeZone)) {
        await this.events.repo.reminderSent(due.event.id, due.userId, this.now());
        sent++;
      }
    }
    return sent;
  }

  /** In the attendee's language and time zone (their profile's), else the site's. */
  private async send(
    e: Parameters<EventsService['icsOf']>[0],
    to: string,
    name: string,
    choice: string | null,
    personZone: string | undefined,
  ): Promise<boolean> {
    const site = await this.deps.sites.byId(e.siteId);
    const timeZone = zoneOr(personZone, zoneOr(site?.settings.timeZone));
    const locale = recipientLocale(choice, site?.settings.defaultLocale);
    const f = mailFormat(locale, timeZone);
    const w = mailWords(locale);
    const body = mailBody({
      lang: locale,
      greeting: w.hello(name),
      paragraphs: [
        w.reminder.tomorrow(e.kind, e.title, f.dateTime(e.startsAt), f.time(e.endsAt), timeZone),
        ...(e.place ? [w.reminder.where(e.place)] : []),
        ...(e.link ? [w.reminder.link(e.link)] : []),
        w.reminder.calendar,
      ],
      action: { label: w.reminder.action, url: `${this.publicUrl}/backoffice/events?event=${e.id}` },
      footer: w.reminder.footer(site?.name ?? 'Tribu'),
    });
    return this.deps.mailer.send({
      to,
      subject: w.reminder.subject(e.title),
      text: body.text,
      html: body.html,
      attachments: [{ filename: 'event.ics', content: this.events.icsOf(e), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
    });
  }
}
