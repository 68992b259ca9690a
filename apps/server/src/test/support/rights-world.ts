import sharp from 'sharp';
import { CSRF_HEADER, type Conversation, type FeedComment, type FeedPost } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, ok, signedInCaller, takenChat, type HelperSocket, type VisitorSocket } from './clients.ts';
import { ORIGIN_A, ORIGIN_B, USERS } from './fixtures.ts';

/** Real things of shop-a, one of each kind a right protects: the rights suites aim every refused call at these. */
export interface RightsWorld {
  siteId: string;
  /** Ada's active chat (Ada holds it; Ben does not). */
  conversationId: string;
  visitorId: string;
  postId: string;
  commentId: string;
  /** Ada's personal canned answer. */
  cannedId: string;
  /** Ada. */
  userId: string;
  rewardId: string;
  redemptionId: string;
  /** A community mission a person checks, joined by Ada. */
  missionId: string;
  /** Ada's evidence for it, waiting for a manager. */
  evidenceId: string;
  /** A product test with a feedback form; Ada has a seat. */
  eventId: string;
  /** Ben's report of Ada's comment. */
  reportId: string;
  /** A ban of a second visitor. */
  banId: string;
  /** An application to help on shop-a. */
  applicationId: string;
  /** An image Ada uploaded for a post. */
  imageId: string;
  /** Ada's socket, still connected: the state probes read through it. */
  ada: HelperSocket;
  /** Mo's (shop-a's manager) and Bea's (shop-b's helper) sockets, still connected. */
  mo: HelperSocket;
  bea: HelperSocket;
  /** The socket of the visitor Ada is chatting with. */
  visitor: VisitorSocket;
  /** Shop-b's own things: aimed at through shop-a's addresses, they must be as missing there. */
  b: { conversationId: string; visitorId: string; postId: string; userId: string };
}

/** Builds the world through the real API, as the people themselves would. */
export async function buildRightsWorld(base: string): Promise<RightsWorld> {
  const call = signedInCaller(() => base);
  const chat = await takenChat(base, USERS.helperA1.email, 'Which size for a 95 cm chest?');
  const ada = chat.helper.socket;
  const siteId = chat.helper.siteId;
  const { post } = await ok<{ post: FeedPost }>(ada, 'feed:post', { siteId, clientId: clientId(), text: 'Welcome, everyone!' });
  const { comment } = await ok<{ comment: FeedComment }>(ada, 'feed:comment', { postId: post.id, clientId: clientId(), text: 'First!' });
  const { answer } = await ok<{ answer: { id: string } }>(ada, 'canned:save', { siteId, scope: 'mine', shortcut: 'size', text: 'Our sizes run true.' });
  const mo = await connectHelper(base, USERS.moderatorA.email);
  await ok(mo.socket, 'points:adjust', { siteId, userId: chat.helper.me.user.id, points: 5, note: 'Welcome', clientId: clientId() });
  const { reward } = await ok<{ reward: { id: string } }>(mo.socket, 'reward:save', {
    siteId,
    name: 'Stickers',
    description: '',
    cost: 1,
    stock: null,
    active: true,
  });
  const { redemption } = await ok<{ redemption: { id: string } }>(ada, 'redemption:request', { rewardId: reward.id });
  const { mission } = await ok<{ mission: { id: string } }>(mo.socket, 'mission:save', {
    siteId,
    title: 'Write a sizing guide',
    why: 'Visitors ask about sizes every day.',
    startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    scope: 'community',
    goal: { kind: 'checked', target: 1 },
    rewardPoints: 10,
    rewardBadge: null,
  });
  await ok(ada, 'mission:respond', { missionId: mission.id, response: 'join' });
  const { evidence } = await ok<{ evidence: { id: string } }>(ada, 'evidence:submit', { missionId: mission.id, text: 'The guide is in the shared drive.' });
  const { event } = await ok<{ event: { id: string } }>(mo.socket, 'event:save', {
    siteId,
    kind: 'product_test',
    title: 'Test the new jacket',
    description: '',
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 21 * 86_400_000).toISOString(),
    place: '',
    link: '',
    capacity: 5,
    audience: { kind: 'everyone' },
    guide: 'Wear it in the rain.',
    checkIns: [],
    questions: [{ id: 'q1', label: 'Dry?', kind: 'yesno' }],
    rewardBadge: null,
  });
  await ok(ada, 'event:rsvp', { eventId: event.id, response: 'join' });

  const report = await call<{ report: { id: string } }>('helperA2', 'POST', '/api/reports', { kind: 'comment', targetId: comment.id, reason: 'Rude' });
  if (report.status !== 200) throw new Error(`report: ${report.status} ${report.text}`);

  // A second visitor, whose waiting chat a manager bans.
  const other = await connectVisitor(base, { siteKey: 'shop-a', origin: ORIGIN_A });
  const { conversation: second } = await ok<{ conversation: Conversation }>(other.socket, 'conversation:start', {
    clientId: clientId(),
    text: 'Buy cheap watches',
  });
  const ban = await call<{ ban: { id: string } }>('moderatorA', 'POST', `/api/sites/${siteId}/bans`, {
    conversationId: second.id,
    duration: '1d',
    reason: 'Spam',
    blockAddress: false,
  });
  if (ban.status !== 200) throw new Error(`ban: ${ban.status} ${ban.text}`);

  const applied = await fetch(`${base}/api/join/shop-a`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(base).origin },
    body: JSON.stringify({ name: 'Cleo', email: 'cleo@example.com', languages: ['en'], why: 'I know these jackets inside out.' }),
  });
  if (applied.status !== 204) throw new Error(`apply: ${applied.status} ${await applied.text()}`);
  const apps = await call<{ items: { id: string }[] }>('moderatorA', 'GET', `/api/sites/${siteId}/applications`);

  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#2f6f4f' } })
    .png()
    .toBuffer();
  const image = await fetch(`${base}/api/sites/${siteId}/images`, {
    method: 'POST',
    headers: { cookie: chat.helper.cookie, origin: new URL(base).origin, [CSRF_HEADER]: chat.helper.me.csrfToken, 'content-type': 'image/png' },
    body: png,
  });
  if (image.status !== 201) throw new Error(`image: ${image.status} ${await image.text()}`);

  // Shop-b: Bea takes a chat of her own site's visitor and posts on its feed.
  const bea = await connectHelper(base, USERS.helperB1.email);
  const visitorB = await connectVisitor(base, { siteKey: 'shop-b', origin: ORIGIN_B });
  const { conversation: chatB } = await ok<{ conversation: Conversation }>(visitorB.socket, 'conversation:start', {
    clientId: clientId(),
    text: 'Do you ship to Spain?',
  });
  await ok(bea.socket, 'conversation:claim', { conversationId: chatB.id });
  const { post: postB } = await ok<{ post: FeedPost }>(bea.socket, 'feed:post', { siteId: bea.siteId, clientId: clientId(), text: 'Hello from shop-b' });

  return {
    siteId,
    conversationId: chat.conversation.id,
    visitorId: chat.visitor.visitorId,
    postId: post.id,
    commentId: comment.id,
    cannedId: answer.id,
    userId: chat.helper.me.user.id,
    rewardId: reward.id,
    redemptionId: redemption.id,
    missionId: mission.id,
    evidenceId: evidence.id,
    eventId: event.id,
    reportId: report.data.report.id,
    banId: ban.data.ban.id,
    applicationId: apps.data.items[0]!.id,
    imageId: ((await image.json()) as { id: string }).id,
    ada,
    mo: mo.socket,
    bea: bea.socket,
    visitor: chat.visitor.socket,
    b: { conversationId: chatB.id, visitorId: visitorB.visitorId, postId: postB.id, userId: bea.me.user.id },
  };
}
