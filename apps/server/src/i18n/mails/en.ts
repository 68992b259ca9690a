/** A person's role on a site, as a mail names it. */
type Role = 'helper' | 'moderator' | 'admin';
/** The kinds of community event, as a reminder names them. */
type EventKind = 'meetup' | 'webinar' | 'product_test';

/**
 * The words of the mails Tribu sends to helpers and applicants, in English (the reference): French and Spanish
 * (`fr.ts`, `es.ts`) are typed by it, so a missing sentence fails typecheck. Visitors' mails keep their own words.
 */
export const en = {
  hello: (name: string) => `Hello ${name},`,
  role: { helper: 'a helper', moderator: 'a community manager', admin: 'an administrator' } satisfies Record<Role, string>,
  reset: {
    subject: 'Reset your Tribu password',
    asked: 'Someone, hopefully you, asked to reset the password of your Tribu account.',
    open: 'Open the link below to choose a new password. It works once and expires in 1 hour. Every device signed in to your account will be signed out.',
    action: 'Choose a new password',
    footer: (to: string) => `You receive this mail because a password reset was asked for ${to}. If it was not you, ignore it: your password stays as it is.`,
  },
  invitation: {
    subject: (site: string) => `Your invitation to the ${site} community`,
    invites: (inviter: string, site: string, role: Role) => `${inviter} invites you to join the ${site} community on Tribu as ${en.role[role]}.`,
    open: (charter: boolean, days: number) =>
      `Open the link below to choose your password${charter ? ' and read the community charter' : ''}. It works once and expires in ${days} days.`,
    action: (site: string) => `Join ${site}`,
    footer: (site: string, to: string) =>
      `You receive this mail because someone at ${site} invited ${to}. If you did not expect it, ignore it: nothing happens unless the link is opened.`,
  },
  rejection: {
    subject: (site: string) => `Your application to the ${site} community`,
    thanks: (site: string) =>
      `Thank you for offering to help the ${site} community. We read your application carefully, and we cannot welcome you as a helper this time.`,
    word: 'A word from the community team:',
    footer: (site: string) => `You receive this mail because you applied to become a helper at ${site}.`,
  },
  waiting: {
    subject: (site: string) => `Visitors are waiting on ${site}`,
    first: (site: string) => `Visitors are waiting for an answer on ${site}. The first one asks:`,
    action: 'Open the desk',
    footer: (hours: number) =>
      `You receive this because you asked for an email when visitors wait and this device has no notifications on (at most one every ${hours} hours). Turn it off in My profile → Notifications on this device.`,
  },
  reminder: {
    subject: (title: string) => `Tomorrow: ${title}`,
    tomorrow: (kind: EventKind, title: string, when: string, until: string, zone: string) =>
      `A reminder: the ${{ meetup: 'meetup', webinar: 'webinar', product_test: 'product test' }[kind]} “${title}” is tomorrow — ${when} to ${until} (${zone}).`,
    where: (place: string) => `Where: ${place}`,
    link: (link: string) => `Link: ${link}`,
    calendar: 'The attached file adds it to your calendar. Cannot come after all? Leave the event in Tribu and someone waiting gets your seat.',
    action: 'Open the event',
    footer: (site: string) => `Sent by ${site} because you said you would come.`,
  },
  monthly: {
    subject: (site: string, month: string) => `${site} · your community in ${month}`,
    intro: (site: string, month: string, zone: string) => `Here is what the ${site} community did in ${month} (${zone} time).`,
    chats: 'Chats',
    sales: 'Sales',
    rules: 'Each figure comes with its rule on the report page, with the tables by helper, topic and product.',
    action: 'Open the printable report',
    footer: (site: string, unsubscribe: string) =>
      `You receive this as an admin or community manager of ${site}. Stop these mails in one click: ${unsubscribe} (or under My profile).`,
  },
  reengagement: {
    subject: (site: string) => `News from the ${site} community`,
    action: (site: string) => `Open the ${site} community`,
    footer: (site: string, unsubscribe: string) => `You receive this note because you help in the ${site} community. No more of these notes: ${unsubscribe}`,
  },
  webhookOff: {
    subject: (host: string) => `Webhooks to ${host} were turned off`,
    off: (url: string, site: string, failures: number) =>
      `Tribu turned off the webhook endpoint ${url} of ${site}: its last ${failures} deliveries all failed.`,
    next: 'Events are no longer sent to it. Once the endpoint answers again, turn it back on; deliveries of the last 24 hours can be sent again with Resend.',
    action: 'Open Integrations',
    footer: (site: string) => `You receive this mail because you are an admin of ${site} on Tribu.`,
  },
};

export type MailMessages = typeof en;
export type { EventKind, Role };
