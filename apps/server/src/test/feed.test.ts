import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { users } from '@tribu/db';
import { CSRF_HEADER, LIMITS, type Conversation, type FeedComment, type FeedPost, type Notification } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, login, next, ok, send, type HelperSocket } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

type Listed = { pinned: FeedPost[]; posts: FeedPost[]; nextBefore: string | null };

describe.skipIf(!hasPostgres)('community feed', () => {
  const t = usePostgresServer();
  // One signed-in socket and one HTTP login per person for the whole file: logins are rate limited per account.
  const sockets = new Map<string, ReturnType<typeof connectHelper>>();
  const helper = (email: string) => {
    if (!sockets.has(email)) sockets.set(email, connectHelper(t.server.url, email));
    return sockets.get(email)!;
  };
  const logins = new Map<string, ReturnType<typeof login>>();
  const post = async (socket: HelperSocket, siteId: string, text: string, extra: Record<string, unknown> = {}) =>
    (await ok<{ post: FeedPost }>(socket, 'feed:post', { siteId, clientId: clientId(), text, ...extra })).post;

  /** A signed-in person's HTTP client with cookie, CSRF token and same-origin header. */
  async function http(email: string) {
    if (!logins.has(email)) logins.set(email, login(t.server.url, email));
    const { cookie, me } = await logins.get(email)!;
    const origin = new URL(t.server.url).origin;
    return (method: string, path: string, body?: Buffer, type = 'image/png') =>
      fetch(`${t.server.url}${path}`, {
        method,
        headers: { cookie, origin, [CSRF_HEADER]: me.csrfToken, ...(body ? { 'content-type': type } : {}) },
        body: body ? new Uint8Array(body) : undefined,
      });
  }

  it('lists each post with its three latest comments, oldest first', async () => {
    const ada = await helper(USERS.helperA1.email);
    const busy = await post(ada.socket, ada.siteId, 'Five comments coming');
    const quiet = await post(ada.socket, ada.siteId, 'One comment coming');
    for (const n of [1, 2, 3, 4, 5]) await ok(ada.socket, 'feed:comment', { postId: busy.id, clientId: clientId(), text: `c${n}` });
    await ok(ada.socket, 'feed:comment', { postId: quiet.id, clientId: clientId(), text: 'only one' });
    const listed = await ok<Listed>(ada.socket, 'feed:list', { siteId: ada.siteId });
    const byId = new Map(listed.posts.map((p) => [p.id, p]));
    expect(byId.get(busy.id)).toMatchObject({ commentCount: 5 });
    expect(byId.get(busy.id)!.comments.map((c) => c.text)).toEqual(['c3', 'c4', 'c5']);
    expect(byId.get(quiet.id)!.comments.map((c) => c.text)).toEqual(['only one']);
  });

  it('delivers a post, a comment and a like live to another helper of the site', async () => {
    const ada = await helper(USERS.helperA1.email);
    const ben = await helper(USERS.helperA2.email);
    const created = next<FeedPost>(ben.socket, 'feed:created');
    const mine = await post(ada.socket, ada.siteId, 'Who has tried the new Summit jacket in the rain?');
    expect((await created).id).toBe(mine.id);

    const commented = next<FeedComment>(ada.socket, 'feed:commented');
    const counted = next<FeedPost>(ada.socket, 'feed:updated', (p) => p.id === mine.id && p.commentCount === 1);
    await ok(ben.socket, 'feed:comment', { postId: mine.id, clientId: clientId(), text: 'Yes, dry after 3 hours!' });
    expect((await commented).text).toBe('Yes, dry after 3 hours!');
    await counted;

    const liked = next<FeedPost>(ada.socket, 'feed:updated', (p) => p.id === mine.id && p.likeCount === 1);
    await ok(ben.socket, 'feed:like', { postId: mine.id, liked: true });
    await liked;
    const listed = await ok<Listed>(ben.socket, 'feed:list', { siteId: ben.siteId });
    expect(listed.posts[0]).toMatchObject({ id: mine.id, liked: true, likeCount: 1, commentCount: 1 });
    expect(listed.posts[0]!.comments.map((c) => c.text)).toEqual(['Yes, dry after 3 hours!']);
  });

  it('stores a retried post and comment once (same client id)', async () => {
    const ada = await helper(USERS.helperA1.email);
    const payload = { siteId: ada.siteId, clientId: clientId(), text: 'Once only' };
    const [a, b] = await Promise.all([ok<{ post: FeedPost }>(ada.socket, 'feed:post', payload), ok<{ post: FeedPost }>(ada.socket, 'feed:post', payload)]);
    expect(a.post.id).toBe(b.post.id);
    const c = { postId: a.post.id, clientId: clientId(), text: 'one comment' };
    await Promise.all([ok(ada.socket, 'feed:comment', c), ok(ada.socket, 'feed:comment', c)]);
    const { comments } = await ok<{ comments: FeedComment[] }>(ada.socket, 'feed:comments', { postId: a.post.id });
    expect(comments).toHaveLength(1);
  });

  it('answers a helper of another site exactly as for a missing post', async () => {
    const ada = await helper(USERS.helperA1.email);
    const bea = await helper(USERS.helperB1.email);
    const mine = await post(ada.socket, ada.siteId, 'For shop A only');
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [mine.id, missing]) {
      const attempts = await Promise.all([
        send(bea.socket, 'feed:comment', { postId: id, clientId: clientId(), text: 'hi' }),
        send(bea.socket, 'feed:comments', { postId: id }),
        send(bea.socket, 'feed:like', { postId: id, liked: true }),
        send(bea.socket, 'feed:moderate', { target: 'post', id, action: 'hide', reason: 'x' }),
        send(bea.socket, 'feed:pin', { postId: id, pinned: true }),
      ]);
      for (const r of attempts) expect(r).toEqual({ ok: false, error: { code: 'not_found', message: 'Post not found' } });
    }
    const list = await send(bea.socket, 'feed:list', { siteId: ada.siteId });
    expect(list).toEqual({ ok: false, error: { code: 'not_found', message: 'Feed not found' } });
  });

  it('counts a flood of likes from one person as one like', async () => {
    const ada = await helper(USERS.helperA1.email);
    const ben = await helper(USERS.helperA2.email);
    const mine = await post(ada.socket, ada.siteId, 'Like me once');
    await Promise.all(Array.from({ length: 30 }, () => ok(ben.socket, 'feed:like', { postId: mine.id, liked: true })));
    const listed = await ok<Listed>(ada.socket, 'feed:list', { siteId: ada.siteId });
    expect(listed.posts.find((p) => p.id === mine.id)!.likeCount).toBe(1);
    const unliked = await ok<{ likeCount: number }>(ben.socket, 'feed:like', { postId: mine.id, liked: false });
    expect(unliked.likeCount).toBe(0);
  });

  it('refuses a post over the size limit with a clear message', async () => {
    const ada = await helper(USERS.helperA1.email);
    const r = await send(ada.socket, 'feed:post', { siteId: ada.siteId, clientId: clientId(), text: 'x'.repeat(LIMITS.postText + 1) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'bad_request', message: expect.stringContaining(`at most ${LIMITS.postText} characters`) });
  });

  it('refuses an upload that is not an image and keeps a real one resized, readable by members only', async () => {
    const ada = await http(USERS.helperA1.email);
    const { siteA } = t.server.sites;
    const junk = await ada('POST', `/api/sites/${siteA}/images`, Buffer.from('<svg>not really</svg>'));
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: { message: string } }).error.message).toBe('That file is not an image (JPEG, PNG, WebP or GIF)');

    const png = await sharp({ create: { width: 3200, height: 1000, channels: 3, background: '#2f6f4f' } })
      .png()
      .toBuffer();
    const res = await ada('POST', `/api/sites/${siteA}/images`, png);
    expect(res.status).toBe(201);
    const img = (await res.json()) as { id: string; url: string; width: number; height: number };
    expect(img).toMatchObject({ width: 1600, height: 500, url: `/api/images/${img.id}` });

    const read = await (await http(USERS.helperA2.email))('GET', img.url);
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('private, max-age=86400');
    expect((await sharp(Buffer.from(await read.arrayBuffer())).metadata()).format).toBe('webp');
    const bea = await http(USERS.helperB1.email);
    expect((await bea('GET', img.url)).status).toBe(404);
    expect((await bea('POST', `/api/sites/${siteA}/images`, png)).status).toBe(404);
    expect((await fetch(`${t.server.url}${img.url}`)).status).toBe(401);

    const s = await helper(USERS.helperA1.email);
    const withImage = await post(s.socket, s.siteId, 'Look at this', { imageId: img.id });
    expect(withImage.imageUrl).toBe(img.url);
  });

  it('notifies a mentioned member, with the post as the link', async () => {
    const ada = await helper(USERS.helperA1.email);
    const ben = await helper(USERS.helperA2.email);
    const pinged = next<Notification>(ben.socket, 'notification:created');
    const mine = await post(ada.socket, ada.siteId, 'What do you think, @ben?');
    expect(await pinged).toMatchObject({ kind: 'mention', link: { postId: mine.id }, actor: { displayName: 'Ada' } });
  });

  it('pages older posts by `before`, newest first, and refuses a cursor from another site', async () => {
    const mo = await helper(USERS.moderatorA.email);
    const bea = await helper(USERS.helperB1.email);
    for (let i = 0; i < LIMITS.feedPage + 2; i++) await post(bea.socket, bea.siteId, `B post ${i}`);
    const first = await ok<Listed>(bea.socket, 'feed:list', { siteId: bea.siteId });
    expect(first.posts).toHaveLength(LIMITS.feedPage);
    expect(first.posts[0]!.text).toBe(`B post ${LIMITS.feedPage + 1}`);
    const second = await ok<Listed>(bea.socket, 'feed:list', { siteId: bea.siteId, before: first.nextBefore });
    expect(second.posts.map((p) => p.text)).toEqual(['B post 1', 'B post 0']);
    expect(second.nextBefore).toBeNull();
    const foreign = await send(mo.socket, 'feed:list', { siteId: mo.siteId, before: first.nextBefore });
    expect(foreign).toEqual({ ok: false, error: { code: 'not_found', message: 'Post not found' } });
  });

  it('tells a post author about a comment, and respects a member who turned mention pings off', async () => {
    const ada = await helper(USERS.helperA1.email);
    const ben = await helper(USERS.helperA2.email);
    const mine = await post(ada.socket, ada.siteId, 'Rain test tomorrow');
    const told = next<Notification>(ada.socket, 'notification:created');
    await ok(ben.socket, 'feed:comment', { postId: mine.id, clientId: clientId(), text: 'Count me in' });
    expect(await told).toMatchObject({ kind: 'comment', link: { postId: mine.id }, actor: { displayName: 'Ben' } });

    await t.server.db.db
      .update(users)
      .set({ notifyPrefs: { mentions: false } })
      .where(eq(users.email, USERS.helperA2.email));
    let pinged = false;
    const onPing = () => (pinged = true);
    ben.socket.on('notification:created', onPing);
    const mo = await helper(USERS.moderatorA.email);
    const moPinged = next<Notification>(mo.socket, 'notification:created', (n) => n.kind === 'mention');
    await ok(ada.socket, 'feed:comment', { postId: mine.id, clientId: clientId(), text: '@Ben and @mo, ready?' });
    await moPinged;
    ben.socket.off('notification:created', onPing);
    expect(pinged).toBe(false);
    await t.server.db.db.update(users).set({ notifyPrefs: {} }).where(eq(users.email, USERS.helperA2.email));
  });

  it('lets only moderators announce, pin and moderate; the author sees the reason', async () => {
    const ada = await helper(USERS.helperA1.email);
    const ben = await helper(USERS.helperA2.email);
    const mo = await helper(USERS.moderatorA.email);
    const mine = await post(ada.socket, ada.siteId, 'Something off-topic');
    const refusals = await Promise.all([
      send(ben.socket, 'feed:post', { siteId: ben.siteId, clientId: clientId(), text: 'News', announcement: true }),
      send(ben.socket, 'feed:pin', { postId: mine.id, pinned: true }),
      send(ben.socket, 'feed:moderate', { target: 'post', id: mine.id, action: 'hide', reason: 'no' }),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const news = await post(mo.socket, mo.siteId, 'Summer sale starts Monday', { announcement: true });
    expect(news).toMatchObject({ kind: 'announcement', pinned: true });
    expect((await ok<Listed>(ada.socket, 'feed:list', { siteId: ada.siteId })).pinned[0]!.id).toBe(news.id);

    expect(await send(mo.socket, 'feed:moderate', { target: 'post', id: mine.id, action: 'hide' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const removed = next<{ postId: string }>(ben.socket, 'feed:removed');
    const told = next<Notification>(ada.socket, 'notification:created', (n) => n.kind === 'moderation');
    await ok(mo.socket, 'feed:moderate', { target: 'post', id: mine.id, action: 'hide', reason: 'Please keep it about the brand' });
    expect((await removed).postId).toBe(mine.id);
    expect((await told).text).toContain('Please keep it about the brand');
    const forAda = await ok<Listed>(ada.socket, 'feed:list', { siteId: ada.siteId });
    expect(forAda.posts.find((p) => p.id === mine.id)!.moderation).toMatchObject({ action: 'hidden', reason: 'Please keep it about the brand' });
    expect((await ok<Listed>(ben.socket, 'feed:list', { siteId: ben.siteId })).posts.some((p) => p.id === mine.id)).toBe(false);
    expect(await send(ben.socket, 'feed:like', { postId: mine.id, liked: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const back = next<FeedPost>(ben.socket, 'feed:created', (p) => p.id === mine.id);
    await ok(mo.socket, 'feed:moderate', { target: 'post', id: mine.id, action: 'restore' });
    expect((await back).moderation).toBeNull();
  });

  it('hides a comment from others and from the count, shows it to its author with the reason', async () => {
    const ada = await helper(USERS.helperA1.email);
    const ben = await helper(USERS.helperA2.email);
    const mo = await helper(USERS.moderatorA.email);
    const mine = await post(ada.socket, ada.siteId, 'Best wax for boots?');
    const { comment } = await ok<{ comment: FeedComment }>(ben.socket, 'feed:comment', {
      postId: mine.id,
      clientId: clientId(),
      text: 'Buy it elsewhere, cheaper',
    });
    const gone = next<{ postId: string; commentId?: string }>(ada.socket, 'feed:removed');
    const res = await ok<{ post: FeedPost }>(mo.socket, 'feed:moderate', {
      target: 'comment',
      id: comment.id,
      action: 'delete',
      reason: 'No competitor links',
    });
    expect(res.post.commentCount).toBe(0);
    expect(await gone).toEqual({ postId: mine.id, commentId: comment.id });
    const forAda = await ok<{ comments: FeedComment[] }>(ada.socket, 'feed:comments', { postId: mine.id });
    expect(forAda.comments).toEqual([]);
    const forBen = await ok<{ comments: FeedComment[] }>(ben.socket, 'feed:comments', { postId: mine.id });
    expect(forBen.comments[0]!.moderation).toMatchObject({ action: 'deleted', reason: 'No competitor links' });
    const bea = await helper(USERS.helperB1.email);
    const foreign = await send(bea.socket, 'feed:moderate', { target: 'comment', id: comment.id, action: 'restore' });
    expect(foreign).toEqual({ ok: false, error: { code: 'not_found', message: 'Comment not found' } });
  });

  it('lets only the helper holding the chat ask the room, with the email scrubbed', async () => {
    const ada = await helper(USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Does it fit?' });
    await ok(ada.socket, 'conversation:claim', { conversationId: conversation.id });
    const ben = await helper(USERS.helperA2.email);
    const text = 'Visitor (jo@example.com) asks: does the Summit run small?';
    const refused = await send(ben.socket, 'feed:ask', { conversationId: conversation.id, clientId: clientId(), text });
    expect(refused).toEqual({ ok: false, error: { code: 'not_found', message: 'Conversation not found' } });
    const bea = await helper(USERS.helperB1.email);
    expect(await send(bea.socket, 'feed:ask', { conversationId: conversation.id, clientId: clientId(), text })).toEqual(refused);

    const seen = next<FeedPost>(ben.socket, 'feed:created');
    const { post: asked } = await ok<{ post: FeedPost }>(ada.socket, 'feed:ask', { conversationId: conversation.id, clientId: clientId(), text });
    expect(asked).toMatchObject({ kind: 'ask', conversationId: conversation.id, text: 'Visitor ([email]) asks: does the Summit run small?' });
    expect((await seen).text).not.toContain('jo@example.com');
  });
});
