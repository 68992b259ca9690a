import { describe, expect, it } from 'vitest';
import type { Reward } from '@tribu/protocol/client';
import { createFormat } from '../../i18n/format.ts';
import { en } from '../../i18n/messages/en/index.ts';
import { fr } from '../../i18n/messages/fr/index.ts';
import { es } from '../../i18n/messages/es/index.ts';
import { blockedReason, ledgerText, pointsHeadline } from './words.ts';

const w = { t: en, f: createFormat('en', 'UTC') };

describe('ledgerText', () => {
  it.each([
    [{ reason: 'chat', note: null, conversationId: 'c1' }, 'Answered chat'],
    [{ reason: 'good_rating', note: null, conversationId: 'c1' }, '4–5 star rating bonus'],
    [{ reason: 'fast_answer', note: null, conversationId: 'c1' }, 'Fast first answer'],
    [{ reason: 'grant', note: 'Great week', conversationId: null }, 'Granted by a manager: Great week'],
    [{ reason: 'revoke', note: 'Duplicate', conversationId: null }, 'Revoked by a manager: Duplicate'],
    [{ reason: 'revoke', note: 'Out of scope', conversationId: 'c2' }, 'Chat set aside by a manager: Out of scope'],
    [{ reason: 'redeem', note: 'Sticker pack', conversationId: null }, 'Redeemed: Sticker pack'],
    [{ reason: 'refund', note: 'Out of stock', conversationId: null }, 'Refund: Out of stock'],
    [{ reason: 'mission', note: 'Two answers this week', conversationId: null }, 'Mission completed: Two answers this week'],
    [{ reason: 'some_new_reason', note: null, conversationId: null }, 'some new reason'],
    [{ reason: 'grant', note: 'Great week', conversationId: null, by: 'Morgane' }, 'Granted by Morgane: Great week'],
    [{ reason: 'revoke', note: 'A refund', conversationId: 'c3', by: 'Morgane' }, 'Chat set aside by Morgane: A refund'],
  ])('says %j as "%s"', (entry, text) => {
    expect(ledgerText(entry, w)).toBe(text);
  });
});

describe('pointsHeadline', () => {
  it.each([
    [
      [
        { reason: 'chat', points: 1 },
        { reason: 'fast_answer', points: 1 },
      ],
      '+2 points — answered chat, fast answer',
    ],
    [[{ reason: 'good_rating', points: 1 }], '+1 point — great rating'],
    [[{ reason: 'mission', points: 25 }], '+25 points — mission completed'],
    [[{ reason: 'revoke', points: -5 }], '−5 points — revoked by a manager'],
    [[{ reason: 'chat', points: 0 }], null],
  ])('sums %j into %s', (entries, headline) => {
    expect(pointsHeadline(entries, w)).toBe(headline);
  });
});

describe('blockedReason', () => {
  const reward: Reward = { id: 'r1', siteId: 's1', name: 'Stickers', description: '', cost: 10, stock: null, active: true };
  it.each([
    [reward, 10, null],
    [reward, 3, '7 points more needed'],
    [{ ...reward, stock: 0 }, 50, 'Out of stock'],
    [{ ...reward, stock: 2 }, 9, '1 point more needed'],
    [{ ...reward, active: false }, 50, 'Hidden from helpers'],
  ])('for %j with a balance of %i says %s', (r, balance, reason) => {
    expect(blockedReason(r, balance, w)).toBe(reason);
  });
});

describe('in French and Spanish', () => {
  const wfr = { t: fr, f: createFormat('fr', 'UTC') };
  const wes = { t: es, f: createFormat('es', 'UTC') };
  it('names the manager and writes the numbers as each language does', () => {
    expect(ledgerText({ reason: 'grant', note: 'Super semaine', conversationId: null, by: 'Morgane' }, wfr)).toBe('Attribués par Morgane\u00a0: Super semaine');
    expect(pointsHeadline([{ reason: 'chat', points: 1250 }], wfr)).toBe('+1\u202f250 points — chat répondu');
    expect(pointsHeadline([{ reason: 'good_rating', points: 1 }], wes)).toBe('+1 punto — muy buena valoración');
    expect(blockedReason({ id: 'r1', siteId: 's1', name: 'Stickers', description: '', cost: 10, stock: null, active: true }, 9, wes)).toBe('Falta 1 punto');
  });
});
