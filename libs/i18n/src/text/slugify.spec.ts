import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from './slugify';

describe('slugify', () => {
  it('transliterates Turkish with dotted capital I', () => {
    expect(slugify('İlişkiler Güçleniyor', 'tr')).toBe('iliskiler-gucleniyor');
    expect(slugify('Işık ve Çağ', 'tr')).toBe('isik-ve-cag');
  });

  it('transliterates Russian', () => {
    expect(slugify('Визит в Москву', 'ru')).toBe('vizit-v-moskvu');
    expect(slugify('Щедрый подъезд, хорошая цена', 'ru')).toBe('shchedryy-podezd-khoroshaya-tsena');
  });

  it('folds English punctuation and accents', () => {
    expect(slugify('  Kazakhstan & Russia: “A Partnership”  ', 'en')).toBe('kazakhstan-and-russia-a-partnership');
    expect(slugify('Café déjà vu', 'en')).toBe('cafe-deja-vu');
  });

  it('transliterates Cyrillic names in any locale', () => {
    expect(slugify('Айгерим Жумабаева', 'en')).toBe('aygerim-zhumabaeva');
  });

  it('handles Kazakh letters', () => {
    expect(slugify('Қазақстан Әлемі', 'kk')).toBe('qazaqstan-alemi');
  });

  it('returns an empty slug when nothing can be kept', () => {
    expect(slugify('🙂🙂', 'en')).toBe('');
  });

  it('keeps slugs within the maximum length on a word boundary', () => {
    const slug = slugify('word '.repeat(100), 'en');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});
