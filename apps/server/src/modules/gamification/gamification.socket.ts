import type { GamificationClientEvents, gamificationCommandSchemas } from '@tribu/protocol';
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
  };
}
