import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { ProfileService } from './profile.service.ts';

/** My profile: GET/PATCH /api/profile, photo upload, data export, leaving a community. */
export function profileRoutes(_app: FastifyInstance, _deps: { auth: AuthService; profiles: ProfileService; secureCookies: boolean }): void {}
