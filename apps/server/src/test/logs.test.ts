import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@tribu/db';
import { CSRF_HEADER, PROTOCOL_VERSION, type Conversation, type InvitationSent } from '@tribu/protocol';
import { io } from 'socket.io-client';
import { closeAllSockets, clientId, connectHelper, connectVisitor, login, ok, refusal } from './support/clients.ts';
import { createTestDatabase } from './support/database.ts';
import { ORIGIN_A, PASSWORD, USERS, seedFixtures } from './support/fixtures.ts';
import { startNode, type NodeProcess } from './support/process.ts';
import { hasPostgres } from './support/services.ts';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real process at each log level runs the flows that handle secrets; afterwards nothing secret
 * may be found in what it printed: no message text, password, token, cookie or mail address.
 */
describe.skipIf(!hasPostgres)('logs hold no secrets', () => {
  // A mail server that takes mail, except for `reject-…` recipients, refused the way real ones do:
  // with the address in the error text (which then reaches the "mail not sent" warning).
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('reject-')) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      }
      received.push(address.address);
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('end', () => callback());
      stream.resume();
    },
  });
  let smtpUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  const dbs: (() => Promise<void>)[] = [];
  const nodes: NodeProcess[] = [];

  afterAll(async () => {
    closeAllSockets();
    await Promise.all(nodes.map((n) => n.stop()));
    for (const drop of dbs) await drop();
  });

  async function nodeAt(level: string): Promise<NodeProcess> {
    const database = await createTestDatabase();
    dbs.push(database.drop);
    const db = await createDb({ databaseUrl: database.url });
    await seedFixtures(db.db);
    await db.close();
    const node = await startNode({
      DATABASE_URL: database.url,
      SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: level,
      SMTP_URL: smtpUrl,
    });
    nodes.push(node);
    return node;
  }

  /** Every flow that touches a secret; returns the secrets it saw, by name. */
  async function runFlows(base: string, tag: string): Promise<Record<string, string>> {
    const secrets: Record<string, string> = { password: PASSWORD };
    const marker = `Secret-marker-${tag}-${randomBytes(4).toString('hex')}`;
    const visitorEmail = `visitor-${tag}@mail.example`;
    const inviteeEmail = `invitee-${tag}@mail.example`;
    const rejectedEmail = `reject-${tag}@mail.example`;
    const wrongPassword = `wrong-password-${tag}-xyz`;
    const newPassword = `new-passphrase-${tag}-long`;
    const joinPassword = `join-passphrase-${tag}-long`;
    Object.assign(secrets, { marker, visitorEmail, inviteeEmail, rejectedEmail, wrongPassword, newPassword, joinPassword });
    for (const u of Object.values(USERS)) secrets[`email ${u.email}`] = u.email;

    // A failed sign-in, a malformed one, then a real one.
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, ...headers }, body: JSON.stringify(body) });
    expect((await post('/api/auth/login', { email: USERS.adminA.email, password: wrongPassword })).status).toBe(401);
    expect((await post('/api/auth/login', { email: `bad-${visitorEmail}@`, password: wrongPassword })).status).toBe(400);
    const helper = await connectHelper(base, USERS.helperA1.email);
    secrets.helperCookie = helper.cookie.split('=')[1]!;
    secrets.helperCsrf = helper.me.csrfToken;

    // A visitor chat: the question leaves an email for an answer; messages both ways carry the marker.
    const visitor = await connectVisitor(base, { siteKey: 'shop-a', origin: ORIGIN_A });
    secrets.visitorToken = visitor.token;
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: `${marker} question`,
      email: visitorEmail,
    });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: `${marker} answer` });
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: `${marker} thanks` });
    // A refused handshake with a forged token.
    const forged = `${Date.now()}.${randomBytes(32).toString('base64url')}`;
    secrets.forgedToken = forged;
    const bad = io(`${base}/visitor`, {
      transports: ['websocket'],
      extraHeaders: { origin: ORIGIN_A },
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', visitorId: visitor.visitorId, token: forged },
      reconnection: false,
      forceNew: true,
    });
    expect((await refusal(bad)).message).toBe('unauthorized');
    await ok(helper.socket, 'conversation:end', { conversationId: conversation.id });

    // An invitation, opened in the browser and accepted with a password.
    const admin = await login(base, USERS.adminA.email);
    secrets.adminCookie = admin.cookie.split('=')[1]!;
    secrets.adminCsrf = admin.me.csrfToken;
    const asAdmin = { cookie: admin.cookie, [CSRF_HEADER]: admin.me.csrfToken };
    const sent = await post(`/api/sites/${admin.me.memberships[0]!.siteId}/invitations`, { email: inviteeEmail, name: 'Invitee', role: 'helper' }, asAdmin);
    expect(sent.status).toBe(200);
    const token = ((await sent.json()) as InvitationSent).link.split('/backoffice/invite/')[1]!;
    secrets.invitationToken = token;
    expect(received).toContain(inviteeEmail); // the invitation answers once the mail server took the mail
    // An invitation the mail server refuses: its error names the address.
    const refused = await post(`/api/sites/${admin.me.memberships[0]!.siteId}/invitations`, { email: rejectedEmail, name: 'Nobody', role: 'helper' }, asAdmin);
    expect(((await refused.json()) as InvitationSent).emailed).toBe(false);
    await (await fetch(`${base}/backoffice/invite/${token}`)).arrayBuffer();
    expect((await post('/api/invitations/preview', { token })).status).toBe(200);
    // An address in a query string (as a manager's privacy search sends it).
    await (
      await fetch(`${base}/api/sites/${admin.me.memberships[0]!.siteId}/audit?email=${encodeURIComponent(visitorEmail)}`, { headers: { cookie: admin.cookie } })
    ).arrayBuffer();
    const accepted = await post('/api/invitations/accept', { token, password: joinPassword, acceptCharter: true });
    expect(accepted.status).toBe(200);
    secrets.joinedCookie = accepted.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!;

    // A password change (and a refused one with a wrong current password).
    const other = await login(base, USERS.helperA2.email);
    secrets.otherCookie = other.cookie.split('=')[1]!;
    const asOther = { cookie: other.cookie, [CSRF_HEADER]: other.me.csrfToken };
    expect((await post('/api/profile/password', { current: wrongPassword, next: newPassword }, asOther)).status).toBe(403);
    expect((await post('/api/profile/password', { current: PASSWORD, next: newPassword }, asOther)).status).toBe(204);
    closeAllSockets();
    return secrets;
  }

  const leaks = (output: string, secrets: Record<string, string>) =>
    Object.entries(secrets)
      .filter(([, value]) => output.includes(value))
      .map(([name]) => name);

  describe.each(['trace', 'info'])('at LOG_LEVEL=%s', (level) => {
    let node: NodeProcess;
    let secrets: Record<string, string>;
    beforeAll(async () => {
      node = await nodeAt(level);
      secrets = await runFlows(node.url, level);
      // Give the process a moment to flush what it logged after the last answer.
      await new Promise((r) => setTimeout(r, 300));
    }, 120_000);

    it('logs the invitation page and the refused mail with token and address masked', () => {
      // The invitation page and the refused mail were logged — masked, which is what the next test checks.
      if (level === 'trace') expect(node.output()).toContain('/backoffice/invite/…');
      expect(node.output()).toMatch(/mail not sent.*r\*\*\*@mail\.example|r\*\*\*@mail\.example.*mail not sent/);
    });

    it('prints no message text, password, session or visitor token, CSRF or invitation token, cookie or mail address', () => {
      expect(leaks(node.output(), secrets)).toEqual([]);
    });
  });
});
