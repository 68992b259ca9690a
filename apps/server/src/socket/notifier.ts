import type { FeedPost } from '@tribu/protocol';
import { memberSites } from '../modules/access.ts';
import type { FeedEvents } from '../modules/feed/feed.events.ts';
import type { LocalHelpers, Notifier } from '../modules/notifier.ts';
import type { HelperRights } from './helper-rights.ts';
import { rooms, type HelperNamespace, type VisitorNamespace } from './io.ts';

const publicCopy = ({ liked: _liked, ...post }: FeedPost): Omit<FeedPost, 'liked'> => post;

/** The feed's facts, to every helper of the site on every node (through the adapter). */
function feedEvents(helpers: HelperNamespace): FeedEvents {
  return {
    created: (post) => helpers.to(rooms.siteHelpers(post.siteId)).emit('feed:created', { ...post, liked: false }),
    updated: (post) => helpers.to(rooms.siteHelpers(post.siteId)).emit('feed:updated', publicCopy(post)),
    commented: (siteId, comment) => helpers.to(rooms.siteHelpers(siteId)).emit('feed:commented', comment),
    removed: (siteId, authorId, ref) => {
      const room = helpers.to(rooms.siteHelpers(siteId));
      (authorId ? room.except(rooms.user(authorId)) : room).emit('feed:removed', ref);
    },
    toAuthor: (authorId, item) => {
      const to = helpers.to(rooms.user(authorId));
      if ('post' in item) to.emit('feed:updated', publicCopy(item.post));
      else to.emit('feed:commented', item.comment);
    },
  };
}

/** The notifier port, implemented with rooms: every fact reaches its sockets on every node. */
export function socketNotifier(helpers: HelperNamespace, visitors: VisitorNamespace, rights: HelperRights): Notifier {
  const user = (id: string) => helpers.to(rooms.user(id));
  return {
    notificationCreated: (userId, n) => user(userId).emit('notification:created', n),
    profileUpdated: (userId, p) => user(userId).emit('profile:updated', p),
    pointsAwarded: (userId, p) => user(userId).emit('points:awarded', p),
    badgeEarned: (userId, p) => user(userId).emit('badge:earned', p),
    missionProgressed: (userId, p) => user(userId).emit('mission:progressed', p),
    handoffOffered: (userId, p) => user(userId).emit('handoff:offered', p),
    handoffAnswered: (userIds, p) => helpers.to(userIds.map(rooms.user)).emit('handoff:answered', p),
    membershipSuspended: (userId, p) => user(userId).emit('membership:suspended', p),
    membershipReinstated: (userId, p) => user(userId).emit('membership:reinstated', p),
    presenceChanged: (siteId) => helpers.to(rooms.siteHelpers(siteId)).emit('presence:changed', { siteId }),
    staffChanged: (siteId) => helpers.to(rooms.siteHelpers(siteId)).emit('staff:changed', { siteId }),
    rewardsChanged: (siteId) => helpers.to(rooms.siteHelpers(siteId)).emit('rewards:changed', { siteId }),
    missionsChanged: (siteId) => helpers.to(rooms.siteHelpers(siteId)).emit('missions:changed', { siteId }),
    eventsChanged: (siteId, eventId) => helpers.to(rooms.siteHelpers(siteId)).emit('events:changed', { siteId, eventId }),
    missionEvidenceSent: (siteId, missionId) => helpers.to(rooms.siteManagers(siteId)).emit('mission:evidence', { siteId, missionId }),
    redemptionUpdated: (r) => {
      if (r.user) user(r.user.id).emit('redemption:updated', r);
      helpers.to(rooms.siteManagers(r.siteId)).emit('redemption:updated', r);
    },
    reportsChanged: (p) => helpers.to(rooms.siteManagers(p.siteId)).emit('report:changed', p),
    noteCreated: (conversationId, note) => helpers.to(rooms.conversation(conversationId)).emit('note:created', note),
    feed: feedEvents(helpers),
    rightsChanged: (userId) => rights.rightsChanged(userId),
    sessionsEnded: (ids) => rights.sessionsEnded(ids),
    visitorBanned: (visitorId, message) => {
      visitors.to(rooms.visitor(visitorId)).emit('visitor:banned', { message });
      visitors.in(rooms.visitor(visitorId)).disconnectSockets(true);
    },
    visitorErased: (visitorId) => {
      visitors.to(rooms.visitor(visitorId)).emit('visitor:erased');
      visitors.in(rooms.visitor(visitorId)).disconnectSockets(true);
    },
  };
}

/** This node's helper sockets, for the online-minutes counter. */
export function localHelpers(helpers: HelperNamespace): LocalHelpers {
  return {
    list: async () => [...helpers.sockets.values()].map((s) => ({ userId: s.data.userId, siteIds: memberSites(s.data) })),
    onConnect: (listener) => {
      helpers.on('connection', (socket) => listener(socket.data.userId, memberSites(socket.data)));
    },
  };
}
