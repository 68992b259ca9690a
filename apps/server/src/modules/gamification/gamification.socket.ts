import { ErrorCode, type GamificationClientEvents, type gamificationCommandSchemas } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { HandlersOf, HelperCommandContext } from '../../socket/helper-commands.ts';
import type { GamificationService } from './gamification.service.ts';

/** Socket handlers of recognition: my (or a peer's) standing, and the leaderboards. */
export function gamificationCommands(
  { actor }: HelperCommandContext,
  g: GamificationService,
): HandlersOf<GamificationClientEvents, typeof gamificationCommandSchemas> {
  return {
    'gamification:summary': (p) => g.summary(actor, p.siteId, p.userId),
    'leaderboard:list': (p) => g.leaderboard(actor, p.siteId, p.period),
    'rules:get': todo,
    'rules:save': todo,
    'rules:preview': todo,
    'points:adjust': todo,
    'reward:list': todo,
    'reward:save': todo,
    'redemption:request': todo,
    'redemption:list': todo,
    'redemption:decide': todo,
  };
}

const todo = async (): Promise<never> => {
  throw new AppError(ErrorCode.unavailable, 'Not available yet');
};
