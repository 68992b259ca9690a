import { ErrorCode, type Redemption, type RedemptionDecide, type Reward, type RewardSave } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { hasRoleOn, requireManager, roleOn } from '../access.ts';
import { keptTranslations, rewardFor, rewardNameFor } from '../content/site-content.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { RewardsRepository } from './rewards.repository.ts';

/** The rewards catalogue and redemptions: points are reserved at once, returned if a manager rejects. */
export class RewardsService {
  private readonly repo: RewardsRepository;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new RewardsRepository(deps.db);
  }

  private async site(siteId: string) {
    const site = await this.deps.sites.byId(siteId);
    if (!site) throw notFound('Site');
    return site;
  }

  /** The catalogue in the reader's language; managers get the inactive rewards too, and every version. */
  async list(actor: HelperActor, siteId: string): Promise<Reward[]> {
    if (!roleOn(actor, siteId)) throw notFound('Site');
    const manager = hasRoleOn(actor, siteId, 'moderator');
    const [site, rows] = await Promise.all([this.site(siteId), this.repo.list(siteId, !manager)]);
    return rows.map((row) => rewardFor(site, actor, row, manager));
  }

  async save(actor: HelperActor, input: RewardSave): Promise<Reward> {
    requireManager(actor, input.siteId);
    const site = await this.site(input.siteId);
    const row = await this.repo.save(input, input.translations && keptTranslations(site, input.translations));
    if (!row) throw notFound('Reward');
    this.deps.notify.rewardsChanged(input.siteId);
    return rewardFor(site, actor, row, true);
  }

  async request(actor: HelperActor, rewardId: string): Promise<{ redemption: Redemption; balance: number }> {
    const reward = await this.repo.find(rewardId);
    if (!reward || !roleOn(actor, reward.siteId)) throw notFound('Reward');
    const r = await this.repo.redeem(rewardId, reward.siteId, actor.userId);
    if (!r.ok) {
      if (r.reason === 'missing') throw notFound('Reward');
      if (r.reason === 'stock') throw new AppError(ErrorCode.invalidState, `${reward.name} is out of stock`);
      throw new AppError(ErrorCode.invalidState, `You need ${r.need} more point${r.need === 1 ? '' : 's'} for ${reward.name}`);
    }
    const redemption = await this.repo.view(r.row);
    this.tell(redemption);
    this.deps.notify.rewardsChanged(reward.siteId);
    return { redemption, balance: r.balance };
  }

  async redemptions(actor: HelperActor, siteId: string, scope: 'mine' | 'all'): Promise<Redemption[]> {
    if (!roleOn(actor, siteId)) throw notFound('Site');
    if (scope === 'all') requireManager(actor, siteId);
    const site = await this.site(siteId);
    return this.repo.redemptionsOf(siteId, scope === 'mine' ? actor.userId : null, (r) => rewardNameFor(site, actor, r.name, r.translations));
  }

  async decide(actor: HelperActor, input: RedemptionDecide): Promise<Redemption> {
    const row = await this.repo.findRedemption(input.redemptionId);
    if (!row || !roleOn(actor, row.siteId)) throw notFound('Redemption');
    requireManager(actor, row.siteId);
    if (input.action !== 'approve' && !input.message) {
      throw new AppError(ErrorCode.badRequest, input.action === 'fulfil' ? 'Add the message or code for the helper' : 'Give the helper a reason');
    }
    const moves = {
      approve: { from: ['requested'], to: 'approved' },
      fulfil: { from: ['requested', 'approved'], to: 'fulfilled' },
      reject: { from: ['requested', 'approved'], to: 'rejected' },
    } as const;
    const m = moves[input.action];
    // Every decision is in the audit log: who gave (or refused) what to whom, and the message.
    const r = await this.repo.view(row);
    const done = await this.repo.decide(row.id, [...m.from], m.to, input.message ?? null, actor.userId, async (tx, decided) => {
      await this.deps.audit.record(
        actor,
        {
          siteId: decided.siteId,
          action: `reward.${m.to}`,
          targetKind: 'user',
          targetId: decided.userId ?? undefined,
          targetLabel: r.user?.displayName ?? 'A former member',
          reason: input.message ?? null,
          details: { reward: r.reward.name, cost: decided.cost, redemptionId: decided.id },
        },
        tx,
      );
    });
    if (!done) throw new AppError(ErrorCode.invalidState, `This request is already ${row.status}`);
    const redemption = await this.repo.view(done);
    this.tell(redemption);
    if (done.userId) {
      const words = { approved: 'was approved', fulfilled: 'is on its way', rejected: 'was declined; your points are back', requested: '' }[done.status];
      await this.deps.notifications.notify({
        userId: done.userId,
        siteId: done.siteId,
        kind: 'reward',
        actorId: actor.userId,
        text: `Your request for ${redemption.reward.name} ${words}${input.message ? `: ${input.message}` : ''}`,
      });
    }
    return redemption;
  }

  /** The helper's tabs and the site's managers see a redemption change at once (any node). */
  private tell(r: Redemption): void {
    this.deps.notify.redemptionUpdated(r);
  }
}
