import { formatBytes } from './format-bytes';
import { Messages } from './messages';

describe('formatBytes', () => {
  it('names sizes in the largest whole unit, in the message language', () => {
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(formatBytes(16384, 'en')).toBe('16 kB');
    expect(formatBytes(1536 * 1024, 'tr')).toBe('1,5 MB');
    expect(formatBytes(500, 'en')).toBe('500 bytes');
    expect(formatBytes(1023, 'en')).toBe('1,023 bytes');
    expect(formatBytes(1024 * 1024 - 1, 'en')).toBe('1 MB');
    expect(formatBytes(10 * 1024 * 1024, 'ru')).toBe('10 МБ');
  });

  it('is what the size-limit messages use, so nobody reads 10485760', () => {
    const messages = new Messages();
    expect(messages.t('en', 'errors.media.too_large', { limit: 10 * 1024 * 1024 })).toBe('The file is larger than the limit of 10 MB.');
    expect(messages.t('tr', 'errors.request.payload_too_large', { limit: 16384 })).toBe('İstek gövdesi 16 kB sınırından büyük.');
    expect(messages.t('ru', 'errors.media.too_large', { limit: 65536 })).toBe('Файл превышает предел в 64 кБ.');
  });
});
