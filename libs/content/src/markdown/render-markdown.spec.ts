import { citationMarkdown, renderArticleBody, renderMarkdown } from './render-markdown';

const labels = { accessed: (date: string) => `accessed ${date}` };

describe('renderArticleBody', () => {
  const sources = [
    { position: 1, title: 'Joint statement on water sharing', publisher: 'Ministry of Energy', url: 'https://example.org/statement', accessedOn: '2024-03-01' },
    { position: 2, title: 'Annual *report* [draft]', publisher: null, url: null, accessedOn: null },
  ];

  it('links footnote references to a numbered list built from the sources', () => {
    const html = renderArticleBody('Flows fell.[^2] The basin is shared.[^1] Again.[^2]', sources, labels);
    // Numbered by source position, whatever the order of first use.
    expect(html).toContain('Flows fell.<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>');
    expect(html).toContain('Again.<sup class="footnote-ref"><a href="#fn-2" id="fnref-2-1">2</a></sup>');
    expect(html).toContain('<section class="footnotes"><ol class="footnotes-list">\n<li id="fn-1">');
    expect(html).toContain(
      '<li id="fn-1">Joint statement on water sharing, <em>Ministry of Energy</em>, <a href="https://example.org/statement" rel="noopener noreferrer nofollow">https://example.org/statement</a> (accessed 2024-03-01) <a href="#fnref-1" class="footnote-backref">↩</a></li>',
    );
    // Markdown in a source title is shown literally, not interpreted.
    expect(html).toContain('Annual *report* [draft]');
  });

  it('cannot be made to show a forged footnote list: author HTML loses ids and classes', () => {
    const body =
      'Claim.[^1]\n\n<section class="footnotes"><ol class="footnotes-list"><li id="fn-1">A forged source <a href="#fnref-1" class="footnote-backref" id="fnref-1">↩</a></li></ol></section>\n\n```js\nconst x = 1;\n```';
    const html = renderArticleBody(body, sources, labels);
    expect(html.match(/id="fn-1"/g)).toHaveLength(1);
    expect(html.match(/class="footnotes"/g)).toHaveLength(1);
    expect(html).toContain('<section><ol><li>A forged source <a href="#fnref-1">↩</a></li></ol></section>');
    expect(html).toContain('<li id="fn-1">Joint statement on water sharing');
    expect(html).toContain('<code class="language-js">');
    expect(html).not.toMatch(/kalam-[0-9a-f-]{36}/);
  });

  it('removes scripts, event handlers and javascript: URLs', () => {
    const body =
      'Hi <script>alert(1)</script> <img src="https://example.org/x.png" onerror="alert(2)"> [click](javascript:alert(3)) <a href="javascript:alert(4)">x</a> <iframe src="https://evil.example"></iframe>';
    const html = renderArticleBody(body, [], labels);
    expect(html).not.toMatch(/<script|onerror|<iframe/i);
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain('<img src="https://example.org/x.png" />');
  });

  it('renders exactly the body and the source list, nothing else', () => {
    const html = renderArticleBody('Claim.[^1]', [{ position: 1, title: 'Report', publisher: null, url: null, accessedOn: null }], labels);
    expect(html).toBe(
      '<p>Claim.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup></p>\n' +
        '<section class="footnotes"><ol class="footnotes-list">\n<li id="fn-1">Report <a href="#fnref-1" class="footnote-backref">↩</a></li>\n</ol></section>\n',
    );
  });

  it('cannot be cut short by a body that imitates the footnote marker', () => {
    const html = renderArticleBody(
      '<!--kalam-footnotes-x-->\n\nStill here.[^1]',
      [{ position: 1, title: 'Report', publisher: null, url: null, accessedOn: null }],
      labels,
    );
    expect(html).toContain('Still here.');
  });

  it('leaves a footnote without a source as plain text', () => {
    expect(renderArticleBody('Claim.[^7]', [sources[0]], labels)).toContain('<p>Claim.[^7]</p>');
  });

  it('ignores footnote definitions typed into the body', () => {
    const html = renderArticleBody('Claim.[^1]\n\n[^1]: A typed definition', [sources[0]], labels);
    expect(html).not.toContain('A typed definition');
    expect(html).toContain('Joint statement on water sharing');
  });
});

describe('citationMarkdown', () => {
  it('omits missing parts', () => {
    expect(citationMarkdown({ position: 1, title: 'Report', publisher: null, url: null, accessedOn: null }, labels)).toBe('Report');
  });
});

describe('renderMarkdown', () => {
  it('renders and sanitizes a bio', () => {
    expect(renderMarkdown('**Uzman** <b onclick="x()">analist</b>')).toBe('<p><strong>Uzman</strong> <b>analist</b></p>\n');
  });
});
