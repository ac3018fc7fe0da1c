import { Client } from 'pg';
import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/**
 * Translator queues as a newsroom uses them: English goes live, Turkish and Russian jobs open,
 * translators claim, translate and submit, editors publish, English changes and Turkish is asked
 * for exactly the paragraph that changed.
 */
describe('translation jobs and queues', () => {
  let test: TestApp;
  let admin: string;
  let make: ContentFactory;
  let db: Client;
  let tr: { token: string; user: { id: string } };
  let ru: { token: string; user: { id: string } };
  let editor: string;

  beforeAll(async () => {
    test = await startTestApp('admin');
    ({ token: admin } = await signIn(test, 'admin'));
    ({ token: editor } = await signIn(test, 'editor'));
    tr = await signIn(test, 'translator', ['tr']);
    ru = await signIn(test, 'translator', ['ru']);
    make = new ContentFactory(test.http, admin);
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await test.close();
  });

  const queue = (locale: string, token: string, query = '') => test.http.get(`/admin/v1/queues/${locale}${query}`, { token });
  const job = (id: string, token = admin) => test.http.get(`/admin/v1/jobs/${id}`, { token });
  const act = (id: string, action: string, token: string, headers: Record<string, string> = {}) =>
    test.http.post(`/admin/v1/jobs/${id}/${action}`, {}, { token, headers });
  const jobFor = async (articleId: string, locale: string, token = admin) =>
    (await queue(locale, token, `?articleId=${articleId}`)).body.items[0] as { id: string; kind: string; status: string; version: number } | undefined;

  const BODY = ['Cargo through Aktau grew by a fifth.[^1]', 'Baku built a new ferry terminal.', 'Turkmenbashi lagged behind.[^1]'];

  /** An English article, live, with one source; returns its id. */
  async function liveArticle(body = BODY.join('\n\n'), title = 'Ports of the Caspian'): Promise<string> {
    const { id } = await make.article();
    await make.source(id, 'Port traffic yearbook', { publisher: 'Harbour Board' });
    const en = await make.translation(id, 'en', { title, summary: 'Three ports, one sea.', body });
    await make.publish(id, 'en', en.version);
    return id;
  }

  it('opens a new job per other locale when the source goes live, listed in each language’s queue', async () => {
    const id = await liveArticle();
    const trJob = await jobFor(id, 'tr', tr.token);
    const ruJob = await jobFor(id, 'ru', ru.token);
    expect(trJob).toMatchObject({ kind: 'new', status: 'open' });
    expect(ruJob).toMatchObject({ kind: 'new', status: 'open' });
    expect(await jobFor(id, 'en')).toBeUndefined();
    const list = await queue('tr', tr.token);
    expect(list.status).toBe(200);
    expect(list.body.items.find((item: { id: string }) => item.id === trJob!.id)).toMatchObject({
      title: 'Ports of the Caspian',
      sourceLocale: 'en',
      assignee: null,
    });
    expect(list.body.counts.open).toBeGreaterThanOrEqual(1);

    const detail = await job(trJob!.id, tr.token);
    expect(detail.status).toBe(200);
    expect(detail.body.translation).toBeNull();
    expect(detail.body.diff).toBeNull();
    expect(detail.body.source.text.sources).toEqual([expect.objectContaining({ position: 1, title: 'Port traffic yearbook' })]);
    expect(detail.body.segments.map((s: { id: string }) => s.id)).toEqual(['title', 'summary', 'p1', 'p2', 'p3']);
    expect(detail.body.segments[2]).toMatchObject({ text: BODY[0], target: null, changed: false });
  });

  it('keeps each language to its translators: a tr translator cannot see or claim ru work; authors have no queue', async () => {
    const id = await liveArticle();
    const ruJob = (await jobFor(id, 'ru', ru.token))!;
    expect((await queue('ru', tr.token)).status).toBe(403);
    expect((await job(ruJob.id, tr.token)).status).toBe(403);
    expect((await act(ruJob.id, 'claim', tr.token)).status).toBe(403);
    const { token: author } = await signIn(test, 'author');
    expect((await queue('tr', author)).status).toBe(403);
    expect((await queue('xx', admin)).status).toBe(404);
    expect((await test.http.get('/admin/v1/queues/tr')).status).toBe(401);
    expect((await job('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await job('not-a-uuid')).status).toBe(400);
    expect(
      (await test.http.patch(`/admin/v1/jobs/${ruJob.id}`, { priority: 'high' }, { token: ru.token, headers: { 'if-match': `"${ruJob.version}"` } })).status,
    ).toBe(403);
    expect((await test.http.post('/admin/v1/queues/tr/backfill', {}, { token: tr.token })).status).toBe(403);
  });

  it('refuses every translation route to roles outside the job’s language, and to no or a forged token', async () => {
    const id = await liveArticle();
    const trJob = (await jobFor(id, 'tr', tr.token))!;
    const { token: author } = await signIn(test, 'author');
    const { token: ruEditor } = await signIn(test, 'editor', ['ru']);
    const routes: [string, string][] = [
      ['GET', `/admin/v1/queues/tr`],
      ['POST', `/admin/v1/queues/tr/backfill`],
      ['GET', `/admin/v1/jobs/${trJob.id}`],
      ['POST', `/admin/v1/jobs/${trJob.id}/claim`],
      ['POST', `/admin/v1/jobs/${trJob.id}/release`],
      ['POST', `/admin/v1/jobs/${trJob.id}/submit`],
      ['POST', `/admin/v1/jobs/${trJob.id}/pretranslate`],
      ['PATCH', `/admin/v1/jobs/${trJob.id}`],
      ['GET', `/admin/v1/jobs/${trJob.id}/xliff`],
      ['PUT', `/admin/v1/jobs/${trJob.id}/xliff`],
    ];
    for (const [method, url] of routes) {
      for (const [who, token, expected] of [
        ['author', author, 403],
        ['ru translator', ru.token, 403],
        ['ru editor', ruEditor, 403],
        ['no token', undefined, 401],
        ['forged token', 'kalam_forged.token', 401],
      ] as const) {
        const answer = await test.http.request(method, url, {
          token,
          ...(method === 'PUT' ? { rawBody: '<xliff version="2.0"/>', headers: { 'content-type': 'application/xliff+xml', 'if-match': '"1"' } } : {}),
          ...(method === 'PATCH' || method === 'POST' ? { body: {}, headers: { 'if-match': '"1"' } } : {}),
        });
        expect({ who, method, url, status: answer.status }).toEqual({ who, method, url, status: expected });
      }
    }
    // The status overview shows the ru editor only ru; the job itself stayed untouched.
    const overview = (await test.http.get('/admin/v1/translation-status', { token: ruEditor })).body;
    expect(overview.map((c: { locale: string }) => c.locale)).toEqual(['ru']);
    expect((await job(trJob.id)).body.job).toMatchObject({ status: 'open', version: trJob.version });
  });

  it('gives a job to exactly one of ten translators claiming at once; the others are told who holds it until when', async () => {
    const id = await liveArticle();
    const trJob = (await jobFor(id, 'tr', tr.token))!;
    const translators = await Promise.all(Array.from({ length: 10 }, () => signIn(test, 'translator', ['tr'])));
    const answers = await Promise.all(translators.map((t) => act(trJob.id, 'claim', t.token)));
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    const holder = translators[answers.indexOf(winners[0])];
    expect(winners[0].body).toMatchObject({ status: 'claimed', assignee: { id: holder.user.id } });
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body).toMatchObject({ error: 'job.claimed', claimedUntil: winners[0].body.claimedUntil });
    expect(refused.body.message).toContain(holder.user.email);
    const lease = new Date(winners[0].body.claimedUntil).getTime() - Date.now();
    expect(lease).toBeGreaterThan(47 * 3600_000);
    expect(lease).toBeLessThanOrEqual(48 * 3600_000);

    // The claimed translation is the holder's to write; another translator gets 409, an editor may still.
    const intruder = translators.find((t) => t !== holder)!;
    const put = (token: string) => test.http.put(`/admin/v1/articles/${id}/translations/tr`, { title: 'Başlık', body: 'Metin.[^1]' }, { token });
    expect((await put(ru.token)).status).toBe(403); // not told who holds the tr job
    const refusedPut = await put(intruder.token);
    expect(refusedPut.status).toBe(409);
    expect(refusedPut.body.error).toBe('job.claimed');
    expect((await put(holder.token)).status).toBe(201);
    expect(
      (
        await test.http.put(
          `/admin/v1/articles/${id}/translations/tr`,
          { title: 'Başlık 2', body: 'Metin.[^1]' },
          { token: editor, headers: { 'if-match': '"1"' } },
        )
      ).status,
    ).toBe(200);

    // Submitting the claimed translation through the workflow's own route is the holder's too.
    const current = (await test.http.get(`/admin/v1/articles/${id}`, { token: admin })).body.translations.tr;
    const sneaky = await test.http.post(
      `/admin/v1/articles/${id}/translations/tr/submit`,
      {},
      { token: intruder.token, headers: { 'if-match': `"${current.version}"` } },
    );
    expect(sneaky.status).toBe(409);
    expect(sneaky.body.error).toBe('job.claimed');

    // Renewal by the holder; release by someone else refused, by the holder accepted.
    expect((await act(trJob.id, 'claim', holder.token)).status).toBe(200);
    expect((await act(trJob.id, 'release', translators.find((t) => t !== holder)!.token)).status).toBe(403);
    expect((await act(trJob.id, 'release', holder.token)).body).toMatchObject({ status: 'open', assignee: null });
    expect((await act(trJob.id, 'release', holder.token)).status).toBe(409);
  });

  it('frees a job whose lease ran out: the queue shows it open and another translator takes it', async () => {
    const id = await liveArticle();
    const trJob = (await jobFor(id, 'tr', tr.token))!;
    expect((await act(trJob.id, 'claim', tr.token)).status).toBe(200);
    const other = await signIn(test, 'translator', ['tr']);
    expect((await act(trJob.id, 'claim', other.token)).status).toBe(409);
    await db.query(`UPDATE translation_job SET claimed_until = now() - interval '1 minute' WHERE id = $1`, [trJob.id]);
    expect(await jobFor(id, 'tr', tr.token)).toMatchObject({ status: 'open', assignee: null, claimedUntil: null });
    expect((await queue('tr', tr.token, `?articleId=${id}&status=open`)).body.total).toBe(1);
    expect((await act(trJob.id, 'claim', other.token)).body).toMatchObject({ status: 'claimed', assignee: { id: other.user.id } });
  });

  it('runs a job from claim to done: translate, submit (in review), request changes (back to the translator), approve and publish', async () => {
    const id = await liveArticle();
    const trJob = (await jobFor(id, 'tr', tr.token))!;
    expect((await act(trJob.id, 'claim', tr.token)).status).toBe(200);
    const saved = await new ContentFactory(test.http, tr.token).translation(id, 'tr', {
      title: 'Hazar’ın limanları',
      summary: 'Üç liman, tek deniz.',
      body: 'Aktau’dan geçen yük beşte bir arttı.[^1]\n\nBakü yeni bir feribot terminali yaptı.\n\nTürkmenbaşı geride kaldı.[^1]',
    });
    expect((await act(trJob.id, 'submit', tr.token)).status).toBe(428);
    const submitted = await act(trJob.id, 'submit', tr.token, { 'if-match': `"${saved.version}"` });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_review' });
    const { rows } = await db.query(`SELECT source_revision_id FROM article_translation WHERE article_id = $1 AND locale = 'tr'`, [id]);
    expect(rows[0].source_revision_id).toBe((await job(trJob.id)).body.source.revisionId);

    let version = (await make.steps(id, 'tr', saved.version + 1)).version;
    const back = await test.http.post(
      `/admin/v1/articles/${id}/translations/tr/request-changes`,
      { comment: 'Say “ferry port”.' },
      { token: editor, headers: { 'if-match': `"${version}"` } },
    );
    expect(back.status).toBe(200);
    expect((await job(trJob.id)).body.job).toMatchObject({ status: 'claimed', assignee: { id: tr.user.id } });
    const resubmitted = await act(trJob.id, 'submit', tr.token, { 'if-match': `"${back.body.version}"` });
    expect(resubmitted.status).toBe(200);
    version = (await make.steps(id, 'tr', back.body.version + 1, 'approve', 'publish')).version;
    expect(version).toBeGreaterThan(0);
    const done = (await job(trJob.id)).body.job;
    expect(done).toMatchObject({ status: 'done' });
    expect(done.closedAt).not.toBeNull();
    expect(await jobFor(id, 'tr')).toBeUndefined();
    const coverage = await test.http.get(`/admin/v1/translation-status?article=${id}`, { token: editor });
    expect(coverage.body).toEqual([
      expect.objectContaining({ locale: 'en', state: 'source' }),
      expect.objectContaining({ locale: 'tr', state: 'up_to_date', job: null }),
      expect.objectContaining({ locale: 'ru', state: 'missing', job: expect.objectContaining({ kind: 'new', status: 'open' }) }),
    ]);
  });

  it('reopens the translation as an update whose diff holds exactly the paragraph the source changed, and moves an open job on instead of stacking one', async () => {
    const id = await liveArticle();
    const trJob = (await jobFor(id, 'tr', tr.token))!;
    await act(trJob.id, 'claim', tr.token);
    const trText = ['Aktau’dan geçen yük beşte bir arttı.[^1]', 'Bakü yeni bir feribot terminali yaptı.', 'Türkmenbaşı geride kaldı.[^1]'];
    const saved = await new ContentFactory(test.http, tr.token).translation(id, 'tr', {
      title: 'Hazar limanları',
      summary: 'Üç liman.',
      body: trText.join('\n\n'),
    });
    await act(trJob.id, 'submit', tr.token, { 'if-match': `"${saved.version}"` });
    await make.steps(id, 'tr', saved.version + 1, 'approve', 'publish');

    const en = (await test.http.get(`/admin/v1/articles/${id}`, { token: admin })).body.translations.en;
    const edited = [BODY[0], 'Baku opened a new ferry terminal at Alat in 2018.', BODY[2]];
    const saved2 = await make.translation(id, 'en', { title: 'Ports of the Caspian', summary: 'Three ports, one sea.', body: edited.join('\n\n') }, en.version);
    const republished = await make.publish(id, 'en', saved2.version);

    const update = (await jobFor(id, 'tr', tr.token))!;
    expect(update).toMatchObject({ kind: 'update', status: 'open' });
    expect(update.id).not.toBe(trJob.id);
    const detail = (await job(update.id, tr.token)).body;
    expect(detail.diff.fields).toEqual([]);
    expect(detail.diff.body).toEqual([expect.objectContaining({ status: 'changed', fromParagraph: 2, toParagraph: 2, from: BODY[1], to: edited[1] })]);
    expect(detail.segments.filter((s: { changed: boolean }) => s.changed).map((s: { id: string }) => s.id)).toEqual(['p2']);
    // Unchanged paragraphs keep their translation; the changed one offers the old translation to edit.
    expect(detail.segments.filter((s: { field: string }) => s.field === 'body').map((s: { target: string }) => s.target)).toEqual(trText);
    const coverage = (await test.http.get(`/admin/v1/translation-status?article=${id}`, { token: admin })).body;
    expect(coverage.find((c: { locale: string }) => c.locale === 'tr')).toMatchObject({ state: 'outdated' });

    // The Russian job was never taken: republishing moved it on to the new revision, still one job.
    const ruJobs = await db.query(`SELECT kind, status, source_revision_id FROM translation_job WHERE article_id = $1 AND target_locale = 'ru'`, [id]);
    expect(ruJobs.rows).toEqual([{ kind: 'new', status: 'open', source_revision_id: republished.liveRevisionId }]);
    // Republishing unchanged text opens nothing new.
    const again = await make.steps(id, 'en', republished.version, 'unpublish');
    await make.steps(id, 'en', again.version, 'reopen', 'submit', 'approve', 'publish');
    expect((await db.query(`SELECT count(*)::int AS n FROM translation_job WHERE article_id = $1`, [id])).rows[0].n).toBe(3);
  });

  it('keeps showing an update job’s change after the translator saves (and after a review sends it back)', async () => {
    const id = await liveArticle();
    const first = (await jobFor(id, 'tr', tr.token))!;
    await act(first.id, 'claim', tr.token);
    const trText = ['Aktau’dan geçen yük beşte bir arttı.[^1]', 'Bakü yeni bir feribot terminali yaptı.', 'Türkmenbaşı geride kaldı.[^1]'];
    const saved = await new ContentFactory(test.http, tr.token).translation(id, 'tr', { title: 'Hazar limanları', body: trText.join('\n\n') });
    await act(first.id, 'submit', tr.token, { 'if-match': `"${saved.version}"` });
    await make.steps(id, 'tr', saved.version + 1, 'approve', 'publish');
    const liveBase = (await job(first.id)).body.source.revisionId;
    const en = (await test.http.get(`/admin/v1/articles/${id}`, { token: admin })).body.translations.en;
    const edited = [BODY[0], 'Baku opened a new ferry terminal at Alat in 2018.', BODY[2]];
    const saved2 = await make.translation(id, 'en', { title: 'Ports of the Caspian', summary: 'Three ports, one sea.', body: edited.join('\n\n') }, en.version);
    await make.publish(id, 'en', saved2.version);

    const update = (await jobFor(id, 'tr', tr.token))!;
    await act(update.id, 'claim', tr.token);
    const current = (await test.http.get(`/admin/v1/articles/${id}`, { token: admin })).body.translations.tr;
    const reworked = [trText[0], 'Bakü 2018’de Alat’ta yeni bir feribot terminali açtı.', trText[2]];
    const half = await new ContentFactory(test.http, tr.token).translation(
      id,
      'tr',
      { title: 'Hazar limanları', body: reworked.join('\n\n') },
      current.version,
    );
    const changed = (detail: any) => ({
      base: detail.baseRevisionId,
      diff: detail.diff.body.map((p: { toParagraph: number }) => p.toParagraph),
      units: detail.segments.filter((s: { changed: boolean }) => s.changed).map((s: { id: string }) => s.id),
    });
    const afterSave = (await job(update.id, tr.token)).body;
    expect(changed(afterSave)).toEqual({ base: liveBase, diff: [2], units: ['p2'] });
    expect(afterSave.segments.find((s: { id: string }) => s.id === 'p2').target).toBe(reworked[1]);

    await act(update.id, 'submit', tr.token, { 'if-match': `"${half.version}"` });
    const back = await test.http.post(
      `/admin/v1/articles/${id}/translations/tr/request-changes`,
      { comment: 'Say “ferry port”.' },
      { token: editor, headers: { 'if-match': `"${half.version + 1}"` } },
    );
    expect(back.status).toBe(200);
    expect(changed((await job(update.id, tr.token)).body)).toEqual({ base: liveBase, diff: [2], units: ['p2'] });
  });

  it('keeps text written before the source moved on based on the older revision, however late it is submitted', async () => {
    const id = await liveArticle();
    const trJob = (await jobFor(id, 'tr', tr.token))!;
    await act(trJob.id, 'claim', tr.token);
    const saved = await new ContentFactory(test.http, tr.token).translation(id, 'tr', {
      title: 'Hazar',
      summary: 'Üç liman.',
      body: 'Yük beşte bir arttı.[^1]\n\nBakü.\n\nTürkmenbaşı.[^1]',
    });
    const en = (await test.http.get(`/admin/v1/articles/${id}`, { token: admin })).body.translations.en;
    const moved = await make.translation(
      id,
      'en',
      { title: 'Ports of the Caspian', summary: 'Three ports, one sea.', body: ['Cargo through Aktau doubled.[^1]', BODY[1], BODY[2]].join('\n\n') },
      en.version,
    );
    const republished = await make.publish(id, 'en', moved.version);

    // Declaring the old revision is refused; submitting as is keeps the text based on what it was written against.
    const declared = await test.http.post(
      `/admin/v1/jobs/${trJob.id}/submit`,
      { sourceRevisionId: trJob.id },
      { token: tr.token, headers: { 'if-match': `"${saved.version}"` } },
    );
    expect(declared.status).toBe(409);
    expect(declared.body.error).toBe('job.source_moved');
    expect((await act(trJob.id, 'submit', tr.token, { 'if-match': `"${saved.version}"` })).status).toBe(200);
    await make.steps(id, 'tr', saved.version + 1, 'approve', 'publish');
    const coverage = (await test.http.get(`/admin/v1/translation-status?article=${id}`, { token: admin })).body;
    expect(coverage.find((c: { locale: string }) => c.locale === 'tr')).toMatchObject({
      state: 'outdated',
      job: expect.objectContaining({ kind: 'update', status: 'open' }),
    });
    const update = (await jobFor(id, 'tr', tr.token))!;
    const detail = (await job(update.id, tr.token)).body;
    expect(detail.source.revisionId).toBe(republished.liveRevisionId);
    expect(detail.diff.body).toEqual([expect.objectContaining({ status: 'changed', fromParagraph: 1, toParagraph: 1 })]);

    // Another article, the same crossing, but the translator checks the new diff and declares the text translates it.
    const id2 = await liveArticle();
    const job2 = (await jobFor(id2, 'tr', tr.token))!;
    await act(job2.id, 'claim', tr.token);
    const saved2 = await new ContentFactory(test.http, tr.token).translation(id2, 'tr', {
      title: 'Hazar',
      summary: 'Üç liman.',
      body: 'Yük.[^1]\n\nBakü.\n\nTürkmenbaşı.[^1]',
    });
    const en2 = (await test.http.get(`/admin/v1/articles/${id2}`, { token: admin })).body.translations.en;
    const moved2 = await make.translation(
      id2,
      'en',
      { title: 'Ports of the Caspian', summary: 'Three ports, one sea.', body: `${BODY.join('\n\n')} ` },
      en2.version,
    );
    const republished2 = await make.publish(id2, 'en', moved2.version);
    const ok = await test.http.post(
      `/admin/v1/jobs/${job2.id}/submit`,
      { sourceRevisionId: republished2.liveRevisionId },
      { token: tr.token, headers: { 'if-match': `"${saved2.version}"` } },
    );
    expect(ok.status).toBe(200);
    await make.steps(id2, 'tr', saved2.version + 1, 'approve', 'publish');
    const coverage2 = (await test.http.get(`/admin/v1/translation-status?article=${id2}`, { token: admin })).body;
    expect(coverage2.find((c: { locale: string }) => c.locale === 'tr')).toMatchObject({ state: 'up_to_date', job: null });
  });

  it('lets editors assign, prioritise and date jobs, and orders the queue by priority, due date, then age', async () => {
    const ids = [await liveArticle(), await liveArticle(), await liveArticle()];
    const jobs = await Promise.all(ids.map((id) => jobFor(id, 'tr', tr.token)));
    const patch = (j: { id: string; version: number }, body: Record<string, unknown>) =>
      test.http.patch(`/admin/v1/jobs/${j.id}`, body, { token: editor, headers: { 'if-match': `"${j.version}"` } });
    expect((await patch(jobs[2]!, { priority: 'urgent' })).status).toBe(200);
    expect((await patch(jobs[1]!, { dueAt: '2026-01-01T00:00:00Z' })).status).toBe(200);
    const lowered = await patch(jobs[0]!, { priority: 'low' });
    expect(lowered.body).toMatchObject({ priority: 'low', version: jobs[0]!.version + 1 });
    expect((await patch(jobs[0]!, { priority: 'high' })).status).toBe(412);
    expect((await test.http.patch(`/admin/v1/jobs/${jobs[0]!.id}`, { priority: 'low' }, { token: editor })).status).toBe(428);
    expect((await patch(lowered.body, { priority: 'sky-high' })).status).toBe(400);
    expect((await patch(lowered.body, { priority: null })).status).toBe(400);
    expect((await patch(lowered.body, { unknown: 1 })).status).toBe(400);
    // ISO 8601 forms JavaScript's Date cannot read, and days that do not exist, are 400 (they were a 500).
    for (const dueAt of ['20270101', '2027-W01-1', '2027-01-01T10:00:00+05', '2027-100', '2027-02-30']) {
      expect({ dueAt, status: (await patch(lowered.body, { dueAt })).status }).toEqual({ dueAt, status: 400 });
    }
    expect((await patch(lowered.body, {})).body).toMatchObject({ version: lowered.body.version });
    expect((await patch(lowered.body, { assigneeId: ru.user.id })).status).toBe(422);
    const assigned = await patch(lowered.body, { assigneeId: tr.user.id });
    expect(assigned.body).toMatchObject({ status: 'claimed', assignee: { id: tr.user.id } });

    const list = (await queue('tr', tr.token, '?limit=100')).body.items.map((item: { id: string }) => item.id);
    const order = jobs.map((j) => list.indexOf(j!.id));
    expect(order[2]).toBeLessThan(order[1]);
    expect(order[1]).toBeLessThan(order[0]);
    const mine = (await queue('tr', tr.token, '?assignee=me')).body;
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(jobs[0]!.id);
    expect((await queue('tr', tr.token, '?status=bogus')).status).toBe(400);
    expect((await queue('tr', tr.token, '?limit=100000')).status).toBe(400);
  });

  it('opens one job per locale however publishing, backfill and submits cross: 8 rounds, no 5xx, never two active jobs', async () => {
    for (let round = 0; round < 8; round++) {
      const { id } = await make.article();
      await make.source(id, 'Yearbook');
      const en = await make.translation(id, 'en', { title: `Crossing ${round}`, body: 'Text.[^1]' });
      const approved = await make.steps(id, 'en', en.version, 'submit', 'approve');
      const trText = await new ContentFactory(test.http, tr.token).translation(id, 'tr', { title: `Geçiş ${round}`, body: 'Metin.[^1]' });
      const answers = await Promise.all([
        test.http.post(`/admin/v1/articles/${id}/translations/en/publish`, {}, { token: admin, headers: { 'if-match': `"${approved.version}"` } }),
        test.http.post('/admin/v1/queues/tr/backfill', {}, { token: editor }),
        test.http.post(`/admin/v1/articles/${id}/translations/tr/submit`, {}, { token: tr.token, headers: { 'if-match': `"${trText.version}"` } }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const { rows } = await db.query(
        `SELECT target_locale, count(*)::int AS n FROM translation_job WHERE article_id = $1 AND status IN ('open', 'claimed', 'in_review') GROUP BY 1 ORDER BY 1`,
        [id],
      );
      // tr was submitted before or after the job opened: either way one job, in review or open.
      expect(rows).toEqual([
        { target_locale: 'ru', n: 1 },
        { target_locale: 'tr', n: 1 },
      ]);
    }
  });

  it('reports coverage per locale that matches the data, and backfills a locale added later', async () => {
    const status = async () => (await test.http.get('/admin/v1/translation-status', { token: admin })).body as any[];
    const before = await status();
    const { rows } = await db.query(`
      SELECT l.code,
             count(*) FILTER (WHERE t.live_revision_id IS NOT NULL AND t.live_source_revision_id = s.live_revision_id)::int AS up,
             count(*) FILTER (WHERE t.live_revision_id IS NOT NULL AND t.live_source_revision_id IS DISTINCT FROM s.live_revision_id)::int AS outdated,
             count(*) FILTER (WHERE t.live_revision_id IS NULL)::int AS missing,
             count(*)::int AS published
        FROM locale l CROSS JOIN article a
        JOIN article_translation s ON s.article_id = a.id AND s.locale = a.source_locale AND s.live_revision_id IS NOT NULL
        LEFT JOIN article_translation t ON t.article_id = a.id AND t.locale = l.code
       WHERE l.enabled AND a.source_locale <> l.code GROUP BY l.code`);
    for (const row of rows) {
      expect(before.find((c) => c.locale === row.code)).toMatchObject({
        upToDate: row.up,
        outdated: row.outdated,
        missing: row.missing,
        published: row.published,
      });
    }
    const trCoverage = before.find((c) => c.locale === 'tr');
    expect(trCoverage.upToDate).toBeGreaterThanOrEqual(1);
    expect(trCoverage.outdated).toBeGreaterThanOrEqual(1);
    expect(trCoverage.oldestWaitingJob).toMatchObject({ kind: expect.any(String) });
    expect((await test.http.get('/admin/v1/translation-status', { token: tr.token })).body.map((c: { locale: string }) => c.locale)).toEqual(['tr']);

    const created = await test.http.post('/admin/v1/locales', { code: 'kk', name: 'Kazakh', nativeName: 'Қазақша', fallback: 'ru' }, { token: admin });
    expect(created.status).toBe(201);
    const first = await test.http.post('/admin/v1/queues/kk/backfill', {}, { token: editor });
    expect(first.body.opened).toBe(trCoverage.published);
    expect(first.body.opened).toBeGreaterThan(5);
    expect((await test.http.post('/admin/v1/queues/kk/backfill', {}, { token: editor })).body.opened).toBe(0);
    expect((await queue('kk', admin)).body.total).toBe(first.body.opened);
    expect((await status()).find((c) => c.locale === 'kk')).toMatchObject({ missing: first.body.opened, activeJobs: first.body.opened });
  });
});
