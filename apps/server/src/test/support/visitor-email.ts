import type { ParsedMail } from 'mailparser';
import type { Inbox } from './smtp.ts';

export const CONFIRM_SUBJECT_SHOP_A = 'Confirm your email for the Shop A community';

/** The token of a confirmation mail's link (`…/backoffice/confirm-email#<token>`). */
export function confirmationToken(mail: ParsedMail): string {
  const token = /\/backoffice\/confirm-email#([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation link in: ${mail.text}`);
  return token;
}

/** Uses a confirmation link as its page does: the token in a POST body, from Tribu's own origin. */
export function confirmEmail(base: string, token: string): Promise<Response> {
  return fetch(`${base}/api/visitor-email/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(base).origin },
    body: JSON.stringify({ token }),
  });
}

/** Waits for the confirmation mail to `address` and confirms it, as the visitor would. */
export async function confirmVisitorEmail(inbox: Inbox, base: string, address: string): Promise<void> {
  const mail = await inbox.mailTo(address);
  if (mail.subject?.startsWith('Confirm your email') !== true) throw new Error(`first mail to ${address} is "${mail.subject}", not a confirmation`);
  const res = await confirmEmail(base, confirmationToken(mail));
  if (res.status !== 200) throw new Error(`confirming ${address}: ${res.status} ${await res.text()}`);
}
