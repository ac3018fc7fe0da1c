import { Client } from 'pg';
import { XMLParser } from 'fast-xml-parser';
import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/** XLIFF 2.0 round trips with CAT tools, every refused file, and the translation memory. */
describe('XLIFF and translation memory', () => {
  let test: TestApp;
  let admin: string;
  let make: ContentFactory;
  let db: Client;
  let tr: { token: string; user: { id: string } };

  beforeAll(async () => {
    test = await startTestApp('admin');
    ({ token: admin } = await signIn(test, 'admin'));
    tr = await signIn(test, 'translator', ['tr']);
    make = new ContentFactory(test.http, admin);
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await test.close();
  });

  const REPEATED = 'The Caspian is the largest enclosed body of water on Earth.[^1]';

  async function liveArticle(body: string[]): Promise<{ id: string; jobId: string }> {
    const { id } = await make.article();
    await make.source(id, 'Atlas of inland seas');
    await make.source(id, 'Shipping review');
    const en = await make.translation(id, 'en', { title: `Caspian shipping ${Math.random()}`, summary: 'Where cargo goes & why.', body: body.join('\n\n') });
    await make.publish(id, 'en', en.version);
    const { rows } = await db.query(`SELECT id FROM translation_job WHERE article_id = $1 AND target_locale = 'tr'`, [id]);
    return { id, jobId: rows[0].id };
  }
  const exportFile = async (jobId: string, token = tr.token) => test.http.get(`/admin/v1/jobs/${jobId}/xliff`, { token });
  const importFile = (jobId: string, xml: string | Buffer, headers: Record<string, string> = {}, token = tr.token) =>
    test.http.put(`/admin/v1/jobs/${jobId}/xliff`, undefined, { token, rawBody: xml, headers: { 'content-type': 'application/xliff+xml', ...headers } });
  /** What a CAT tool does: writes a target after each source, leaving codes in place. */
  const fill = (xml: string, translate: (source: string, unit: string) => string) =>
    xml.replace(/<unit id="([^"]+)">([\s\S]*?)<\/unit>/g, (_whole, unit: string, inner: string) => {
      const source = /<source>([\s\S]*?)<\/source>/.exec(inner)![1];
      const withoutTarget = inner.replace(/\s*<target>[\s\S]*?<\/target>/, '');
      return `<unit id="${unit}">${withoutTarget.replace('</source>', `</source><target>${translate(source, unit)}</target>`)}</unit>`;
    });
  const translation = async (id: string) =>
    (await db.query(`SELECT title, summary, body_markdown AS body, version FROM article_translation WHERE article_id = $1 AND locale = 'tr'`, [id])).rows[0];

  it('exports one unit per field and paragraph with footnotes as protected codes, and imports the filled file as the translation', async () => {
    const { id, jobId } = await liveArticle(['Cargo grew.[^1] Ships, too.[^2]', 'Ports < 10 & more.', REPEATED]);
    await test.http.post(`/admin/v1/jobs/${jobId}/claim`, {}, { token: tr.token });
    const exported = await exportFile(jobId);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/xliff+xml');
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.tr\.xlf"/);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(exported.text);
    expect(parsed.xliff).toMatchObject({ version: '2.0', srcLang: 'en', trgLang: 'tr' });
    expect(parsed.xliff.file.unit.map((u: { id: string }) => u.id)).toEqual(['title', 'summary', 'p1', 'p2', 'p3']);
    expect(exported.text).toContain('<source>Cargo grew.<ph id="ph1" dataRef="fn1" disp="[^1]"/> Ships, too.<ph id="ph2" dataRef="fn2" disp="[^2]"/></source>');
    expect(exported.text).toContain('Ports &lt; 10 &amp; more.');

    const targets: Record<string, string> = {
      title: 'Hazar’da taşımacılık',
      summary: 'Yük nereye gider ve neden.',
      p1: 'Yük arttı.<ph id="ph1" dataRef="fn1" disp="[^1]"/> Gemiler de.<ph id="ph2" dataRef="fn2" disp="[^2]"/>',
      p2: 'Limanlar &lt; 10 &amp; fazlası.',
      p3: 'Hazar, Dünya’nın en büyük kapalı su kütlesidir.<ph id="ph1" dataRef="fn1" disp="[^1]"/>',
    };
    const imported = await importFile(
      jobId,
      fill(exported.text, (_s, unit) => targets[unit]),
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ units: 5, status: 'draft', version: 1 });
    expect(await translation(id)).toMatchObject({
      title: 'Hazar’da taşımacılık',
      summary: 'Yük nereye gider ve neden.',
      body: 'Yük arttı.[^1] Gemiler de.[^2]\n\nLimanlar < 10 & fazlası.\n\nHazar, Dünya’nın en büyük kapalı su kütlesidir.[^1]',
    });
    const revisions = await test.http.get(`/admin/v1/articles/${id}/translations/tr/revisions`, { token: admin });
    expect(revisions.body[0]).toMatchObject({ message: 'Imported from XLIFF' });

    // A second export carries the translation as targets, marked translated; importing it back changes nothing.
    const again = await exportFile(jobId);
    expect(again.text).toContain('<segment state="translated">');
    const same = await importFile(jobId, again.text);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ version: 1, revisionId: null });

    // Submitting through the job, approving and publishing feeds the memory.
    await test.http.post(`/admin/v1/jobs/${jobId}/submit`, {}, { token: tr.token, headers: { 'if-match': '"1"' } });
    await make.steps(id, 'tr', 2, 'approve', 'publish');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM translation_memory WHERE target_locale = 'tr' AND article_id = $1`, [id]);
    expect(rows[0].n).toBe(5);
  });

  it('imports a file as CAT tools write it: <mrk> terms, <pc> formatting, sentences split into segments, notes', async () => {
    const { id, jobId } = await liveArticle(['One sentence. Another one.[^2]']);
    const exported = (await exportFile(jobId)).text;
    const original = /original="([^"]+)"/.exec(exported)![1];
    const cat = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="tr">
  <file id="f1" original="${original}">
    <mda:metadata><mda:metaGroup category="tool"><mda:meta type="tool-id">memoQ</mda:meta></mda:metaGroup></mda:metadata>
    <notes><note>Translated in a CAT tool</note></notes>
    <unit id="title"><notes><note>Title</note></notes><segment state="final"><source>x</source><target>Hazar’da <mrk id="m1" type="term" ref="#t1">taşımacılık</mrk></target></segment></unit>
    <unit id="summary"><segment><source>x</source><target><pc id="1" type="fmt" subType="xlf:b">Yük</pc> nereye gider.</target></segment></unit>
    <unit id="p1">
      <originalData><data id="fn2">[^2]</data></originalData>
      <segment id="s1" state="reviewed"><source>One sentence.</source><target>Bir cümle.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment id="s2"><source>Another one.<ph id="ph1" dataRef="fn2"/></source><target>Bir tane daha.<ph id="ph1" dataRef="fn2"/></target></segment>
    </unit>
  </file>
</xliff>`;
    const imported = await importFile(jobId, cat, { 'content-type': 'application/xml; charset=utf-8' });
    expect(imported.status).toBe(200);
    expect(await translation(id)).toMatchObject({ title: 'Hazar’da taşımacılık', summary: 'Yük nereye gider.', body: 'Bir cümle. Bir tane daha.[^2]' });
  });

  it('refuses every wrong file whole, naming the unit, and writes nothing', async () => {
    const { id, jobId } = await liveArticle(['First.[^1]', 'Second.']);
    const other = await liveArticle(['Other.']);
    const exported = (await exportFile(jobId)).text;
    const good = (source: string) => source;
    const base = fill(exported, good);
    const refused = async (xml: string | Buffer, status: number, error: string, headers: Record<string, string> = {}) => {
      const answer = await importFile(jobId, xml, headers);
      expect({ status: answer.status, error: answer.body.error }).toEqual({ status, error });
      expect(answer.text).not.toMatch(/stack|at \w+ \(/);
      return answer.body;
    };

    await refused(base.slice(0, base.length / 2), 400, 'xliff.malformed');
    await refused('', 400, 'xliff.malformed');
    await refused('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff version="2.0"/>', 400, 'xliff.malformed');
    await refused(base.replace('version="2.0"', 'version="1.2"'), 400, 'xliff.not_xliff2');
    await refused(Buffer.from([0x3c, 0x78, 0xff, 0xfe]), 400, 'request.invalid_utf8');
    await refused(base, 415, 'request.unsupported_media_type', { 'content-type': 'text/plain' });
    await refused(fill((await exportFile(other.jobId)).text, good), 422, 'xliff.wrong_job');
    await refused(base.replace('trgLang="tr"', 'trgLang="ru"'), 422, 'xliff.wrong_locale');
    const missing = await refused(base.replace(/<unit id="p2">[\s\S]*?<\/unit>/, ''), 422, 'xliff.units_invalid');
    expect(missing.details).toEqual([expect.objectContaining({ field: 'p2', code: 'xliff.unit_missing' })]);
    const extra = await refused(
      base.replace('</file>', '<unit id="p9"><segment><source>x</source><target>y</target></segment></unit></file>'),
      422,
      'xliff.units_invalid',
    );
    expect(extra.details).toEqual([expect.objectContaining({ field: 'p9', code: 'xliff.unit_unknown' })]);
    const codes = await refused(
      fill(exported, (source, unit) => (unit === 'p1' ? 'First, without its footnote.' : source)),
      422,
      'xliff.units_invalid',
    );
    expect(codes.details).toEqual([expect.objectContaining({ field: 'p1', code: 'xliff.codes_changed', message: expect.stringContaining('1') })]);
    const empty = await refused(
      fill(exported, (source, unit) => (unit === 'title' ? '  ' : source)),
      422,
      'xliff.units_invalid',
    );
    expect(empty.details).toEqual([expect.objectContaining({ field: 'title', code: 'xliff.target_missing' })]);
    const split = await refused(
      fill(exported, (source, unit) => (unit === 'p2' ? 'One.\n\nTwo.' : source)),
      422,
      'xliff.units_invalid',
    );
    expect(split.details).toEqual([expect.objectContaining({ field: 'p2', code: 'xliff.paragraph_split' })]);
    await refused(
      fill(exported, (source, unit) => (unit === 'p2' ? 'x<ph id="9"/>' : source)),
      422,
      'xliff.unknown_code',
    );
    const long = await refused(
      fill(exported, (source, unit) => (unit === 'title' ? 'x'.repeat(301) : source)),
      422,
      'xliff.units_invalid',
    );
    expect(long.details).toEqual([expect.objectContaining({ field: 'title', code: 'maxLength', message: expect.stringContaining('300') })]);
    await refused(
      fill(exported, (source, unit) => (unit === 'title' ? '&xxe;' : source)),
      400,
      'xliff.malformed',
    );
    const duplicate = await refused(base.replace(/(<unit id="p2">[\s\S]*?<\/unit>)/, '$1$1'), 422, 'xliff.units_invalid');
    expect(duplicate.details).toEqual([expect.objectContaining({ field: 'p2', code: 'xliff.unit_duplicate' })]);
    await refused(
      fill(exported, (source, unit) => (unit === 'p2' ? 'nul &#0; here' : source)),
      400,
      'xliff.malformed',
    );
    const localized = await importFile(jobId, base.replace('trgLang="tr"', 'trgLang="ru"'), { 'accept-language': 'tr' });
    expect(localized.body.message).toContain('Bu dosya');
    expect(await translation(id)).toBeUndefined();

    // Someone saved the translation after the export: 412, unless If-Match says to overwrite that version.
    await new ContentFactory(test.http, tr.token).translation(id, 'tr', { title: 'Elle', body: 'Birinci.[^1]\n\nİkinci.' });
    await refused(base, 409, 'xliff.translation_created');
    const overwrite = await importFile(jobId, base, { 'if-match': '"1"' });
    expect(overwrite.status).toBe(200);
    const stale = fill((await exportFile(jobId)).text, good);
    await new ContentFactory(test.http, tr.token).translation(id, 'tr', { title: 'Elle 2', body: 'Birinci.[^1]\n\nİkinci.' }, overwrite.body.version);
    await refused(stale, 412, 'request.precondition_failed');

    // The source moved on after the export: the file is for an older revision.
    const en = (await test.http.get(`/admin/v1/articles/${id}`, { token: admin })).body.translations.en;
    const saved = await make.translation(id, 'en', { title: en.title, summary: en.summary, body: 'First.[^1]\n\nSecond, revised.' }, en.version);
    await make.publish(id, 'en', saved.version);
    await refused(stale, 409, 'xliff.stale_source');

    // Another translator holds the job: 409; a translator of another language: 403.
    const other2 = await signIn(test, 'translator', ['tr']);
    await test.http.post(`/admin/v1/jobs/${jobId}/claim`, {}, { token: other2.token });
    await refused(fill((await exportFile(jobId)).text, good), 409, 'job.claimed');
    const ru = await signIn(test, 'translator', ['ru']);
    expect((await importFile(jobId, base, {}, ru.token)).status).toBe(403);
    expect((await exportFile(jobId, ru.token)).status).toBe(403);
  });

  it('suggests memory matches for a paragraph translated in another article, whatever its footnote numbers, and pretranslates exact ones', async () => {
    // The first test published REPEATED citing [^1]; here it cites [^2], and a near-identical sentence follows.
    const near = 'The Caspian is the largest enclosed body of water on the Earth.[^1]';
    const { id, jobId } = await liveArticle(['A new opening paragraph.', REPEATED.replace('[^1]', '[^2]'), near]);
    const detail = (await test.http.get(`/admin/v1/jobs/${jobId}`, { token: tr.token })).body;
    const [p1, p2, p3] = detail.segments.filter((s: { field: string }) => s.field === 'body');
    expect(p1.memory).toEqual([]);
    expect(p2.memory[0]).toEqual({
      score: 100,
      exact: true,
      source: REPEATED.replace('[^1]', '[^2]'),
      target: 'Hazar, Dünya’nın en büyük kapalı su kütlesidir.[^2]',
    });
    expect(p3.memory[0]).toMatchObject({ exact: false, target: 'Hazar, Dünya’nın en büyük kapalı su kütlesidir.[^1]' });
    expect(p3.memory[0].score).toBeGreaterThanOrEqual(80);
    expect(p3.memory[0].score).toBeLessThan(100);

    const pre = await test.http.post(`/admin/v1/jobs/${jobId}/pretranslate`, {}, { token: tr.token });
    expect(pre.status).toBe(200);
    // The summary repeats the first article's too.
    expect(pre.body.applied).toEqual(['summary', 'p2']);
    const text = await translation(id);
    expect(text.body.split('\n\n')[1]).toBe('Hazar, Dünya’nın en büyük kapalı su kütlesidir.[^2]');
    // The units with no match hold the source text for now, and still count as untranslated.
    const after = (await test.http.get(`/admin/v1/jobs/${jobId}`, { token: tr.token })).body;
    expect(after.segments.find((s: { id: string }) => s.id === 'p1').target).toBeNull();
    expect((await exportFile(jobId)).text).toMatch(/<unit id="p1">[\s\S]*?<segment state="initial">/);
    // Nothing more to apply: a second call writes nothing.
    expect((await test.http.post(`/admin/v1/jobs/${jobId}/pretranslate`, {}, { token: tr.token })).body).toMatchObject({ applied: [], version: null });
  });

  it('never loses a save to a concurrent import: an XLIFF import and a PUT of the same version, 15 rounds, exactly one wins', async () => {
    const { id, jobId } = await liveArticle(['Race paragraph one.[^1]', 'Race paragraph two.']);
    await test.http.post(`/admin/v1/jobs/${jobId}/claim`, {}, { token: tr.token });
    const writer = new ContentFactory(test.http, tr.token);
    let version = (await writer.translation(id, 'tr', { title: 'Yarış', body: 'Bir.[^1]\n\nİki.' })).version;
    for (let round = 0; round < 15; round++) {
      const file = fill((await exportFile(jobId)).text, (_source, unit) =>
        unit === 'p1' ? `Dosya ${round}.<ph id="ph1" dataRef="fn1" disp="[^1]"/>` : `${unit} ${round}`,
      );
      const [imported, put] = await Promise.all([
        importFile(jobId, file),
        test.http.put(
          `/admin/v1/articles/${id}/translations/tr`,
          { title: `Elle ${round}`, body: `Elle ${round}.[^1]\n\nİki.` },
          { token: tr.token, headers: { 'if-match': `"${version}"` } },
        ),
      ]);
      expect([imported.status, put.status].sort()).toEqual([200, 412]);
      const text = await translation(id);
      expect(text.title).toBe(imported.status === 200 ? `title ${round}` : `Elle ${round}`);
      version = text.version;
    }
  });
});
