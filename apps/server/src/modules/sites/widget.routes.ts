import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES, LocaleSchema, SiteKeySchema, type Locale, type WidgetState } from '@tribu/protocol';
import { onColor } from '../../lib/contrast.ts';
import { notFound } from '../../lib/errors.ts';
import type { NextPledged } from '@tribu/domain';
import { usuallyText } from '../care/usually.ts';
import type { AvailabilityService } from './availability.service.ts';
import type { SiteService, SiteRow } from './site.service.ts';

/** Tribu's wording, per language; a site overrides any of it in its settings. */
export const DEFAULT_TEXTS: Record<Locale, WidgetState['texts']> = {
  en: {
    launcher: 'Ask the community',
    title: 'Ask the community',
    disclosure: 'A member of the community will answer you. They answer voluntarily, out of passion for the brand.',
    placeholder: 'Type your question…',
    open: 'Chat with the community',
    online: 'Members online now',
    replies: 'Usually answers in ~{n} min',
    offline: 'Leave a question',
    privacy: 'I agree that my messages are kept to answer me, as described in the privacy policy.',
  },
  fr: {
    launcher: 'Demandez à la communauté',
    title: 'Demandez à la communauté',
    disclosure: 'Un membre de la communauté va vous répondre. Il répond bénévolement, par passion pour la marque.',
    placeholder: 'Écrivez votre question…',
    open: 'Discuter avec la communauté',
    online: 'Des membres sont en ligne',
    replies: 'Répond en ~{n} min en général',
    offline: 'Laissez une question',
    privacy: "J'accepte que mes messages soient conservés pour me répondre, comme décrit dans la politique de confidentialité.",
  },
  es: {
    launcher: 'Pregunta a la comunidad',
    title: 'Pregunta a la comunidad',
    disclosure: 'Un miembro de la comunidad te responderá. Responde de forma voluntaria, por pasión por la marca.',
    placeholder: 'Escribe tu pregunta…',
    open: 'Hablar con la comunidad',
    online: 'Hay miembros en línea',
    replies: 'Suele responder en ~{n} min',
    offline: 'Deja una pregunta',
    privacy: 'Acepto que mis mensajes se guarden para responderme, según la política de privacidad.',
  },
};

/** The language to answer in: the one asked for if the site offers it, else the site's default. */
export function pickLocale(site: SiteRow, asked: Locale | undefined): Locale {
  const offered = site.settings.locales?.length ? site.settings.locales : [...LOCALES];
  if (asked && offered.includes(asked)) return asked;
  return site.settings.defaultLocale ?? offered[0] ?? 'en';
}

/** A server path (`/api/avatars/…`) made absolute; http(s) URLs pass as they are, anything else is dropped. */
export function absolute(url: string | null, base: string): string | null {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  return url.startsWith('/') && !url.startsWith('//') ? `${base}${url}` : null;
}

/** `GET /api/widget/:siteKey`: the small, cacheable state the loader draws the launcher from. */
export function widgetRoutes(
  app: FastifyInstance,
  deps: { sites: SiteService; availability: AvailabilityService; mailsVisitors?: () => boolean; nextPledged?: (site: SiteRow) => Promise<NextPledged | null> },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/widget/:siteKey',
    {
      schema: {
        params: z.object({ siteKey: SiteKeySchema }),
        querystring: z.object({ locale: LocaleSchema.optional() }),
      },
      // Asked by the loader on merchant pages: no backoffice session, ever.
      config: { auth: 'public' },
    },
    async (req, reply) => {
      const site = await deps.sites.byKey(req.params.siteKey);
      if (!site) throw notFound('Site');
      const locale = pickLocale(site, req.query.locale);
      // Only a plain hex colour reaches merchant pages, whatever was stored.
      const color = /^#[0-9a-f]{6}$/i.test(site.settings.color ?? '') ? site.settings.color! : '#2f6f4f';
      const { helpersOnline, availability } = await deps.availability.forSite(site);
      // Merchant pages live on another origin: a photo path must name this server.
      const base = `${req.protocol}://${req.host}`;
      const helpers = availability.helpers.map((h) => ({ ...h, avatarUrl: absolute(h.avatarUrl, base) }));
      // Offline: when helpers pledged to be there next (issue 17), a few words for the launcher and the chat.
      const usually = availability.mode === 'offline' && deps.nextPledged ? usuallyText(await deps.nextPledged(site), locale) : null;
      const state: WidgetState = {
        site: { key: site.key, name: site.name },
        locale,
        helpersOnline,
        availability: { ...availability, helpers, ...(usually ? { usually } : {}) },
        prechat: {
          name: site.settings.prechat?.name ?? 'off',
          email: site.settings.prechat?.email ?? 'off',
          consent: site.settings.prechat?.consent === true,
        },
        mailsVisitors: deps.mailsVisitors?.() ?? false,
        theme: {
          color,
          onColor: onColor(color),
          position: site.settings.position === 'left' ? 'left' : 'right',
          mode: site.settings.themeMode ?? 'auto',
          offset: site.settings.launcherOffset ?? 20,
        },
        texts: { ...DEFAULT_TEXTS[locale], ...site.settings.texts?.[locale] },
      };
      // The launcher's offline line says it too, so the loader needs no code for it (its budget is full).
      if (usually) state.texts.offline = `${state.texts.offline} · ${usually}`;
      void reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'public, max-age=10');
      return state;
    },
  );
}
