import { describe, expect, it } from 'vitest';
import { checkDisplayName, nameSkeleton } from './display-name.ts';

describe('checkDisplayName', () => {
  it.each([
    ['Alex', 'Alex'],
    ['  Zoé   Martin ', 'Zoé Martin'],
    ['Ｊｏｎａｓ', 'Jonas'],
    ['Ｊｏｎａｓ\u3000K', 'Jonas K'],
    ['José', 'José'],
    ['Ἀλέξης', 'Ἀλέξης'],
    ['李小龍', '李小龍'],
    ['Modesto', 'Modesto'],
    ['Tribune', 'Tribune'],
    ["D'Artagnan", "D'Artagnan"],
  ])('accepts %j as %j', (raw, name) => {
    expect(checkDisplayName(raw)).toEqual({ ok: true, name });
  });

  const INVISIBLE = 'A name cannot contain invisible or text-direction characters';
  const ROLE = 'A name cannot look like a role or like Tribu (admin, moderator, staff, support…)';
  it.each([
    ['Alex\u200B', INVISIBLE],
    ['A\u200Dlex', INVISIBLE],
    ['\uFEFFAlex', INVISIBLE],
    ['Alex\u202Enimda', INVISIBLE],
    ['\u2067Alex\u2069', INVISIBLE],
    ['Alex\u200F', INVISIBLE],
    ['Al\u00ADex', INVISIBLE],
    ['Alex\u0007', INVISIBLE],
    ['Alex (admin)', ROLE],
    ['Alex [ADMIN]', ROLE],
    ['Ａｌｅｘ（ａｄｍｉｎ）', ROLE],
    ['Alex (аdmin)', ROLE],
    ['Alex - adm1n', ROLE],
    ['moderator', ROLE],
    ['Moderator Sam', ROLE],
    ['Tribu', ROLE],
    ['Tribu Support', ROLE],
    ['TRIBU', ROLE],
    ['Staff', ROLE],
    ['Sam the mod', ROLE],
    ['   ', 'A name needs at least one letter or digit'],
    ['(-_-)', 'A name needs at least one letter or digit'],
    ['x'.repeat(81), 'A name has at most 80 characters'],
  ])('refuses %j', (raw, reason) => {
    expect(checkDisplayName(raw)).toEqual({ ok: false, reason });
  });
});

describe('nameSkeleton', () => {
  it.each([
    ['Alex', 'alex'],
    ['ALEX', 'alex'],
    ['A1ex', 'alex'],
    ['Аlex', 'alex'],
    ['Ａｌｅｘ', 'alex'],
    ['Alèx', 'alex'],
    ['a.l.e.x', 'alex'],
    ['Al ex', 'alex'],
    ['Sam', 'sam'],
    ['Rnaria', 'marla'],
    ['Maria', 'marla'],
  ])('reads %j as %j', (name, skeleton) => {
    expect(nameSkeleton(name)).toBe(skeleton);
  });

  it('tells different names apart', () => {
    expect(nameSkeleton('Alex')).not.toBe(nameSkeleton('Alexa'));
    expect(nameSkeleton('Camille')).not.toBe(nameSkeleton('Camilo'));
  });
});
