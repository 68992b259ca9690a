import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, RoleChangeSchema, SiteSettingsPatchSchema, type SiteMemberList } from '@tribu/protocol';
import { parseFields } from '../../lib/parse-fields.ts';
import type { SiteMembersService } from './site-members.service.ts';
import type { SiteSettingsService } from './site-settings.service.ts';

const readLimit = { rateLimit: { max: 120, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };
const SiteParams = z.object({ siteId: IdSchema });

interface Deps {
  settings: SiteSettingsService;
  members: SiteMembersService;
  /** Whether invitations go by mail, so the page says when to copy the link instead. */
  mailConfigured: () => boolean;
}

/** A site's admins: its settings (GET/PATCH /api/sites/:siteId/settings) and its people's roles (/roles). */
export function siteAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/sites/:siteId/settings', { schema: { params: SiteParams }, config: readLimit }, async (req, reply) => {
    const { actor } = req;
    void reply.header('cache-control', 'no-store');
    return deps.settings.get(actor, req.params.siteId);
  });

  // The body is parsed here rather than by the route schema so every field's problem comes back at once.
  r.patch('/api/sites/:siteId/settings', { schema: { params: SiteParams }, config: writeLimit }, async (req) => {
    const { actor } = req;
    // Rights first: a helper learns nothing about the form from its validation messages.
    await deps.settings.get(actor, req.params.siteId);
    return deps.settings.update(actor, req.params.siteId, parseFields(SiteSettingsPatchSchema, req.body));
  });

  r.get('/api/sites/:siteId/roles', { schema: { params: SiteParams }, config: readLimit }, async (req, reply): Promise<SiteMemberList> => {
    const { actor } = req;
    void reply.header('cache-control', 'no-store');
    return { members: await deps.members.list(actor, req.params.siteId), mailConfigured: deps.mailConfigured() };
  });

  r.patch(
    '/api/sites/:siteId/roles/:userId',
    { schema: { params: z.object({ siteId: IdSchema, userId: IdSchema }), body: RoleChangeSchema }, config: writeLimit },
    async (req) => {
      const { actor } = req;
      return deps.members.changeRole(actor, req.params.siteId, req.params.userId, req.body.role);
    },
  );
}
