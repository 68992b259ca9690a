import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

declare global {
  interface Window {
    Tribu?: {
      setLocale(l: string): void;
      setContext(c: Record<string, string | number>): void;
      on(e: string, fn: (d?: unknown) => void): () => void;
      open(): void;
      destroy(): void;
    };
    seen?: string[];
  }
}

describe.skipIf(!hasChromium)('the widget JavaScript API and languages', () => {
  const s = useScenario();
  beforeAll(async () => {
    await signIn(s.helper, s.server.url, 'helper3@demo.tribu');
  });

  it('switches the launcher and the chat to French with Tribu.setLocale()', async () => {
    await s.visitor.goto(`${s.server.url}/demo`);
    await s.visitor.getByRole('button', { name: 'Chat with the community' }).waitFor();
    await s.visitor.evaluate(() => window.Tribu!.setLocale('fr'));
    await s.visitor.getByRole('button', { name: 'Discuter avec la communauté' }).click();
    await s.visitor.getByText('Un membre de la communauté va vous répondre').waitFor();
    await s.visitor.getByRole('textbox', { name: 'Votre message' }).waitFor();
    await screenshot(s.visitor, 'visitor-french');
  });

  it('reports messages to Tribu.on() listeners and shows setContext() data to the helper', async () => {
    await s.visitor.evaluate(() => {
      window.seen = [];
      window.Tribu!.on('message', (m) => window.seen!.push((m as { text: string }).text));
      window.Tribu!.setContext({ cart: '189 EUR', plan: 'member' });
    });
    await s.visitor.getByRole('textbox', { name: 'Votre message' }).fill('La veste taille-t-elle petit ?');
    await s.visitor.getByRole('button', { name: 'Envoyer' }).click();
    await s.helper.getByRole('button', { name: /Take request: La veste/ }).click();
    await s.helper.getByRole('region', { name: 'Chat' }).getByText('cart: 189 EUR').waitFor();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Non, elle taille normalement.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await s.visitor.getByRole('log', { name: 'Conversation' }).getByText('elle taille normalement').waitFor();
    await expect.poll(() => s.visitor.evaluate(() => window.seen)).toContain('Non, elle taille normalement.');
  });

  it('removes every trace from the page with Tribu.destroy()', async () => {
    await s.visitor.evaluate(() => window.Tribu!.destroy());
    await expect.poll(() => s.visitor.evaluate(() => document.querySelectorAll('tribu-widget').length)).toBe(0);
    await expect.poll(() => s.visitor.evaluate(() => typeof window.Tribu)).toBe('undefined');
  });
});
