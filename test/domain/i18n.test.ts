import fs from 'node:fs';
import path from 'node:path';
import { TYPE, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors/catalogue.ts';
import { LOCALES, negotiateLocale } from '../../src/domain/i18n/locales.ts';
import { CATALOGUE_AREAS } from '../../src/domain/i18n/catalogues/index.ts';
import { catalogues, translate } from '../../src/domain/i18n/translate.ts';

const CATALOGUE_DIR = path.resolve(import.meta.dirname, '../../src/domain/i18n/catalogues');

/** Names of the ICU arguments a message uses, e.g. {count} and {name}. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.select || el.type === TYPE.plural) names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

describe('translation catalogues', () => {
  const french = Object.keys(catalogues.fr).sort();

  it.each(LOCALES)('%s has exactly the keys of the French catalogue', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(french);
  });

  it.each(LOCALES)('%s: every message is valid ICU and uses the same arguments as French', (locale) => {
    for (const key of french) {
      const message = catalogues[locale][key]!;
      expect(message.trim(), `${locale} ${key} is empty`).not.toBe('');
      expect(argumentsOf(message), `${locale} ${key}`).toEqual(argumentsOf(catalogues.fr[key]!));
    }
  });

  it('keeps each key in the folder of its area, and every folder is loaded', () => {
    const folders = fs.readdirSync(CATALOGUE_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect([...CATALOGUE_AREAS].sort()).toEqual(folders.sort());
    for (const area of folders) {
      for (const locale of LOCALES) {
        const file = path.join(CATALOGUE_DIR, area, `${locale}.json`);
        const keys = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
        expect(keys.filter((k) => !k.startsWith(`${area}.`)), file).toEqual([]);
      }
    }
  });

  it('has a message for every error code in the catalogue', () => {
    for (const code of ERROR_CODES) expect(french).toContain(`errors.${code}`);
  });

  it('Bambara is not French copied (apart from names and shared words)', () => {
    const same = french.filter((k) => !k.startsWith('app.language.') && k !== 'app.name' && catalogues.bm[k] === catalogues.fr[k]);
    expect(same).toEqual([]);
  });

  it('formats plurals by locale', () => {
    expect(translate('fr', 'cli.migrate.done', { count: 0 })).toBe('Base de données déjà à jour.');
    expect(translate('fr', 'cli.migrate.done', { count: 1 })).toBe('1 migration appliquée.');
    expect(translate('en', 'cli.migrate.done', { count: 3 })).toBe('3 migrations applied.');
  });

  it('falls back to French, then to the key', () => {
    expect(translate('bm', 'errors.NOT_FOUND')).toBe('A ma sɔrɔ.');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('locale negotiation', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,bm;q=0.5,en;q=0.4', 'bm'],
    ['fr-ML', 'fr'],
    ['en;q=0.2,fr;q=0.8', 'fr'],
    ['de,it', 'fr'],
    ['en;q=0', 'fr'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
