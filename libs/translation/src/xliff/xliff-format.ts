import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { piecesOf } from '../segments/segments';

/** A job's XLIFF file as Kalam writes and reads it. */
export interface XliffFile {
  srcLang: string;
  trgLang: string;
  /** `kalam:job/<job>/source/<revision>/translation/<version|none>`: which job, source revision and translation text the file was made from. */
  original: string;
  units: XliffUnit[];
}

export interface XliffUnit {
  id: string;
  /** What the unit is, for the translator (a note in the file). */
  note?: string;
  source: string;
  target: string | null;
  /** `initial` asks for work (no target, or the source changed under it); `translated` is done. Defaults from the target. */
  state?: 'initial' | 'translated';
}

/** Why a file cannot be read, with what to show the user. */
export class XliffFault extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const text = (value: string): Node => ({ '#text': value });
const element = (name: string, attributes: Record<string, string> | null, children: Node[]): Node => ({
  [name]: children,
  ...(attributes ? { ':@': attributes } : {}),
});

/** Text with each footnote citation as a placeholder code (`<ph>`) whose original data is the marker: CAT tools protect it. */
function inline(value: string): Node[] {
  let occurrence = 0;
  return piecesOf(value).map((piece) =>
    typeof piece === 'string' ? text(piece) : element('ph', { id: `ph${++occurrence}`, dataRef: `fn${piece.footnote}`, disp: `[^${piece.footnote}]` }, []),
  );
}

/**
 * Writes XLIFF 2.0 through fast-xml-parser's builder (escaping is the library's), indenting the
 * structure but never inside <source>/<target>, whose whitespace is text.
 */
export function buildXliff(file: XliffFile): string {
  const indent = (depth: number) => text('\n' + '  '.repeat(depth));
  const units = file.units.flatMap((unit) => {
    const footnotes = [...new Set(piecesOf(unit.source).flatMap((piece) => (typeof piece === 'string' ? [] : [piece.footnote])))];
    const children: Node[] = [];
    if (unit.note) children.push(indent(3), element('notes', null, [element('note', { category: 'location' }, [text(unit.note)])]));
    if (footnotes.length) {
      children.push(
        indent(3),
        element(
          'originalData',
          null,
          footnotes.map((n) => element('data', { id: `fn${n}` }, [text(`[^${n}]`)])),
        ),
      );
    }
    const segment: Node[] = [indent(4), element('source', null, inline(unit.source))];
    if (unit.target !== null) segment.push(indent(4), element('target', null, inline(unit.target)));
    segment.push(indent(3));
    children.push(indent(3), element('segment', { state: unit.state ?? (unit.target === null ? 'initial' : 'translated') }, segment), indent(2));
    return [indent(2), element('unit', { id: unit.id }, children)];
  });
  const root = element('xliff', { xmlns: XLIFF_NS, version: '2.0', srcLang: file.srcLang, trgLang: file.trgLang }, [
    indent(1),
    element('file', { id: 'f1', original: file.original }, [...units, indent(1)]),
    text('\n'),
  ]);
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', format: false, suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([root])}\n`;
}

const children = (node: Node, name: string): Node[] => ((node[name] as Node[] | undefined) ?? []).filter((child) => !('#text' in child));
const nameOf = (node: Node): string => Object.keys(node).find((key) => key !== ':@')!;
const attributes = (node: Node): Record<string, string> => node[':@'] ?? {};

/**
 * The text of a <source> or <target>: text, footnote codes back to `[^n]` (found by the data they
 * point at, or their `disp`/`equiv`), annotation markers (<mrk>, <pc>) replaced by what they
 * enclose, code boundaries a tool added (<sc>/<ec>) dropped. Anything else is refused, naming the unit.
 */
function readInline(nodes: Node[], unit: string, data: Map<string, string>): string {
  let out = '';
  for (const node of nodes) {
    if ('#text' in node) {
      out += String(node['#text']);
      continue;
    }
    const name = nameOf(node);
    const attrs = attributes(node);
    if (name === 'ph') {
      const marker = [data.get(attrs.dataRef ?? ''), attrs.equiv, attrs.disp].find((value) => value && /^\[\^\d+\]$/.test(value));
      const fromRef = /^fn(\d+)$/.exec(attrs.dataRef ?? '');
      if (marker) out += marker;
      else if (fromRef) out += `[^${fromRef[1]}]`;
      else throw new XliffFault('xliff.unknown_code', { unit, code: attrs.id ?? '?' });
    } else if (name === 'mrk' || name === 'pc') {
      out += readInline(node[name] as Node[], unit, data);
    } else if (name === 'sc' || name === 'ec' || name === 'sm' || name === 'em') {
      continue;
    } else {
      throw new XliffFault('xliff.unknown_element', { unit, element: name.slice(0, 40) });
    }
  }
  return out;
}

/** The original data a unit's codes point at (`<data id="fn3">[^3]</data>`). */
function originalData(unit: Node): Map<string, string> {
  const data = new Map<string, string>();
  for (const block of children(unit, 'unit').filter((child) => nameOf(child) === 'originalData')) {
    for (const entry of children(block, 'originalData')) {
      const value = ((entry.data as Node[] | undefined) ?? []).map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
      if (attributes(entry).id) data.set(attributes(entry).id, value);
    }
  }
  return data;
}

const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/**
 * XML 1.0 allows neither control characters nor references to them (&#0;, &#xD800;): refused
 * here, because the parser would drop them silently and the text would change without a word.
 */
function assertXmlCharacters(xml: string): void {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const raw = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (raw) throw new XliffFault('xliff.malformed', { reason: `character U+${raw[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
  // XML knows five named entities; anything else is undeclared (DTDs are refused), so not well-formed.
  const named = /&([A-Za-z_][\w.-]*);/.exec(xml.replace(/&(amp|lt|gt|quot|apos);/g, ''));
  if (named) throw new XliffFault('xliff.malformed', { reason: `undeclared entity &${named[1].slice(0, 40)};` });
  for (const match of xml.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const code = match[1][0].toLowerCase() === 'x' ? parseInt(match[1].slice(1), 16) : parseInt(match[1], 10);
    if (!isXmlChar(code)) throw new XliffFault('xliff.malformed', { reason: `${match[0].slice(0, 20)} is not an XML character` });
  }
}

/**
 * Reads an XLIFF 2.x file: checks it is well-formed (no DTDs: entity tricks are refused, not
 * expanded), finds the one <file>, and returns each unit's source and target, the targets of
 * several segments (a CAT tool may split a paragraph into sentences) joined in order.
 */
export function parseXliff(xml: string): XliffFile {
  if (/<!DOCTYPE/i.test(xml)) throw new XliffFault('xliff.malformed', { reason: 'DOCTYPE' });
  assertXmlCharacters(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XliffFault('xliff.malformed', { reason: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` });
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    // Decodes numeric character references (&#233;), which CAT tools may write for any character.
    htmlEntities: true,
    ignorePiTags: true,
    removeNSPrefix: true,
    commentPropName: false,
  });
  let documentNodes: Node[];
  try {
    documentNodes = parser.parse(xml) as Node[];
  } catch (error) {
    // The parser's own limits (nesting depth, entity expansion) end here, as any malformed file does.
    throw new XliffFault('xliff.malformed', { reason: (error as Error).message.slice(0, 200) });
  }
  const root = documentNodes.find((node) => !('#text' in node) && nameOf(node) === 'xliff');
  const version = root ? attributes(root).version : undefined;
  if (!root || !version?.startsWith('2.')) throw new XliffFault('xliff.not_xliff2');
  const files = children(root, 'xliff').filter((node) => nameOf(node) === 'file');
  if (files.length !== 1) throw new XliffFault('xliff.one_file', { count: files.length });
  const file = files[0];

  const units: XliffUnit[] = [];
  const collect = (parent: Node, name: string) => {
    for (const node of children(parent, name)) {
      const kind = nameOf(node);
      if (kind === 'group') collect(node, 'group');
      if (kind !== 'unit') continue;
      const id = attributes(node).id ?? '';
      const data = originalData(node);
      let source = '';
      let target: string | null = '';
      for (const part of children(node, 'unit').filter((child) => ['segment', 'ignorable'].includes(nameOf(child)))) {
        const partName = nameOf(part);
        let partSource = '';
        let partTarget: string | null = null;
        for (const side of children(part, partName)) {
          const sideName = nameOf(side);
          if (sideName !== 'source' && sideName !== 'target') continue;
          const value = readInline(side[sideName] as Node[], id, data);
          if (sideName === 'source') partSource += value;
          else partTarget = value;
        }
        source += partSource;
        // Whitespace between segments (<ignorable>) needs no translation; an untranslated segment leaves the unit untranslated.
        if (partTarget === null && partName === 'ignorable') partTarget = partSource;
        target = target === null || partTarget === null ? null : target + partTarget;
      }
      if (!children(node, 'unit').some((child) => nameOf(child) === 'segment')) target = null;
      units.push({ id, source, target });
    }
  };
  collect(file, 'file');
  const { srcLang, trgLang } = attributes(root);
  return { srcLang: srcLang ?? '', trgLang: trgLang ?? '', original: attributes(file).original ?? '', units };
}
