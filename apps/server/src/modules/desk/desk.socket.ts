import type { DeskClientEvents, deskCommandSchemas } from '@tribu/protocol';
import type { HandlersOf, HelperCommandContext } from '../command-context.ts';
import type { DeskService } from './desk.service.ts';

/** Socket handlers around chats: details, notes, canned answers, hand-off, staff queue. */
export function deskCommands({ actor: h }: HelperCommandContext, desk: DeskService): HandlersOf<DeskClientEvents, typeof deskCommandSchemas> {
  const moves = desk.handoffs;
  return {
    'conversation:details': (p) => desk.details(h, p.conversationId),
    'note:add': async (p) => ({ note: await desk.addNote(h, p) }),
    'canned:list': async (p) => ({ answers: await desk.cannedList(h, p.siteId) }),
    'canned:save': async (p) => ({ answer: await desk.cannedSave(h, p) }),
    'canned:delete': async (p) => {
      await desk.cannedDelete(h, p.id);
      return {};
    },
    'handoff:offer': async (p) => ({ conversation: await moves.offer(h, p.conversationId, p.toUserId) }),
    'handoff:answer': (p) => moves.answer(h, p.conversationId, p.accept),
    'handoff:list': async (p) => ({ offers: await moves.listOffers(h, p.siteId) }),
    'handoff:cancel': async (p) => ({ conversation: await moves.cancel(h, p.conversationId) }),
    'conversation:needs-staff': async (p) => ({ conversation: await moves.needsStaff(h, p.conversationId, p.reason) }),
    'staff:list': async (p) => ({ items: await moves.staffList(h, p.siteId) }),
  };
}
