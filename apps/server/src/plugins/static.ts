import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@tribu/protocol';

const here = dirname(fileURLToPath(import.meta.url));
const appsDir = resolve(here, '../../..');
export const widgetDist = join(appsDir, 'widget/dist');
export const backofficeDist = join(appsDir, 'backoffice/dist');
export const demoDir = resolve(here, '../../demo');

const notBuilt = (what: string) => ({
  error: { code: ErrorCode.unavailable, message: `The ${what} is not built: run \`pnpm build\`` },
});

/** Serves the built widget, the backoffice SPA and the demo shop. */
export async function registerStatic(app: FastifyInstance): Promise<void> {
  // `reply.sendFile` keeps the options of the registration that decorated it, `setHeaders` and
  // `cacheControl` included: it comes from this header-less one, so each route below sets its own
  // headers and the widget's (any origin, cached) stay on the widget's files.
  await app.register(fastifyStatic, { root: widgetDist, serve: false, decorateReply: true, cacheControl: false });
  await app.register(fastifyStatic, {
    root: widgetDist,
    prefix: '/widget/',
    decorateReply: false,
    wildcard: true,
    // Loaded cross-origin by merchant pages as ES modules: CORS is required, the files are public.
    setHeaders: (res) => {
      res.header('Access-Control-Allow-Origin', '*');
      res.header('Cache-Control', 'public, max-age=300');
    },
  });
  app.get('/widget.js', (_req, reply) => {
    if (!existsSync(join(widgetDist, 'widget.js'))) return reply.status(503).send(notBuilt('widget'));
    return reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'public, max-age=300').sendFile('widget.js', widgetDist);
  });

  await app.register(fastifyStatic, {
    root: join(backofficeDist, 'assets'),
    prefix: '/backoffice/assets/',
    decorateReply: false,
    wildcard: true,
    // Vite fingerprints asset names, so they never change under the same URL.
    setHeaders: (res) => res.header('Cache-Control', 'public, max-age=31536000, immutable'),
  });
  // The installable app (PWA): icons, the manifest, the offline page and the service worker. The
  // worker is never cached by HTTP (a new version must reach browsers at once) and controls
  // /backoffice (the desk's own address, without a slash) and below.
  await app.register(fastifyStatic, {
    root: join(backofficeDist, 'icons'),
    prefix: '/backoffice/icons/',
    decorateReply: false,
    wildcard: true,
    setHeaders: (res) => res.header('Cache-Control', 'public, max-age=86400'),
  });
  const pwaFile = (file: string, type: string, headers: Record<string, string>) => (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (!existsSync(join(backofficeDist, file))) return reply.status(503).send(notBuilt('backoffice'));
    return reply.headers(headers).type(type).sendFile(file, backofficeDist);
  };
  app.get(
    '/backoffice/sw.js',
    pwaFile('sw.js', 'application/javascript; charset=utf-8', { 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/backoffice' }),
  );
  app.get('/backoffice/manifest.webmanifest', pwaFile('manifest.webmanifest', 'application/manifest+json', { 'Cache-Control': 'no-cache' }));
  app.get('/backoffice/offline.html', pwaFile('offline.html', 'text/html; charset=utf-8', { 'Cache-Control': 'no-cache' }));
  const spa = (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (!existsSync(join(backofficeDist, 'index.html'))) return reply.status(503).send(notBuilt('backoffice'));
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', backofficeDist);
  };
  app.get('/backoffice', spa);
  app.get('/backoffice/*', spa);

  await app.register(fastifyStatic, {
    root: join(demoDir, 'static'),
    prefix: '/demo/static/',
    decorateReply: false,
    setHeaders: (res) => res.header('Cache-Control', 'public, max-age=300'),
  });
  const demoPage = (file: string) => (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (!existsSync(join(demoDir, file))) return reply.status(404).send({ error: { code: ErrorCode.notFound, message: 'No such demo page' } });
    return reply.header('Cache-Control', 'no-cache').sendFile(file, demoDir);
  };
  app.get('/demo', demoPage('index.html'));
  app.get<{ Params: { page: string } }>('/demo/:page', (req, reply) => {
    const page = req.params.page;
    if (!/^[a-z0-9-]{1,40}$/.test(page)) return reply.status(404).send({ error: { code: ErrorCode.notFound, message: 'No such demo page' } });
    return demoPage(`${page}.html`)(req, reply);
  });
  app.get('/', (_req, reply) => reply.redirect('/demo'));
}
