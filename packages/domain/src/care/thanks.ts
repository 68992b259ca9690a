import { anonymise } from '../anonymise.ts';

/** Longest text a thank-you card keeps, in characters. */
export const THANKS_MAX_CHARS = 500;
/** Fewest stars for which the visitor is offered to thank the helper publicly. */
export const THANKS_MIN_RATING = 4;

/** A card is made only with the visitor's explicit consent, for 4–5 stars with a comment. */
export function thanksEligible(rating: number, comment: string | null | undefined, consent: boolean | undefined): boolean {
  return consent === true && rating >= THANKS_MIN_RATING && (comment ?? '').trim().length > 0;
}

/**
 * The words shown on the card: anything that could identify the visitor scrubbed (e-mails, links,
 * phone numbers), white space tidied, bounded to THANKS_MAX_CHARS with an ellipsis.
 */
export function thanksCardText(comment: string): string {
  const text = anonymise(comment)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length <= THANKS_MAX_CHARS ? text : `${text.slice(0, THANKS_MAX_CHARS - 1).trimEnd()}…`;
}
