import type { ModuleDeps } from '../module-deps.ts';

/** Around a chat: details (trail, earlier chats, notes), canned answers, hand-off, needs staff. */
export class DeskService {
  constructor(readonly deps: ModuleDeps) {}
}
