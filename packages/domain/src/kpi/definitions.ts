/** A full-time job, in hours a week: the yardstick for "full-time equivalents". */
export const FULL_TIME_HOURS_PER_WEEK = 35;

/**
 * What each figure means, in one sentence a manager can read as a hint beside it. The server
 * computes exactly this; the fixture month of the tests is designed from these words.
 */
export const KPI_DEFINITIONS = {
  requests: 'Conversations started by visitors in the period.',
  answered: 'Requests that got a first answer from a helper.',
  missed: 'Requests nobody took, which the visitor did not close.',
  abandoned: 'The visitor left before any answer.',
  answerRate: 'Answered ÷ requests.',
  firstAnswer: 'Time from the question to the first answer of a helper (median; p90: 9 in 10 answered faster).',
  chatDuration: 'From the moment a helper took the chat to its end, for answered chats that ended (median).',
  chatHours: `Sum of the durations of answered chats; FTE = chat hours ÷ (${FULL_TIME_HOURS_PER_WEEK} h × weeks in the period).`,
  rating: 'Average stars given by visitors, and how many of the answered chats were rated.',
  activeHelpers: 'Members who answered at least one chat in the period.',
  newHelpers: 'Helpers who joined the community in the period.',
  inactiveHelpers: 'Helpers with no answered chat in the period: a friendly word may bring them back — no pressure, helping is voluntary.',
  heatmap:
    'Requests per hour of the week (site time) against the average number of helpers online; a gap is an hour with requests while, on average, nobody was online for most of it (under 0.5 helpers).',
  sales:
    'Purchases the merchant reported (from the page or its server) that happened in the period; refunded orders count nowhere; money is summed per currency, never across.',
  salesAll: 'Every purchase reported in the period, refunds left out; without a chat = all orders not assisted.',
  salesAssisted:
    'Orders in the period whose visitor had a chat answered on this site in the days before (the site’s window, 7 by default); revenue summed per currency; share = assisted ÷ all reported orders.',
  salesReferred: 'Orders in the period that named an active referral code of a helper, with or without a chat; share = referred ÷ all reported orders.',
  salesConversion: 'Visitors whose chat was answered in the period and who made an assisted purchase in it ÷ visitors whose chat was answered in the period.',
  salesAverageOrder: 'Revenue ÷ orders, per currency: orders assisted by a chat against all the others. Refunded orders count nowhere.',
  salesPerChatHour: 'Assisted revenue ÷ chat hours of the period (the chat hours above), per currency.',
  salesByProduct:
    'Products by the name the shop gave in the order’s items: orders that had each, and how many of them were assisted by a chat (amounts per product are not reported).',
  salesByTopic: 'Assisted orders by the topics of the chat they are credited to, revenue per currency; a chat with two topics counts in both.',
  salesPerHelper: 'Orders credited to each helper: assisted (they gave the last answered chat before the purchase) and referred (their code).',
  perHelper:
    'Chats answered, average rating, median first answer, chat hours, hours online and points earned in the period; last seen is the latest minute online.',
} as const;

export type KpiDefinitionKey = keyof typeof KPI_DEFINITIONS;
