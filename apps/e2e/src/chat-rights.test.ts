import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { launcher, signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const QUESTION = 'Can I return the Ridge boots after wearing them once?';

/**
 * Speaks Socket.IO's wire protocol from inside the page over a plain WebSocket, so the browser sends
 * the helper's own session cookie from the backoffice origin (exactly what the app's socket carries),
 * and returns each command's ack.
 */
async function rawHelperCommands(page: Page, commands: [string, Record<string, unknown>][]): Promise<unknown[]> {
  return page.evaluate(async (cmds) => {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const acks = new Map<number, (v: unknown) => void>();
    const connected = new Promise<void>((resolve, reject) => {
      ws.onmessage = (e) => {
        const data = String(e.data);
        if (data === '2') return ws.send('3'); // engine.io ping → pong
        if (data.startsWith('0')) return ws.send('40/helper,{"protocolVersion":1}');
        if (data.startsWith('40/helper')) return resolve();
        if (data.startsWith('44/helper')) return reject(new Error(data));
        const ack = /^43\/helper,(\d+)(.*)$/.exec(data);
        if (ack) acks.get(Number(ack[1]))?.((JSON.parse(ack[2]!) as unknown[])[0]);
      };
      ws.onerror = () => reject(new Error('websocket error'));
    });
    await connected;
    const out: unknown[] = [];
    for (const [i, [event, payload]] of cmds.entries()) {
      out.push(
        await new Promise((resolve) => {
          acks.set(i + 1, resolve);
          ws.send(`42/helper,${i + 1}${JSON.stringify([event, payload])}`);
        }),
      );
    }
    ws.close();
    return out;
  }, commands);
}

describe.skipIf(!hasChromium)("a helper cannot open another helper's chat", () => {
  const s = useScenario();

  it('shows a clear notice and none of the chat for its address, and the socket answers like a missing chat', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    const jonas = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(jonas, s.server.url, 'helper2@demo.tribu');

    await s.visitor.goto(`${s.server.url}/demo`);
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('button', { name: /Take request: Can I return/ }).click();
    await s.helper.getByRole('log', { name: 'Conversation' }).getByText(QUESTION).waitFor();
    const chatUrl = s.helper.url();
    const id = /\/backoffice\/chats\/([0-9a-f-]{36})$/.exec(chatUrl)?.[1];
    expect(id).toBeTruthy();

    await jonas.goto(chatUrl);
    await jonas.getByRole('heading', { name: "This chat isn't yours or no longer exists" }).waitFor();
    await expect.poll(() => jonas.getByText(QUESTION).count()).toBe(0);
    expect(await jonas.getByRole('log', { name: 'Conversation' }).count()).toBe(0);
    await screenshot(jonas, 'chat-not-yours');

    const missing = '00000000-0000-4000-8000-000000000000';
    const acks = await rawHelperCommands(jonas, [
      ['conversation:fetch', { conversationId: id! }],
      ['message:sync', { conversationId: id!, afterSeq: 0 }],
      ['conversation:details', { conversationId: id! }],
      ['conversation:fetch', { conversationId: missing }],
    ]);
    const notFound = { ok: false, error: { code: 'not_found', message: 'Conversation not found' } };
    expect(acks).toEqual([notFound, notFound, notFound, notFound]);
    expect(JSON.stringify(acks)).not.toContain('Ridge');

    // The same raw socket works for the chat's own helper: the refusal is about rights, not the method.
    const own = (await rawHelperCommands(s.helper, [['message:sync', { conversationId: id!, afterSeq: 0 }]]))[0] as {
      ok: boolean;
      data?: { messages: { text: string }[] };
    };
    expect(own.ok).toBe(true);
    expect(own.data?.messages[0]?.text).toBe(QUESTION);
  });
});
