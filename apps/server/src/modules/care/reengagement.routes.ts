import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, KpiQuerySchema, ReengagementMineSchema, ReengagementSettingsSchema } from '@tribu/protocol';
import { de } from '../../i18n/grammar-fr.ts';
import type { Locale } from '../../i18n/locale.ts';
import { escapeHtml } from '../../lib/mail-body.ts';
import type { ReengagementService } from './reengagement.service.ts';

const readLimit = { rateLimit: { max: 60, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };
/** The one-click unsubscribe page's words. */
const unsubscribePage: Record<Locale, { done: (site: string) => string; invalid: string }> = {
  en: {
    done: (site) => `You will get no more “we miss you” notes from the ${site} community. You can turn them on again in your profile.`,
    invalid: 'This link is not valid (it may have been cut by your mail program).',
  },
  fr: {
    done: (site) => `Tu ne recevras plus de petits mots «\u00a0tu nous manques\u00a0» de la communauté ${de(site)}. Tu peux les réactiver dans ton profil.`,
    invalid: 'Ce lien n’est pas valide (ton logiciel de messagerie l’a peut-être coupé).',
  },
  es: {
    done: (site) => `Ya no recibirás más notas de «te echamos de menos» de la comunidad de ${site}. Puedes volver a activarlas en tu perfil.`,
    invalid: 'Este enlace no es válido (puede que tu programa de correo lo haya cortado).',
  },
};
const UnsubscribeQuery = z.object({ site: IdSchema, user: IdSchema, token: z.string().min(1).max(100) });

/**
 * The "we miss you" note: its settings and who came back (managers), my own choice (any member),
 * and the mail's one-click unsubscribe (public: the link's token is the proof).
 */
export function reengagementRoutes(
  app: FastifyInstance,
  deps: {
    reengagement: ReengagementService;
    siteName: (id: string) => Promise<string | undefined>;
    /** The person's language for the page (their profile's, else their browser's, else the site's default). */
    locale?: (userId: string, siteId: string, acceptLanguage: string | undefined) => Promise<Locale>;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ siteId: IdSchema });
  r.get('/api/sites/:siteId/reengagement', { schema: { params, querystring: KpiQuerySchema }, config: readLimit }, async (req) =>
    deps.reengagement.settings(req.actor, req.params.siteId, req.query),
  );
  r.put('/api/sites/:siteId/reengagement', { schema: { params, body: ReengagementSettingsSchema }, config: writeLimit }, async (req) =>
    deps.reengagement.update(req.actor, req.params.siteId, req.body),
  );
  r.get('/api/sites/:siteId/reengagement/mine', { schema: { params }, config: readLimit }, async (req) => deps.reengagement.mine(req.actor, req.params.siteId));
  r.put('/api/sites/:siteId/reengagement/mine', { schema: { params, body: ReengagementMineSchema }, config: writeLimit }, async (req) =>
    deps.reengagement.setMine(req.actor, req.params.siteId, req.body.optedOut),
  );

  // The link in the mail (GET, so it works from any mail program) and the List-Unsubscribe-Post one-click (RFC 8058).
  // A scanner following the link can only opt someone out of a friendly note: the harmless direction.
  app.register(async (scoped) => {
    scoped.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => done(null, body));
    const s = scoped.withTypeProvider<ZodTypeProvider>();
    const opts = { schema: { querystring: UnsubscribeQuery }, config: { auth: 'public' as const, rateLimit: { max: 20, timeWindow: 60_000 } } };
    s.get('/api/reengagement/unsubscribe', opts, async (req, reply) => {
      const { site, user, token } = req.query;
      const done = await deps.reengagement.unsubscribe(site, user, token);
      const name = done ? await deps.siteName(site) : undefined;
      const lang = deps.locale ? await deps.locale(user, site, req.headers['accept-language']) : 'en';
      const text = done ? unsubscribePage[lang].done(name ?? '') : unsubscribePage[lang].invalid;
      return reply
        .code(done ? 200 : 400)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(`<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Tribu</title><p>${escapeHtml(text)}</p></html>`);
    });
    s.post('/api/reengagement/unsubscribe', opts, async (req, reply) => {
      const { site, user, token } = req.query;
      const done = await deps.reengagement.unsubscribe(site, user, token);
      return reply.code(done ? 200 : 400).send({ unsubscribed: done });
    });
  });
}
