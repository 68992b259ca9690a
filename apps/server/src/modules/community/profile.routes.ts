import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorCode, IdSchema, LIMITS, PasswordChangeSchema, ProfileUpdateSchema, SESSION_COOKIE } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { leaveCommunity } from './leave-community.ts';
import { exportPersonalData } from './profile-export.ts';
import { PHOTO_TYPES } from './profile-photos.ts';
import type { ProfileService } from './profile.service.ts';

const LeaveSchema = z.strictObject({ siteId: IdSchema, confirm: z.literal(true, 'Confirm that you want to leave') });
// Writes are few in a person's day; uploads even fewer.
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };
const uploadLimit = { rateLimit: { max: 10, timeWindow: 60_000 } };

interface Deps {
  auth: AuthService;
  profiles: ProfileService;
  secureCookies: boolean;
}

/** My profile: GET/PATCH /api/profile, photo upload, data export, leaving a community; public photos. */
export function profileRoutes(app: FastifyInstance, deps: Deps): void {
  const { auth, profiles } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/profile', async (req) => profiles.mine(req.actor.userId));

  r.patch('/api/profile', { schema: { body: ProfileUpdateSchema }, config: writeLimit }, async (req) => {
    const { actor } = req;
    return profiles.update(actor, req.body);
  });

  // Guessing the current password is throttled like signing in.
  r.post('/api/profile/password', { schema: { body: PasswordChangeSchema }, config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async (req, reply) => {
    const { actor } = req;
    const kept = req.cookies[SESSION_COOKIE]!;
    // Live tabs of the ended sessions (on any node) lose their connection before this answers; this session's stay.
    await auth.changePassword(actor.userId, kept, req.body.current, req.body.next);
    return reply.code(204).send();
  });

  r.delete('/api/profile/photo', { config: writeLimit }, async (req) => {
    const { actor } = req;
    return profiles.deletePhoto(actor);
  });

  r.get('/api/avatars/:userId', { schema: { params: z.object({ userId: IdSchema }) }, config: { auth: 'public' } }, async (req, reply) => {
    const photo = await profiles.photos.get(req.params.userId);
    if (!photo) throw notFound('Photo');
    // Public on purpose: visitors see helper photos on merchant pages (the URL carries a version).
    return reply
      .header('content-type', photo.mime)
      .header('cache-control', 'public, max-age=86400')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(photo.bytes);
  });

  r.get('/api/profile/export', { config: writeLimit }, async (req, reply) => {
    const { actor } = req;
    const data = await exportPersonalData(profiles.deps.db, profiles.minutes, actor.userId);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="tribu-my-data-${day}.json"`)
      .header('cache-control', 'no-store')
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  });

  r.post('/api/profile/leave', { schema: { body: LeaveSchema }, config: writeLimit }, async (req, reply) => {
    const { actor } = req;
    const result = await leaveCommunity(profiles.deps, actor, req.body.siteId);
    if (result.accountDeleted) {
      void reply.setCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/', maxAge: 0 });
    }
    return result;
  });

  // Raw image bodies, parsed only inside this scope so other modules may read images their own way.
  app.register(async (scoped) => {
    scoped.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: LIMITS.imageBytes }, (_req, body, done) => done(null, body));
    scoped.put('/api/profile/photo', { config: uploadLimit, bodyLimit: LIMITS.imageBytes }, async (req) => {
      const { actor } = req;
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError(ErrorCode.badRequest, 'That file is not an image (JPEG, PNG, WebP or GIF)');
      }
      return profiles.setPhoto(actor, body);
    });
  });
}
