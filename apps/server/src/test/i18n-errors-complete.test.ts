import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_TEMPLATES, type ErrorCatalogue } from '../i18n/errors/en.ts';
import { es } from '../i18n/errors/es.ts';
import { fr } from '../i18n/errors/fr.ts';
import { matchError, translateError } from '../i18n/errors/translate.ts';
import { scanErrorMessages } from '../i18n/error-sources.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const scanned = scanErrorMessages([`${root}apps/server/src`, `${root}packages/protocol/src`, `${root}packages/domain/src`], root);

/** A message as the code could send it: each `{}` given a sample value (`⟨1⟩`, `⟨2⟩`, …). */
const sample = (text: string) => {
  let i = 0;
  return text.replace(/\{\}/g, () => `⟨${++i}⟩`);
};
const placeholders = (s: string) => [...s.matchAll(/\{([a-z]+)\}/gi)].map((m) => m[1]).sort();

describe('every error message the server sends has a French and a Spanish wording', () => {
  it('finds the messages of the source (the scan itself works)', () => {
    const texts = new Set(scanned.map((m) => m.text));
    // One of each kind the scan follows: an AppError literal, a template, a constant, a zod message, notFound(), a map.
    expect(texts).toContain('Sign in first');
    expect(texts).toContain('You already have {} chats open; end one to take another');
    expect(texts).toContain("Chat isn't available for you right now.");
    expect(texts).toContain('Give the site a name');
    expect(texts).toContain('Conversation not found');
    expect(texts).toContain('This event is for invited people');
    expect(scanned.length).toBeGreaterThan(250);
  });

  it('matches each message written in apps/server, packages/protocol and packages/domain to a template of the catalogue', () => {
    const missing = scanned.filter((m) => !matchError(sample(m.text))).map((m) => `${m.where}  ${JSON.stringify(m.text)}`);
    // Add the English to i18n/errors/en.ts, then its French and Spanish (typecheck asks for them).
    expect(missing).toEqual([]);
  });

  it('translates each scanned message into French and Spanish (none comes back in English)', () => {
    const english = scanned
      .map((m) => sample(m.text))
      .filter((s) => translateError(s, 'fr') === s || translateError(s, 'es') === s)
      .filter((s) => !['HTTP ⟨1⟩'].includes(s));
    expect(english).toEqual([]);
  });

  it('keeps the placeholders of each template in its string translations', () => {
    for (const [lang, catalogue] of [
      ['fr', fr],
      ['es', es],
    ] as const) {
      for (const template of ERROR_TEMPLATES) {
        const t = (catalogue as ErrorCatalogue)[template];
        if (typeof t === 'string')
          expect(`${lang}: ${template} → ${placeholders(t).join(',')}`).toBe(`${lang}: ${template} → ${placeholders(template).join(',')}`);
      }
    }
  });

  it('writes French with a non-breaking space before : ; ! ? and no ordinary one', () => {
    const bad = Object.entries(fr).filter(([, t]) => typeof t === 'string' && / [:;!?]/.test(t.replace(/Authorization: Bearer/g, '')));
    expect(bad).toEqual([]);
  });
});

describe('translateError', () => {
  it('keeps the values a template carries and translates a nested message', () => {
    expect(translateError('Invalid message:send payload — text: Write something first', 'fr')).toBe(
      'Données de message:send invalides — text\u00a0: Écris d’abord quelque chose',
    );
    expect(translateError('You already have 3 chats open; end one to take another', 'es')).toBe('Ya tienes 3 chats abiertos; termina uno para tomar otro');
  });

  it('elides French before a vowel and agrees plurals', () => {
    expect(translateError('You are already a member of Alpine Threads', 'fr')).toBe('Tu es déjà membre d’Alpine Threads');
    expect(translateError('You are already a member of Shop A', 'fr')).toBe('Tu es déjà membre de Shop A');
    expect(translateError('You need 1 more point for Tote bag', 'fr')).toBe('Il te manque 1 point pour Tote bag');
    expect(translateError('You need 12 more points for Tote bag', 'es')).toBe('Te faltan 12 puntos para Tote bag');
  });

  it("words zod's own default messages", () => {
    expect(translateError('text: Too big: expected string to have <=2000 characters', 'fr')).toBe('text\u00a0: Trop long\u00a0: 2000 caractères au plus');
    expect(translateError('Invalid input: expected string, received undefined', 'es')).toBe('Falta un valor: se espera un texto');
  });

  it('leaves English as it is, and an unknown message in English', () => {
    expect(translateError('Sign in first', 'en')).toBe('Sign in first');
    expect(translateError('Something nobody wrote down', 'fr')).toBe('Something nobody wrote down');
  });
});
