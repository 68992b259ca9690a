import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { FeedService } from './feed.service.ts';

/** `POST /api/sites/:siteId/images` (upload, members only) and `GET /api/images/:id` (members only). */
export function imageRoutes(_app: FastifyInstance, _deps: { auth: AuthService; feed: FeedService }): void {}
