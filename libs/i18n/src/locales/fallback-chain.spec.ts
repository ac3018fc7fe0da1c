import { fallbackChain } from './fallback-chain';

describe('fallbackChain', () => {
  const locales = [
    { code: 'en', fallbackCode: null },
    { code: 'ru', fallbackCode: 'en' },
    { code: 'kk', fallbackCode: 'ru' },
  ];

  it('follows fallbacks to the root', () => {
    expect(fallbackChain('kk', locales)).toEqual(['kk', 'ru', 'en']);
    expect(fallbackChain('en', locales)).toEqual(['en']);
  });

  it('reports a loop as null', () => {
    const looping = [...locales.filter((l) => l.code !== 'en'), { code: 'en', fallbackCode: 'kk' }];
    expect(fallbackChain('kk', looping)).toBeNull();
  });
});
