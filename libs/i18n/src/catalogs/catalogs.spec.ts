import type { CatalogTree } from './catalog-tree';
import { en } from './en';
import { ru } from './ru';
import { tr } from './tr';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Message keys with plural suffixes folded, so "x_one" and "x_few" both count as "x". */
function keys(tree: CatalogTree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.add(path.replace(PLURAL_SUFFIX, ''));
    else for (const nested of keys(value, path)) out.add(nested);
  }
  return out;
}

function placeholders(tree: CatalogTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      const names = [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      out.set(path.replace(PLURAL_SUFFIX, ''), [...new Set(names)].join(','));
    } else for (const [k, v] of placeholders(value, path)) out.set(k, v);
  }
  return out;
}

describe('message catalogs', () => {
  const reference = keys(en);

  it.each([
    ['tr', tr],
    ['ru', ru],
  ])('%s has every English message and no stray ones', (_name, catalog) => {
    const translated = keys(catalog);
    expect([...reference].filter((k) => !translated.has(k))).toEqual([]);
    expect([...translated].filter((k) => !reference.has(k))).toEqual([]);
  });

  it.each([
    ['tr', tr],
    ['ru', ru],
  ])('%s uses the same placeholders as English', (_name, catalog) => {
    const expected = placeholders(en);
    const actual = placeholders(catalog);
    const mismatched = [...expected].filter(([key, names]) => actual.get(key) !== names).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
