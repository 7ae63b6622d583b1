import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, activeFilters, directoryPath, searchFromQuery, searchToQuery } from './directory-api.ts';
import { DIRECTORY_REGIONS, regionLabel } from './labels.ts';

describe('a directory search in the address', () => {
  it('keeps only what is set, and reads back the same search', () => {
    const search = { ...EMPTY_SEARCH, q: ' Ségou ', serviceType: 'shelter', language: 'bm', openNow: true };
    expect(searchToQuery(search)).toBe('q=S%C3%A9gou&serviceType=shelter&language=bm&openNow=true');
    expect(searchFromQuery(Object.fromEntries(new URLSearchParams(searchToQuery(search))))).toEqual({ ...search, q: 'Ségou' });
    expect(activeFilters(search)).toEqual(['serviceType', 'language', 'openNow']);
    expect(directoryPath(EMPTY_SEARCH)).toBe('/directory');
  });

  it('drops what the server would refuse rather than sending it on', () => {
    expect(searchFromQuery({ cost: 'cheap', openNow: 'yes' })).toEqual(EMPTY_SEARCH);
    expect(searchFromQuery({ cost: 'cost_shared' }).cost).toBe('cost_shared');
  });
});

describe('directory regions', () => {
  it('gives each region one code, the one the server names it by', () => {
    const codes = DIRECTORY_REGIONS.map((r) => r.pcode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DIRECTORY_REGIONS.find((r) => r.name === 'Ségou')?.pcode).toBe('ML04');
    expect(DIRECTORY_REGIONS.find((r) => r.name === 'Bamako')?.pcode).toBe('ML09');
    // ML09 is read as Bamako, so Taoudénit has no code of its own yet.
    expect(DIRECTORY_REGIONS.some((r) => r.name === 'Taoudénit')).toBe(false);
    expect(DIRECTORY_REGIONS.find((r) => r.name === 'Liptako')?.pcode).toBe('BF56');
  });

  it('names a coverage code by its region, with the unit code for an admin-2 area', () => {
    expect(regionLabel('ML04')).toBe('Ségou');
    expect(regionLabel('ML0401')).toBe('Ségou (ML0401)');
    expect(regionLabel('XX99')).toBe('XX99');
  });
});
