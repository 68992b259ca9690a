import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@tribu/db';
import { CSRF_HEADER, type Notification } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { connectHelper, login, next, send, takenChat } from './support/clients.ts';
import { PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';

describe.skipIf(!hasPostgres)('the server speaks the person’s language', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ SMTP_URL: inbox.url, MAIL_FROM: 'Tribu <no-reply@tribu.test>' }) });

  const choose = (email: string, locale: 'en' | 'fr' | 'es' | null) => t.server.db.db.update(users).set({ locale }).where(eq(users.email, email));

  /** A signed-in person's HTTP call, with the Accept-Language their browser (or backoffice) sends. */
  async function as(email: string, acceptLanguage?: string) {
    const { cookie, me } = await login(t.server.url, email);
    return (method: string, path: string, body?: unknown) =>
      fetch(`${t.server.url}${path}`, {
        method,
        headers: {
          cookie,
          origin: new URL(t.server.url).origin,
          [CSRF_HEADER]: me.csrfToken,
          ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  }
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it('answers a French-profile helper’s HTTP errors in French, an AppError and a validation error alike, whatever the browser asks', async () => {
    await choose(USERS.helperA1.email, 'fr');
    const call = await as(USERS.helperA1.email, 'en-GB,en;q=0.9');
    const wrong = await call('POST', '/api/profile/password', { current: 'not my password', next: 'a much longer passphrase' });
    expect([wrong.status, await errorOf(wrong)]).toEqual([403, { code: 'forbidden', message: 'Ton mot de passe actuel n’est pas le bon' }]);
    const short = await call('POST', '/api/profile/password', { current: PASSWORD, next: 'short' });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).message).toBe('next\u00a0: Choisis un mot de passe d’au moins 10 caractères');
  });

  it('answers in English for an English profile, and by Accept-Language for someone signed out', async () => {
    await choose(USERS.helperA2.email, 'en');
    const call = await as(USERS.helperA2.email, 'fr');
    const wrong = await call('POST', '/api/profile/password', { current: 'not my password', next: 'a much longer passphrase' });
    expect((await errorOf(wrong)).message).toBe('Your current password is not right');
    const signIn = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.server.url, 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' },
      body: JSON.stringify({ email: USERS.helperA2.email, password: 'not the password' }),
    });
    expect([signIn.status, (await errorOf(signIn)).message]).toEqual([401, 'Correo o contraseña incorrectos']);
    const unknownRoute = await fetch(`${t.server.url}/api/nothing-here`, { headers: { 'accept-language': 'fr' } });
    expect((await errorOf(unknownRoute)).message).toBe('Aucune route GET /api/nothing-here');
  });

  it('answers a French-profile helper’s socket commands with French ack errors (validation and refusals)', async () => {
    await choose(USERS.helperA1.email, 'fr');
    const a1 = await connectHelper(t.server.url, USERS.helperA1.email);
    const invalid = await send(a1.socket, 'message:send', { conversationId: 'not-an-id', clientId: 'c1', text: 'Bonjour' });
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.error.message).toMatch(/^Données de message:send invalides — conversationId\u00a0: /);
    const refused = await send(a1.socket, 'conversation:claim', { conversationId: '00000000-0000-4000-8000-000000000000' });
    expect(refused).toEqual({ ok: false, error: { code: 'not_found', message: 'Conversation introuvable' } });
    const unknown = await send(a1.socket, 'nothing:here', {});
    expect(!unknown.ok && unknown.error.message).toBe('Événement inconnu nothing:here');
    // An English profile on the same server keeps English.
    await choose(USERS.helperA2.email, 'en');
    const a2 = await connectHelper(t.server.url, USERS.helperA2.email);
    expect(await send(a2.socket, 'conversation:claim', { conversationId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Conversation not found' },
    });
  });

  it('mails a French-profile helper their password reset in French', async () => {
    await choose(USERS.helperA1.email, 'fr');
    const res = await fetch(`${t.server.url}/api/auth/password/forgot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.server.url, 'accept-language': 'en' },
      body: JSON.stringify({ email: USERS.helperA1.email }),
    });
    expect(res.status).toBe(202);
    const mail = await inbox.mailTo(USERS.helperA1.email);
    expect(mail.subject).toBe('Réinitialise ton mot de passe Tribu');
    expect(mail.text).toContain('Bonjour Ada,');
    expect(mail.text).toContain('Choisir un nouveau mot de passe\u00a0:\nhttp');
    expect(String(mail.html)).toContain('<html lang="fr">');
  });

  it('mails an invitation in the invitee’s language (their account’s choice), and the inviter’s refusals in theirs', async () => {
    await choose(USERS.helperB1.email, 'fr');
    await choose(USERS.adminA.email, 'es');
    const admin = await as(USERS.adminA.email);
    const res = await admin('POST', `/api/sites/${t.server.sites.siteA}/invitations`, { email: USERS.helperB1.email, name: 'Bea', role: 'helper' });
    expect(res.status).toBe(200);
    const mail = await inbox.mailTo(USERS.helperB1.email);
    expect(mail.subject).toBe('Ton invitation dans la communauté de Shop A');
    expect(mail.text).toContain('Al t’invite à rejoindre la communauté de Shop A sur Tribu en tant que bénévole.');
    // The admin reads Spanish: inviting a member again is refused in Spanish.
    const again = await admin('POST', `/api/sites/${t.server.sites.siteA}/invitations`, { email: USERS.helperA2.email, name: 'Ben', role: 'helper' });
    expect([again.status, (await errorOf(again)).message]).toEqual([409, `${USERS.helperA2.email} ya es miembro de Shop A`]);
  });

  it('words a notification in its French-profile recipient’s language when it is made', async () => {
    await choose(USERS.helperA1.email, 'fr');
    await choose(USERS.helperA2.email, 'en');
    const { helper: a2, conversation } = await takenChat(t.server.url, USERS.helperA2.email, 'Do you ship to Lyon?');
    const a1 = await connectHelper(t.server.url, USERS.helperA1.email);
    const notified = next<Notification>(a1.socket, 'notification:created', (n) => n.kind === 'handoff');
    expect((await send(a2.socket, 'handoff:offer', { conversationId: conversation.id, toUserId: a1.me.user.id })).ok).toBe(true);
    expect((await notified).text).toBe('Ben aimerait que tu reprennes une conversation\u00a0: «\u00a0Do you ship to Lyon?\u00a0»');
  });

  it('writes CSV headers in the requester’s language (Spanish by Accept-Language)', async () => {
    await choose(USERS.adminA.email, null);
    const admin = await as(USERS.adminA.email, 'es-ES,es;q=0.9');
    const res = await admin('GET', `/api/sites/${t.server.sites.siteA}/ledger.csv`);
    expect(res.status).toBe(200);
    const [header] = parse(await res.text()) as string[][];
    expect(header).toEqual(['fecha', 'miembro', 'puntos', 'motivo', 'nota', 'conversación', 'por']);
    const english = await (await as(USERS.adminA.email, 'en'))('GET', `/api/sites/${t.server.sites.siteA}/ledger.csv`);
    expect((parse(await english.text()) as string[][])[0]).toEqual(['date', 'member', 'points', 'reason', 'note', 'conversation', 'by']);
  });
  it('serves the “we miss you” unsubscribe page in the person’s language, with its lang attribute', async () => {
    await choose(USERS.helperA1.email, 'fr');
    const [a1] = await t.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, USERS.helperA1.email));
    const page = await fetch(`${t.server.url}/api/reengagement/unsubscribe?site=${t.server.sites.siteA}&user=${a1!.id}&token=${'x'.repeat(43)}`, {
      headers: { 'accept-language': 'en' },
    });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Ce lien n’est pas valide');
  });
});
