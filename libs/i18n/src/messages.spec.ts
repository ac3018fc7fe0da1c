import { Messages } from './messages';

describe(Messages.name, () => {
  const messages = new Messages();

  it('negotiates Accept-Language with regions and q-values', () => {
    expect(messages.negotiate('tr-TR,tr;q=0.9,en;q=0.5')).toBe('tr');
    expect(messages.negotiate('de-DE, ru;q=0.8, en;q=0.7')).toBe('ru');
    expect(messages.negotiate('de, fr')).toBe('en');
    expect(messages.negotiate(undefined)).toBe('en');
    expect(messages.negotiate('*;q=;;garbage')).toBe('en');
  });

  it('uses the three Russian plural forms', () => {
    const key = 'errors.request.validation_failed';
    expect(messages.t('ru', key, { count: 1 })).toBe('1 поле заполнено неверно.');
    expect(messages.t('ru', key, { count: 3 })).toBe('3 поля заполнены неверно.');
    expect(messages.t('ru', key, { count: 5 })).toBe('5 полей заполнены неверно.');
    expect(messages.t('ru', key, { count: 21 })).toBe('21 поле заполнено неверно.');
  });

  it('uses English singular and plural', () => {
    expect(messages.t('en', 'errors.too_many_requests', { count: 1 })).toBe('Too many requests. Try again in 1 second.');
    expect(messages.t('en', 'errors.too_many_requests', { count: 30 })).toBe('Too many requests. Try again in 30 seconds.');
  });

  it('interpolates parameters in Turkish', () => {
    expect(messages.t('tr', 'errors.user.email_taken', { email: 'a@b.co' })).toBe('a@b.co e-posta adresli bir kullanıcı zaten var.');
  });

  it('falls back to English for languages without a catalog', () => {
    expect(messages.t('de', 'errors.forbidden')).toBe('Your role does not allow this action.');
  });

  it('knows which keys exist', () => {
    expect(messages.has('errors.locale.not_found')).toBe(true);
    expect(messages.has('errors.nothing.here')).toBe(false);
  });
});
