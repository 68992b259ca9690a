import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, ReferralCodeAskSchema, type ReferralCodeView } from '@tribu/protocol';
import { parseFields } from '../../lib/parse-fields.ts';
import type { ReferralService } from './referral.service.ts';

const readLimit = { rateLimit: { max: 120, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };
const SiteParams = z.object({ siteId: IdSchema });
const CodeParams = z.object({ siteId: IdSchema, codeId: IdSchema });

/**
 * Referral codes: GET …/referral-codes/mine and POST …/referral-codes (a member asks for theirs);
 * GET …/referral-codes and POST …/referral-codes/:codeId/approve|revoke (the site's managers).
 */
export function referralRoutes(app: FastifyInstance, deps: { referrals: ReferralService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/sites/:siteId/referral-codes/mine',
    { schema: { params: SiteParams }, config: readLimit },
    async (req): Promise<{ codes: ReferralCodeView[] }> => ({
      codes: await deps.referrals.mine(req.actor, req.params.siteId),
    }),
  );

  r.post('/api/sites/:siteId/referral-codes', { schema: { params: SiteParams }, config: writeLimit }, async (req, reply): Promise<ReferralCodeView> => {
    // Rights first: an outsider learns nothing from the form's messages.
    await deps.referrals.mine(req.actor, req.params.siteId);
    const { code } = parseFields(ReferralCodeAskSchema, req.body);
    void reply.status(201);
    return deps.referrals.ask(req.actor, req.params.siteId, code);
  });

  r.get('/api/sites/:siteId/referral-codes', { schema: { params: SiteParams }, config: readLimit }, async (req): Promise<{ codes: ReferralCodeView[] }> => ({
    codes: await deps.referrals.all(req.actor, req.params.siteId),
  }));

  r.post('/api/sites/:siteId/referral-codes/:codeId/approve', { schema: { params: CodeParams }, config: writeLimit }, async (req) =>
    deps.referrals.decide(req.actor, req.params.siteId, req.params.codeId, 'active'),
  );

  r.post('/api/sites/:siteId/referral-codes/:codeId/revoke', { schema: { params: CodeParams }, config: writeLimit }, async (req) =>
    deps.referrals.decide(req.actor, req.params.siteId, req.params.codeId, 'revoked'),
  );
}
