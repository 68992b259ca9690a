import { reminderDue } from '@tribu/domain';
import { mailBody } from '../../lib/mail-body.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { EventsService } from './events.service.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An unsent claim older than this is taken again (the mail failed, or its node stopped mid-way). */
const RETRY_AFTER_MS = 10 * 60 * 1000;
const KIND_WORD = { meetup: 'meetup', webinar: 'webinar', product_test: 'product test' } as const;

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
      if (await this.send(due.event, due.email, due.displayName)) {
        await this.events.repo.reminderSent(due.event.id, due.userId, this.now());
        sent++;
      }
    }
    return sent;
  }

  private async send(e: Parameters<EventsService['icsOf']>[0], to: string, name: string): Promise<boolean> {
    const site = await this.deps.sites.byId(e.siteId);
    const timeZone = site?.settings.timeZone ?? 'UTC';
    const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(e.startsAt);
    const until = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone }).format(e.endsAt);
    const body = mailBody({
      greeting: `Hello ${name},`,
      paragraphs: [
        `A reminder: the ${KIND_WORD[e.kind]} “${e.title}” is tomorrow — ${when} to ${until} (${timeZone}).`,
        ...(e.place ? [`Where: ${e.place}`] : []),
        ...(e.link ? [`Link: ${e.link}`] : []),
        'The attached file adds it to your calendar. Cannot come after all? Leave the event in Tribu and someone waiting gets your seat.',
      ],
      action: { label: 'Open the event', url: `${this.publicUrl}/backoffice/events?event=${e.id}` },
      footer: `Sent by ${site?.name ?? 'Tribu'} because you said you would come.`,
    });
    return this.deps.mailer.send({
      to,
      subject: `Tomorrow: ${e.title}`,
      text: body.text,
      html: body.html,
      attachments: [{ filename: 'event.ics', content: this.events.icsOf(e), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
    });
  }
}
