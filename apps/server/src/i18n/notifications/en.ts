import type { Catalogue } from '../templates.ts';

/**
 * What the bell (and a push) tells a person, in English as the modules write it; `NotificationService.notify` words it
 * in the recipient's language before it is stored. French and Spanish are typed by this list.
 */
export const NOTIFICATION_TEMPLATES = [
  // events
  'You are invited to “{title}”',
  '“{title}” was cancelled',
  'A seat freed up: you are going to “{title}”',
  // membership and roles
  'Your membership of {site} is suspended: {reason}',
  'Welcome back: your membership of {site} is active again',
  'You were removed from {site}: {reason}',
  '{name} made you a helper of this site. Reload the page to see what changed.',
  '{name} made you a community manager of this site. Reload the page to see what changed.',
  '{name} made you an admin of this site. Reload the page to see what changed.',
  // points, badges, rewards
  '{sign} points from {name}: {note}',
  '{name} marked a chat out of scope ({reason}): its {n} point{s} were taken back. Your badges stay.',
  '{n} point{s}',
  '{n} point{s}: {reasons}',
  '+{n} points: mission “{title}” completed',
  'You earned the badge “{badge}”: {description}',
  'Your request for {reward} was approved',
  'Your request for {reward} was approved: {note}',
  'Your request for {reward} is on its way',
  'Your request for {reward} is on its way: {note}',
  'Your request for {reward} was declined; your points are back',
  'Your request for {reward} was declined; your points are back: {note}',
  // desk, feed, mentors
  '{name} would like you to take over a chat: “{question}”',
  '{name} mentioned you: “{text}”',
  '{name} commented on your post: “{text}”',
  'A moderator hid your post: {reason}',
  'A moderator deleted your post: {reason}',
  'A moderator hid your comment: {reason}',
  'A moderator deleted your comment: {reason}',
  "You are now {name}'s mentor. A friendly hello in the feed goes a long way.",
  '{name} is now your mentor: ask them anything, any time.',
  // integrations
  'Webhooks to {url} were turned off after {n} failed deliveries in a row. Fix the endpoint, then turn it back on under Manage → Integrations.',
  // push titles
  'A visitor is waiting on {site}',
  'A chat is handed to you',
  'You were mentioned',
] as const;

export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];
export type NotificationCatalogue = Catalogue<NotificationTemplate>;

/** The reasons points are given for, as `pointsText` words them. */
export const POINT_REASONS = ['a chat you answered', 'a good rating', 'a fast answer', 'a mission completed'] as const;
