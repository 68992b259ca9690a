import { describe, expect, it } from 'vitest';
import { canSend, canTakeAnotherChat, canTransition, hasRole, nextStatus } from './conversation.ts';

describe('conversation state machine', () => {
  it.each([
    ['waiting', 'claim', true],
    ['waiting', 'end', true],
    ['active', 'claim', false],
    ['active', 'end', true],
    ['closed', 'claim', false],
    ['closed', 'end', false],
    ['closed', 'send', false],
    ['active', 'release', true],
    ['waiting', 'release', false],
  ] as const)('%s conversation: %s allowed = %s', (status, action, expected) => {
    expect(canTransition(status, action)).toBe(expected);
  });

  it('moves waiting → active → closed', () => {
    expect(nextStatus('waiting', 'claim')).toBe('active');
    expect(nextStatus('active', 'end')).toBe('closed');
  });

  it('refuses to claim a closed conversation', () => {
    expect(() => nextStatus('closed', 'claim')).toThrow(/cannot claim/);
  });

  it('lets the visitor add messages while waiting but not the helper', () => {
    expect(canSend('waiting', 'visitor')).toBe(true);
    expect(canSend('waiting', 'helper')).toBe(false);
    expect(canSend('active', 'helper')).toBe(true);
    expect(canSend('closed', 'visitor')).toBe(false);
  });

  it('caps a helper at the site limit', () => {
    expect(canTakeAnotherChat(3, 4)).toBe(true);
    expect(canTakeAnotherChat(4, 4)).toBe(false);
  });

  it('ranks roles admin over moderator over helper', () => {
    expect(hasRole('admin', 'moderator')).toBe(true);
    expect(hasRole('helper', 'moderator')).toBe(false);
    expect(hasRole(null, 'helper')).toBe(false);
  });
});
