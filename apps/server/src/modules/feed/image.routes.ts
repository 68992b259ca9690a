import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorCode, IdSchema, LIMITS } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireMember, roleOn } from '../access.ts';
import { FEED_IMAGE_TYPES, NOT_AN_IMAGE } from './feed-images.ts';
import type { FeedService } from './feed.service.ts';

// A lively afternoon is a few pictures a minute; more is a script.
const uploadLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };

/** `POST /api/sites/:siteId/images` (upload, members only) and `GET /api/images/:id` (members only). */
export function imageRoutes(app: FastifyInstance, deps: { feed: FeedService }): void {
  const { feed } = deps;

  app.withTypeProvider<ZodTypeProvider>().get('/api/images/:id', { schema: { params: z.object({ id: IdSchema }) } }, async (req, reply) => {
    const { actor } = req;
    const image = await feed.images.get(req.params.id);
    // Someone of another site learns nothing, not even that the image exists.
    if (!image || !roleOn(actor, image.siteId)) throw notFound('Image');
    return reply
      .header('content-type', image.mime)
      .header('cache-control', 'private, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(image.bytes));
  });

  // Raw image bodies, parsed only inside this scope.
  app.register(async (scoped) => {
    scoped.addContentTypeParser([...FEED_IMAGE_TYPES], { parseAs: 'buffer', bodyLimit: LIMITS.imageBytes }, (_req, body, done) => done(null, body));
    scoped
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/sites/:siteId/images',
        { schema: { params: z.object({ siteId: IdSchema }) }, config: uploadLimit, bodyLimit: LIMITS.imageBytes },
        async (req, reply) => {
          const { actor } = req;
          requireMember(actor, req.params.siteId);
          const body = req.body;
          if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError(ErrorCode.badRequest, NOT_AN_IMAGE);
          return reply.status(201).send(await feed.images.store(req.params.siteId, actor.userId, body));
        },
      );
  });
}
