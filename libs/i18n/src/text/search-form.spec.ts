import { formatCalendarDate, searchForm } from './search-form';

describe('searchForm', () => {
  it('lower-cases Turkish by Turkish rules', () => {
    expect(searchForm('İSTANBUL IŞIK', 'tr')).toBe('istanbul ışık');
    expect(searchForm('İSTANBUL', 'en')).not.toBe('istanbul');
  });

  it('drops Turkish apostrophe suffixes, with either apostrophe', () => {
    expect(searchForm("Kazakistan'ın ve Ankara’da", 'tr')).toBe('kazakistan ve ankara');
    expect(searchForm("don't", 'en')).toBe("don't");
  });

  it('folds ё to е in Russian only', () => {
    expect(searchForm('Ёлка и щёки', 'ru')).toBe('елка и щеки');
    expect(searchForm('Ёlka', 'tr')).toBe('ёlka');
  });
});

describe('formatCalendarDate', () => {
  it('writes the date the way each locale does, without a time zone shifting the day', () => {
    expect(formatCalendarDate('2024-03-01', 'en')).toBe('March 1, 2024');
    expect(formatCalendarDate('2024-03-01', 'tr')).toBe('1 Mart 2024');
    expect(formatCalendarDate('2024-03-01', 'ru')).toBe('1 марта 2024 г.');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatCalendarDate('soon', 'en')).toBe('soon');
  });
});
