import { ErrorCode, type DeskClientEvents, type deskCommandSchemas } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { HandlersOf, HelperCommandContext } from '../../socket/helper-commands.ts';
import type { DeskService } from './desk.service.ts';

const todo = async (): Promise<never> => {
  throw new AppError(ErrorCode.unavailable, 'Not available yet');
};

/** Socket handlers around chats: details, notes, canned answers, hand-off, staff queue. */
export function deskCommands(
  _ctx: HelperCommandContext,
  _desk: DeskService,
): HandlersOf<DeskClientEvents, typeof deskCommandSchemas> {
  return {
    'conversation:details': todo,
    'note:add': todo,
    'canned:list': todo,
    'canned:save': todo,
    'canned:delete': todo,
    'handoff:offer': todo,
    'handoff:answer': todo,
    'handoff:cancel': todo,
    'conversation:needs-staff': todo,
    'staff:list': todo,
  };
}
