// The zod-free part of the contract, for browser bundles that must stay small (the widget).
export * from './version.ts';
export * from './limits.ts';
export * from './errors.ts';
export type * from './schemas.ts';
export type * from './events.ts';
export type * from './feed.ts';
export type * from './desk.ts';
export type * from './community.ts';
export type * from './gamification.ts';
export * from './kpi.ts';
export type * from './http.ts';
export { CSRF_HEADER, LOCALES, SESSION_COOKIE, type Locale } from './constants.ts';
export * from './ack.ts';
export * from './site-settings.ts';
export type * from './admin.ts';
export * from './onboarding.ts';
export type * from './onboarding.schemas.ts';
