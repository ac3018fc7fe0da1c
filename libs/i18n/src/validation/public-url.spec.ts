import { isPublicHttpUrl } from './public-url';

describe(isPublicHttpUrl.name, () => {
  it.each(['https://images.example.org/port.jpg', 'http://cdn.example.com:8080/a.png?x=1', 'https://8.8.8.8/a.jpg', 'https://[2606:4700::1111]/a.jpg'])(
    'accepts %s',
    (url) => {
      expect(isPublicHttpUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://user:pass@images.example.org/a.jpg',
    'https://token@images.example.org/a.jpg',
    'http://localhost/a.jpg',
    'http://app.localhost/a.jpg',
    'http://printer.local/a.jpg',
    'http://127.0.0.1/a.jpg',
    'http://2130706433/a.jpg',
    'http://0x7f.1/a.jpg',
    'http://10.1.2.3/a.jpg',
    'http://172.20.0.5/a.jpg',
    'http://192.168.1.1/a.jpg',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/a.jpg',
    'http://100.64.0.1/a.jpg',
    'http://[::1]/a.jpg',
    'http://[fd00::1]/a.jpg',
    'http://[fe80::1]/a.jpg',
    'http://[::ffff:127.0.0.1]/a.jpg',
    'ftp://images.example.org/a.jpg',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isPublicHttpUrl(url)).toBe(false);
  });
});
