import type { z } from 'zod';
import type { AckData } from '@tribu/protocol';
import type { HelperActor } from '../modules/actors.ts';
import type { HelperSocket } from './io.ts';

/** What a feature module's socket handlers get: the signed-in person and their socket. */
export interface HelperCommandContext {
  actor: HelperActor;
  socket: HelperSocket;
}

/** Handlers of one feature's slice of the helper event map, with payloads already validated. */
export type HandlersOf<Events, Schemas extends Record<keyof Events, z.ZodType>> = {
  [K in keyof Events]: (payload: z.output<Schemas[K]>) => Promise<AckData<Events[K]>>;
};
