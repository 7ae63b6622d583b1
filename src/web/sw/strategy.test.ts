import { describe, expect, it } from 'vitest';
import { cacheName, handlingOf, isImmutable, staleCaches } from './strategy.ts';

const ORIGIN = 'https://sira.example.org';
const PRECACHED = new Set(['/index.html', '/assets/index-abc.js', '/manifest.fr.webmanifest', '/icons/icon-192.png']);
const handle = (url: string, mode = 'no-cors', method = 'GET') => handlingOf({ method, url: `${ORIGIN}${url}`, mode }, ORIGIN, PRECACHED);

describe('service worker strategy', () => {
  it('never touches the API, whatever the request (personal data must not be cached)', () => {
    for (const url of ['/api/auth/me', '/api/organisations?lang=fr', '/api', '/api/docs', '/api/docs/static/index.html']) {
      expect(handle(url), url).toBe('network');
      expect(handle(url, 'navigate'), url).toBe('network');
      expect(handle(url, 'cors', 'POST'), url).toBe('network');
    }
    expect(handle('/healthz')).toBe('network');
  });

  it('leaves the public directory and the HSDS API to the server, even on a phone that has the app', () => {
    for (const url of ['/annuaire', '/annuaire/services?region=ML01&lang=bm', '/annuaire/depliant.pdf', '/hsds', '/hsds/services']) {
      expect(handle(url, 'navigate'), url).toBe('network');
    }
    expect(handle('/annuaires-old', 'navigate')).toBe('app-shell');
  });

  it('answers the files of the build from the cache', () => {
    expect(handle('/assets/index-abc.js', 'cors')).toBe('precache');
    expect(handle('/manifest.fr.webmanifest')).toBe('precache');
    expect(handle('/icons/icon-192.png')).toBe('precache');
  });

  it('answers any page of the app with the cached shell, so it opens offline', () => {
    for (const url of ['/', '/account', '/jobs', '/cases/123/referrals']) expect(handle(url, 'navigate'), url).toBe('app-shell');
  });

  it('leaves writes, other origins, unknown files and non-page requests to the network', () => {
    expect(handle('/assets/index-abc.js', 'cors', 'POST')).toBe('network');
    expect(handlingOf({ method: 'GET', url: 'https://tiles.example.org/1/2/3.png', mode: 'no-cors' }, ORIGIN, PRECACHED)).toBe('network');
    expect(handle('/assets/old-version.js', 'cors')).toBe('network');
    expect(handle('/icons/missing.png', 'navigate')).toBe('network');
    expect(handle('/account', 'cors')).toBe('network');
  });

  it('names caches by version and removes only its own older ones', () => {
    const current = cacheName('v2');
    expect(staleCaches(['sira-shell-v1', current, 'someone-else', 'sira-shell-v0'], current)).toEqual(['sira-shell-v1', 'sira-shell-v0']);
  });

  it('trusts the HTTP cache only for hashed files', () => {
    expect(isImmutable('/assets/index-abc.js')).toBe(true);
    expect(isImmutable('/index.html')).toBe(false);
    expect(isImmutable('/manifest.fr.webmanifest')).toBe(false);
  });
});
