/** Words only assistive technology hears, and the skip link (../../README.md). */
export const a11y = {
  /** The keyboard's first stop on every signed-in page. */
  skipToMain: 'Skip to main content',
  /** Said politely by the screen reader when a visitor's request reaches the board (the question is on the board, a Tab away). */
  newRequest: (waiting: number) => `New visitor request (${waiting} waiting)`,
  /** Several arrived at once: one announcement, not a flood. */
  newRequests: (count: number, waiting: number) => `${count} new visitor requests (${waiting} waiting)`,
};

export type A11yMessages = typeof a11y;
