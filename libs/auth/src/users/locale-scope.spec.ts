import { canWorkIn } from './locale-scope';

describe('canWorkIn', () => {
  it('lets admins work in any locale', () => {
    expect(canWorkIn({ role: 'admin', locales: ['tr'] }, 'ru')).toBe(true);
  });

  it('limits translators to their locales and gives none when the list is empty', () => {
    expect(canWorkIn({ role: 'translator', locales: ['tr'] }, 'tr')).toBe(true);
    expect(canWorkIn({ role: 'translator', locales: ['tr'] }, 'ru')).toBe(false);
    expect(canWorkIn({ role: 'translator', locales: [] }, 'tr')).toBe(false);
  });

  it('treats an empty list as every locale for editors and authors', () => {
    expect(canWorkIn({ role: 'editor', locales: [] }, 'ru')).toBe(true);
    expect(canWorkIn({ role: 'author', locales: ['en'] }, 'ru')).toBe(false);
  });
});
