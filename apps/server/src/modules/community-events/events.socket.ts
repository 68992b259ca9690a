import type { EventClientEvents, eventCommandSchemas } from '@tribu/protocol';
import type { HandlersOf, HelperCommandContext } from '../command-context.ts';
import type { EventsService } from './events.service.ts';

/** Socket handlers of events: list, save, cancel and detail (managers), RSVP, testers' feedback. */
export function eventCommands({ actor }: HelperCommandContext, events: EventsService): HandlersOf<EventClientEvents, typeof eventCommandSchemas> {
  return {
    'event:list': async (p) => ({ events: await events.list(actor, p.siteId, p.scope), timeZone: await events.timeZone(p.siteId) }),
    'event:save': async (p) => ({ event: await events.save(actor, p) }),
    'event:cancel': async (p) => ({ event: await events.cancel(actor, p.eventId) }),
    'event:detail': (p) => events.detail(actor, p.eventId),
    'event:rsvp': async (p) => ({ event: await events.rsvp(actor, p) }),
    'event:feedback': async (p) => ({ event: await events.feedback(actor, p) }),
  };
}
