import { buildXliff, parseXliff, XliffFault } from './xliff-format';

const file = {
  srcLang: 'en',
  trgLang: 'tr',
  original: 'kalam:job/j1/source/r1/translation/3',
  units: [
    { id: 'title', note: 'Title', source: 'Ports & <harbours> "quoted"', target: null },
    { id: 'p1', note: 'Paragraph 1', source: 'Cargo grew.[^1] Again[^2][^1].', target: 'Yük  arttı.[^1] Yine[^2][^1].' },
  ],
};

const fault = (xml: string): XliffFault => {
  try {
    parseXliff(xml);
  } catch (error) {
    if (error instanceof XliffFault) return error;
    throw error;
  }
  throw new Error('parsed');
};

describe('XLIFF 2.0 files', () => {
  it('round-trips text, escapes and footnote codes, never adding whitespace inside source or target', () => {
    const xml = buildXliff(file);
    expect(xml).toContain('<ph id="ph1" dataRef="fn1" disp="[^1]"/>');
    expect(xml).toContain('<data id="fn1">[^1]</data>');
    expect(xml).not.toContain('[^1]</source>');
    const parsed = parseXliff(xml);
    expect(parsed).toMatchObject({ srcLang: 'en', trgLang: 'tr', original: file.original });
    expect(parsed.units).toEqual([
      { id: 'title', source: file.units[0].source, target: null },
      { id: 'p1', source: file.units[1].source, target: file.units[1].target },
    ]);
  });

  it('reads what CAT tools write: <mrk> annotations, <pc> formatting, several segments, groups, notes, codes found by equiv', () => {
    const xml = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru">
 <file id="x" original="o"><notes><note>from memoQ</note></notes>
  <group id="g"><unit id="p1"><notes><note>context</note></notes>
   <segment state="reviewed"><source>One.</source><target>Один <mrk id="m1" type="term" value="x">раз</mrk>.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>Two <ph id="1" equiv="[^4]"/>.</source><target><pc id="b" type="fmt">Два</pc> <ph id="1" equiv="[^4]"/>.</target></segment>
  </unit></group>
 </file>
</xliff>`;
    expect(parseXliff(xml).units).toEqual([{ id: 'p1', source: 'One. Two [^4].', target: 'Один раз. Два [^4].' }]);
  });

  it('decodes character references CAT tools write', () => {
    const xml =
      '<xliff version="2.0" srcLang="en" trgLang="tr"><file id="f"><unit id="p1"><segment><source>a</source><target>caf&#233; &#x1F600; &amp;</target></segment></unit></file></xliff>';
    expect(parseXliff(xml).units[0].target).toBe('café 😀 &');
  });

  it('leaves a unit untranslated when one of its segments has no target', () => {
    const xml = `<xliff version="2.0" srcLang="en" trgLang="tr"><file id="f"><unit id="p1"><segment><source>A.</source><target>B.</target></segment><segment><source>C.</source></segment></unit></file></xliff>`;
    expect(parseXliff(xml).units[0].target).toBeNull();
  });

  it.each([
    ['truncated', '<xliff version="2.0"><file id="a"><unit id="x"><segment><source>a</sourc', 'xliff.malformed'],
    ['not XML', 'hello', 'xliff.malformed'],
    ['a DTD (entity expansion)', '<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="2.0"/>', 'xliff.malformed'],
    ['a NUL reference', '<xliff version="2.0"><file id="a"><unit id="x"><segment><source>a&#0;</source></segment></unit></file></xliff>', 'xliff.malformed'],
    [
      'a surrogate reference',
      '<xliff version="2.0"><file id="a"><unit id="x"><segment><source>a&#xD800;</source></segment></unit></file></xliff>',
      'xliff.malformed',
    ],
    [
      'a control character',
      '<xliff version="2.0"><file id="a"><unit id="x"><segment><source>a\u0001</source></segment></unit></file></xliff>',
      'xliff.malformed',
    ],
    [
      'markup nested 10,000 deep',
      `<xliff version="2.0"><file id="a"><unit id="x"><segment><source>a</source><target>${'<mrk id="m">'.repeat(10_000)}x${'</mrk>'.repeat(10_000)}</target></segment></unit></file></xliff>`,
      'xliff.malformed',
    ],
    ['XLIFF 1.2', '<xliff version="1.2"><file original="a" source-language="en" datatype="plaintext"><body/></file></xliff>', 'xliff.not_xliff2'],
    ['another root', '<html><body/></html>', 'xliff.not_xliff2'],
    ['two files', '<xliff version="2.0" srcLang="en"><file id="a"/><file id="b"/></xliff>', 'xliff.one_file'],
    [
      'an unknown code',
      '<xliff version="2.0" srcLang="en"><file id="a"><unit id="p1"><segment><source>a</source><target>b<ph id="9"/></target></segment></unit></file></xliff>',
      'xliff.unknown_code',
    ],
    [
      'an unknown element',
      '<xliff version="2.0" srcLang="en"><file id="a"><unit id="p2"><segment><source>a</source><target>b<script>x</script></target></segment></unit></file></xliff>',
      'xliff.unknown_element',
    ],
  ])('refuses %s', (_label, xml, code) => {
    expect(fault(xml).code).toBe(code);
  });

  it('names the unit whose codes it cannot read', () => {
    const error = fault(
      '<xliff version="2.0" srcLang="en"><file id="a"><unit id="p7"><segment><source>a</source><target>b<ph id="9"/></target></segment></unit></file></xliff>',
    );
    expect(error.params).toMatchObject({ unit: 'p7' });
  });
});
