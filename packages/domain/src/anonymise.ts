// Order matters: e-mails and links first, so their digits are not taken for phone numbers.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
// A run of digits with the usual separators; kept only when it holds enough digits to be a phone number.
const PHONE_LIKE = /(?:\+|\b00)?\(?\d[\d\s().-]{5,}\d/g;
const MIN_PHONE_DIGITS = 8;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const scrubPhone = (m: string) => (ISO_DATE.test(m) || m.replace(/\D/g, '').length < MIN_PHONE_DIGITS ? m : '[phone]');

/**
 * Scrubs what could identify a visitor before their question is shown to the community:
 * e-mail addresses, links and phone numbers become `[email]`, `[link]`, `[phone]`.
 */
export function anonymise(text: string): string {
  return text.replace(EMAIL, '[email]').replace(URL_LIKE, '[link]').replace(PHONE_LIKE, scrubPhone);
}
