import { toLocaleLower } from './casing';

describe('locale casing', () => {
  it('lowers Turkish dotted and dotless I correctly', () => {
    expect(toLocaleLower('İSTANBUL', 'tr')).toBe('istanbul');
    expect(toLocaleLower('ISPARTA', 'tr')).toBe('ısparta');
  });

  it('keeps the default rules for English and Russian', () => {
    expect(toLocaleLower('ISTANBUL', 'en')).toBe('istanbul');
    expect(toLocaleLower('МОСКВА', 'ru')).toBe('москва');
  });

  it('recognises regional Turkish tags', () => {
    expect(toLocaleLower('IĞDIR', 'tr-TR')).toBe('ığdır');
  });
});
