import { isTimestamp } from './decorators';

describe('timestamps in request bodies', () => {
  it.each(['2027-01-01', '2027-01-01T10:00Z', '2027-01-01T10:00:00+05:00', '2027-01-01T10:00:00.123456Z', '2028-02-29'])('accepts %s', (value) => {
    expect(isTimestamp(value)).toBe(true);
  });
  it.each(['2027-W01-1', '20270101', '2027-01-01T10:00:00+05', '2027-100', '2027-02-30', '2027-13-01', '2027-01-01T25:00Z', 'tomorrow', ''])(
    'refuses %s',
    (value) => {
      expect(isTimestamp(value)).toBe(false);
    },
  );
});
