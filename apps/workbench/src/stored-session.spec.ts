import { parseStoredSession } from './stored-session';

const NOW = 1_800_000_000_000;
const good = { token: 'klm_abc', expiresAt: NOW + 60_000, user: { id: 'u1', email: 'a@example.org', role: 'translator', locales: ['tr'] } };

describe('parseStoredSession', () => {
  it('gives back a session of the shape the workbench writes', () => {
    expect(parseStoredSession(JSON.stringify(good), NOW)).toEqual(good);
  });

  it('drops an expired one', () => {
    expect(parseStoredSession(JSON.stringify({ ...good, expiresAt: NOW }), NOW)).toBeNull();
  });

  it('drops anything else instead of letting the first screen crash on it (a blank page before)', () => {
    for (const text of [
      null,
      'not json',
      '[]',
      'null',
      '{"token":"abc","expiresAt":9e15}',
      '{"token":"abc","expiresAt":9e15,"user":null}',
      '{"token":"abc","expiresAt":9e15,"user":{}}',
      '{"token":"abc","expiresAt":9e15,"user":{"id":"u1","role":"translator"}}',
      '{"token":"abc","expiresAt":9e15,"user":{"id":"u1","role":"translator","locales":"tr"}}',
      '{"token":"abc","expiresAt":9e15,"user":{"id":"u1","role":"translator","locales":[1]}}',
      '{"token":1,"expiresAt":9e15,"user":{"id":"u1","role":"admin","locales":[]}}',
      '{"token":"abc","expiresAt":"9e15","user":{"id":"u1","role":"admin","locales":[]}}',
    ]) {
      expect(parseStoredSession(text, NOW)).toBeNull();
    }
  });
});
