export interface FootnoteIssue {
  code: 'footnote_without_source' | 'source_not_cited' | 'footnote_missing_from_translation' | 'footnote_not_in_source_locale';
  footnote: number;
}

export interface FootnoteReport {
  errors: FootnoteIssue[];
  warnings: FootnoteIssue[];
}

/**
 * Footnote integrity of one translation. Errors: a footnote cites a source that does not exist;
 * the translation's footnotes differ from the source locale's (a claim lost or gained its citation).
 * Warnings: a source nobody cites. A source the source text cites but this translation leaves
 * out is reported once, as the footnote missing here, not also as a source never cited.
 */
export function checkFootnotes(cited: readonly number[], sourcePositions: readonly number[], sourceLocaleCited: readonly number[] | null): FootnoteReport {
  const citedSet = new Set(cited);
  const sources = new Set(sourcePositions);
  const ascending = (a: FootnoteIssue, b: FootnoteIssue) => a.footnote - b.footnote;
  const errors: FootnoteIssue[] = [...citedSet].filter((n) => !sources.has(n)).map((footnote) => ({ code: 'footnote_without_source', footnote }));
  if (sourceLocaleCited) {
    const inSource = new Set(sourceLocaleCited);
    for (const footnote of inSource) if (!citedSet.has(footnote)) errors.push({ code: 'footnote_missing_from_translation', footnote });
    for (const footnote of citedSet) if (!inSource.has(footnote)) errors.push({ code: 'footnote_not_in_source_locale', footnote });
  }
  const citedAnywhere = new Set([...citedSet, ...(sourceLocaleCited ?? [])]);
  const warnings: FootnoteIssue[] = [...sources].filter((n) => !citedAnywhere.has(n)).map((footnote) => ({ code: 'source_not_cited', footnote }));
  return { errors: errors.sort(ascending), warnings: warnings.sort(ascending) };
}
