import { feedComments, feedLikes, feedPosts, type Db } from '@tribu/db';

type Writer = Pick<Db, 'insert'>;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** A few lively posts so the demo's community wall is not empty on first sign-in. */
export async function seedDemoFeed(db: Writer, siteId: string, people: { id: string; email: string }[]): Promise<void> {
  const who = (email: string) => people.find((p) => p.email === email)!.id;
  const morgane = who('manager@demo.tribu');
  const camille = who('helper1@demo.tribu');
  const jonas = who('helper2@demo.tribu');
  const ines = who('helper3@demo.tribu');
  const sam = who('helper4@demo.tribu');
  const [, camillePost] = await db
    .insert(feedPosts)
    .values([
      {
        siteId,
        authorId: morgane,
        kind: 'announcement',
        pinned: true,
        clientId: 'demo-announcement',
        text: 'Welcome to the Alpine Threads community room! The winter collection lands on Monday: the new Summit Jacket comes in 3 colours. Read the size guide before answering fit questions: https://example.com/size-guide',
        createdAt: ago(300),
      },
      {
        siteId,
        authorId: camille,
        clientId: 'demo-camille-1',
        text: 'Back from 4 days on the GR20 in the Summit Jacket: two storms, dry inside both times. If visitors ask about waterproofing, I can vouch for it. @Jonas did you try it ski touring?',
        likeCount: 3,
        commentCount: 2,
        createdAt: ago(95),
      },
      {
        siteId,
        authorId: jonas,
        kind: 'ask',
        clientId: 'demo-jonas-ask',
        text: 'A visitor asks: "I am between M and L in the merino base layer, I am 1.78 m and like it snug for skiing." Which size would you pick?',
        createdAt: ago(12),
      },
    ])
    .returning({ id: feedPosts.id });
  await db.insert(feedComments).values([
    {
      postId: camillePost!.id,
      authorId: jonas,
      clientId: 'demo-c1',
      text: 'Yes! Three days in the Écrins, it breathes well on the way up too.',
      createdAt: ago(80),
    },
    {
      postId: camillePost!.id,
      authorId: morgane,
      clientId: 'demo-c2',
      text: 'Thank you both, that is exactly the kind of first-hand answer visitors love.',
      createdAt: ago(60),
    },
  ]);
  await db.insert(feedLikes).values([jonas, ines, sam].map((userId) => ({ postId: camillePost!.id, userId })));
}
