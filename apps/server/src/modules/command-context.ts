import type { z } from 'zod';
import type { AckData } from '@tribu/protocol';
import type { HelperActor } from './actors.ts';

/**
 * What a feature module's socket handlers get: the signed-in person, with their rights as of this
 * command (the socket layer re-reads them before each one; read `actor.roles` at call time).
 */
export interface HelperCommandContext {
  actor: HelperActor;
}

/** Handlers of one feature's slice of the helper event map, with payloads already validated. */
export type HandlersOf<Events, Schemas extends Record<keyof Events, z.ZodType>> = {
  [K in keyof Events]: (payload: z.output<Schemas[K]>) => Promise<AckData<Events[K]>>;
};
