import { pickTranslation } from './pick-translation';

const bios = [
  { locale: 'tr', bio: 'Türkçe' },
  { locale: 'ru', bio: '' },
  { locale: 'en', bio: 'English' },
];

describe('pickTranslation', () => {
  it('takes the locale itself when it has one', () => {
    expect(pickTranslation(bios, ['tr', 'en'])?.bio).toBe('Türkçe');
  });

  it('follows the chain in order, skipping what is not usable', () => {
    expect(pickTranslation(bios, ['kk', 'ru', 'en'], { usable: (t) => t.bio !== '' })?.locale).toBe('en');
    expect(pickTranslation(bios, ['kk', 'ru', 'en'])?.locale).toBe('ru');
  });

  it('falls back to any locale only when asked, in the given order', () => {
    const onlyTurkish = [{ locale: 'tr', bio: 'Türkçe' }];
    expect(pickTranslation(onlyTurkish, ['en'])).toBeUndefined();
    expect(pickTranslation(onlyTurkish, ['en'], { anyOrder: ['en', 'ru', 'tr'] })?.locale).toBe('tr');
    expect(pickTranslation(bios, ['de'], { anyOrder: ['ru', 'tr'], usable: (t) => t.bio !== '' })?.locale).toBe('tr');
  });
});
