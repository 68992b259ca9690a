import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiteKeySchema, type WidgetState } from '@tribu/protocol';
import { notFound } from '../../lib/errors.ts';
import type { AvailabilityService } from './availability.service.ts';
import type { SiteService } from './site.service.ts';

export const DEFAULT_TEXTS: WidgetState['texts'] = {
  launcher: 'Ask the community',
  title: 'Ask the community',
  disclosure:
    'A member of the community will answer you. They answer voluntarily, out of passion for the brand.',
  placeholder: 'Type your question…',
};

/** `GET /api/widget/:siteKey`: the small, cacheable state the loader draws the launcher from. */
export function widgetRoutes(
  app: FastifyInstance,
  deps: { sites: SiteService; availability: AvailabilityService },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/widget/:siteKey',
    { schema: { params: z.object({ siteKey: SiteKeySchema }) } },
    async (req, reply) => {
      const site = await deps.sites.byKey(req.params.siteKey);
      if (!site) throw notFound('Site');
      const state: WidgetState = {
        site: { key: site.key, name: site.name },
        ...(await deps.availability.forSite(site)),
        theme: { color: site.settings.color ?? '#2f6f4f' },
        texts: { ...DEFAULT_TEXTS, ...site.settings.texts },
      };
      void reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'public, max-age=10');
      return state;
    },
  );
}
