import type { GamificationClientEvents, gamificationCommandSchemas } from '@tribu/protocol';
import type { HandlersOf, HelperCommandContext } from '../command-context.ts';
import type { GamificationService } from './gamification.service.ts';
import type { RewardsService } from './rewards.service.ts';
import type { RulesService } from './rules.service.ts';

/** Socket handlers of recognition: my (or a peer's) standing, and the leaderboards. */
export function gamificationCommands(
  { actor }: HelperCommandContext,
  g: GamificationService,
  rules: RulesService,
  rewards: RewardsService,
): HandlersOf<GamificationClientEvents, typeof gamificationCommandSchemas> {
  return {
    'gamification:summary': (p) => g.summary(actor, p.siteId, p.userId),
    'leaderboard:list': (p) => g.leaderboard(actor, p.siteId, p.period),
    'rules:get': (p) => rules.get(actor, p.siteId),
    'rules:save': (p) => rules.save(actor, p.siteId, p.rules),
    'rules:preview': (p) => rules.preview(actor, p.siteId, p.rules),
    'points:adjust': async (p) => {
      const result = await rules.adjust(actor, p);
      await g.checkBadges(p.siteId, p.userId);
      return result;
    },
    'conversation:exclude': (p) => rules.exclude(actor, p.conversationId, p.reason),
    'scored:list': async (p) => ({ chats: await rules.scored(actor, p.siteId) }),
    'reward:list': async (p) => ({ rewards: await rewards.list(actor, p.siteId) }),
    'reward:save': async (p) => ({ reward: await rewards.save(actor, p) }),
    'redemption:request': (p) => rewards.request(actor, p.rewardId),
    'redemption:list': async (p) => ({ redemptions: await rewards.redemptions(actor, p.siteId, p.scope) }),
    'redemption:decide': async (p) => ({ redemption: await rewards.decide(actor, p) }),
  };
}
