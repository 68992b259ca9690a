/** Size caps enforced by the schemas at the edge; clients use them to refuse early with a reason. */
export const LIMITS = {
  messageText: 2000,
  clientId: 64,
  url: 2048,
  pageTitle: 300,
  displayName: 80,
  email: 254,
  password: 200,
  /** Shortest password accepted when choosing one (sign-in accepts whatever was chosen before). */
  passwordMin: 10,
  siteKey: 64,
  /** Messages returned by one sync request at most; the client asks again from the last seq. */
  syncBatch: 500,
  ratingComment: 1000,
  /** Entries of merchant page context (`Tribu.setContext`) kept per page. */
  contextEntries: 10,
  /** A typing indicator nobody refreshes disappears after this long. */
  typingTtlMs: 6000,
  /** Feed posts and comments. */
  postText: 4000,
  commentText: 1000,
  /** Posts returned by one feed page. */
  feedPage: 20,
  /** Reasons given by moderators, staff flags, hand-offs. */
  reason: 300,
  noteText: 1000,
  bio: 280,
  shortcut: 32,
  cannedText: 2000,
  /** Tags (languages, expertise, topics) a person or request carries at most. */
  tags: 12,
  /** Largest uploaded image (photo or feed image), in bytes, before resizing. */
  imageBytes: 5 * 1024 * 1024,
  /** Largest Socket.IO frame the server accepts, in bytes. */
  maxFrameBytes: 16 * 1024,
} as const;
