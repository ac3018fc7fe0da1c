import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEMO_DIR } from '../apps/cli/src/import/demo';
import { importPath } from '../apps/cli/src/import/import.command';
import { signIn, startTestApp, type TestApp } from './support/test-app';

const SOURCE = `---
locale: en
title: Ports of the Caspian
summary: Three harbours compete for transit cargo.
authors:
  - name: Timur Sadykov
    translations:
      tr: { title: Ulaştırma analisti, bio: Hazar limanları üzerine yazıyor. }
tags: [Transport]
sources:
  - { title: Port traffic yearbook, publisher: Harbour Board, accessedOn: 2024-01-15, language: ru }
  - { title: Ferry schedules, url: "https://example.org/ferries" }
---
Cargo through the ports grew.[^1] Ferries run weekly.[^2]
`;

const TRANSLATION = `---
locale: ru
translationOf: { locale: en, slug: ports-of-the-caspian }
title: Порты Каспия
---
Грузооборот портов вырос.[^1] Паромы ходят еженедельно.[^2]
`;

describe('import and demo content', () => {
  let test: TestApp;
  let token: string;

  beforeAll(async () => {
    test = await startTestApp('admin');
    token = (await signIn(test, 'editor')).token;
  });
  afterAll(() => test.close());

  it('imports a folder of Markdown files, and a second run changes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kalam-import-'));
    await writeFile(path.join(dir, 'a-ports.ru.md'), TRANSLATION);
    await writeFile(path.join(dir, 'b-ports.en.md'), SOURCE);

    expect(await importPath(test.databaseUrl, dir, { progress: false })).toEqual({ created: 2, updated: 0, unchanged: 0, failed: [] });
    expect(await importPath(test.databaseUrl, dir, { progress: false })).toEqual({ created: 0, updated: 0, unchanged: 2, failed: [] });

    const list = await test.http.get(`/admin/v1/articles?q=${encodeURIComponent('Ports of the Caspian')}`, { token });
    expect(list.body.total).toBe(1);
    const article = list.body.items[0];
    expect(Object.keys(article.translations).sort()).toEqual(['en', 'ru']);
    expect(article.translations.ru.slug).toBe('porty-kaspiya');
    expect(article.sources.map((s: { position: number; title: string }) => [s.position, s.title])).toEqual([
      [1, 'Port traffic yearbook'],
      [2, 'Ferry schedules'],
    ]);
    expect(article.sources[0]).toMatchObject({ accessedOn: '2024-01-15', language: 'ru' });
    const author = await test.http.get(`/admin/v1/authors/${article.authors[0].id}`, { token });
    expect(author.body.translations.tr).toMatchObject({ title: 'Ulaştırma analisti', bio: 'Hazar limanları üzerine yazıyor.' });

    await writeFile(path.join(dir, 'b-ports.en.md'), SOURCE.replace('Ferries run weekly.', 'Ferries run twice a week.'));
    expect(await importPath(test.databaseUrl, dir, { progress: false })).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('reports a file with bad front-matter by name and imports the rest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kalam-import-'));
    await writeFile(path.join(dir, 'broken.md'), '---\nlocale: english\ntitle: 5\n---\nBody');
    await writeFile(path.join(dir, 'orphan.md'), '---\nlocale: tr\ntitle: Yetim\ntranslationOf: { locale: en, slug: does-not-exist }\n---\nMetin');
    const summary = await importPath(test.databaseUrl, dir, { progress: false });
    expect(summary.created).toBe(0);
    expect(summary.failed).toHaveLength(2);
    expect(summary.failed.find((f) => f.includes('broken.md'))).toMatch(/locale \(isLocaleCode\)/);
    expect(summary.failed.find((f) => f.includes('orphan.md'))).toMatch(/does-not-exist does not exist/);
  });

  it('loads the demo content: an analysis in three languages with clean footnotes, and a news piece with a photo credit', async () => {
    const summary = await importPath(test.databaseUrl, DEMO_DIR, { progress: false });
    expect(summary).toEqual({ created: 4, updated: 0, unchanged: 0, failed: [] });

    const analysis = (await test.http.get('/admin/v1/articles?q=Syr%20Darya&locale=en', { token })).body.items[0];
    expect(Object.keys(analysis.translations).sort()).toEqual(['en', 'ru', 'tr']);
    expect(analysis.sources).toHaveLength(4);
    for (const locale of ['en', 'tr', 'ru']) {
      const checks = await test.http.get(`/admin/v1/articles/${analysis.id}/translations/${locale}/checks`, { token });
      expect(checks.body).toEqual({ errors: [], warnings: [] });
    }
    const author = await test.http.get(`/admin/v1/authors/${analysis.authors[0].id}`, { token });
    expect(Object.keys(author.body.translations)).toEqual(['tr']);

    const news = (await test.http.get('/admin/v1/articles?q=Timetable', { token })).body.items[0];
    expect(news.heroImage).toMatchObject({ kind: 'external', credit: 'Photo: Summit Press Service' });
    expect(news.heroImage.translations.en.caption).toContain('timetable agreement');
  });
});
