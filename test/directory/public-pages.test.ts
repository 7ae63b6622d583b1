import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../src/cli/demo-data.ts';
import { DEMO_SERVICES, demoServiceId } from '../../src/cli/demo-directory.ts';
import { stableId } from '../../src/cli/ids.ts';
import { escapeHtml, html, raw } from '../../src/server/directory/public/html.ts';
import { PUBLIC_REGIONS, publicRegion } from '../../src/server/directory/public/regions.ts';
import { type TestApp, createTestApp, systemCommand } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { seedDemoDirectory, serviceInput } from './fixture.ts';

const demoName = (key: string) => `${DEMO_SERVICES.find((s) => s.key === key)!.name} (démo)`;
/** Service names as they appear in HTML text (apostrophes escaped). */
const inHtml = (text: string) => escapeHtml(text);

describe('HTML escaping of the public pages', () => {
  it('escapes the five HTML characters and the backtick', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });
  it('escapes every interpolated value, in text and in attributes, but not nested html', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<p title="${name}">${name}${html`<b>${name}</b>`}${[name, 1, null, undefined, false]}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>&lt;script&gt;alert(1)&lt;/script&gt;1</p>',
    );
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });
  it('offers every region of Mali and Burkina Faso once, by a code only it holds', () => {
    const keys = PUBLIC_REGIONS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(publicRegion('ML09')?.name).toBe('Bamako');
    expect(publicRegion('ML01')?.name).toBe('Kayes');
    expect(publicRegion('BF13')?.name).toBe('Kadiogo');
    expect(PUBLIC_REGIONS.filter((r) => r.country === 'ML').length).toBeGreaterThanOrEqual(19);
  });
});

describe(`public directory pages on ${BACKEND}`, () => {
  let t: TestApp;
  const hostile = '<script>alert("x")</script> Aide & "abri"';
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  beforeAll(async () => {
    t = await createTestApp({ SIRA_HSDS_RATE_LIMIT: '10000' });
    await seedDemoDirectory(t);
    const organisationId = stableId(`demo:organisation:${DEMO_ORGANISATIONS[0]!.key}`);
    await systemCommand(t, 'service.create', serviceInput(organisationId, { name: hostile, coverage: ['ML01'], phones: [{ number: '+223 00 00 99 99', languages: [] }] }));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers the home page in French by default, and in Bambara and English on request, without any script', async () => {
    const fr = await get('/annuaire');
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(fr.headers['cache-control']).toBe('public, max-age=300');
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('<h1>Où trouver de l&#39;aide</h1>');
    expect(fr.body).toContain('Hébergement');
    expect(fr.body).toContain('<option value="ML07">Gao</option>');
    expect(fr.body).toContain('<option value="BF13">Kadiogo</option>');
    expect(fr.body).toContain('<form method="get" action="/annuaire/services">');
    expect(fr.body).not.toMatch(/<script|onclick|onload/i);
    expect(fr.headers['content-security-policy']).toContain("default-src 'none'");

    const bm = await get('/annuaire?lang=bm');
    expect(bm.body).toContain('<html lang="bm">');
    expect(bm.body).toContain('<h1>Dɛmɛ sɔrɔyɔrɔw</h1>');
    expect(bm.body).toContain('Sigiyɔrɔ');
    expect(bm.body).toContain('I mago bɛ mun na?');
    expect(bm.body).toContain('<input type="hidden" name="lang" value="bm">');

    const en = await get('/annuaire?lang=en');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('<h1>Where to find help</h1>');
    expect(en.body).toContain('Shelter');
    // Each page links itself in the other languages.
    expect(en.body).toContain('<a href="/annuaire?lang=bm" lang="bm" hreflang="bm">Bamanankan</a>');
    expect(en.body).toContain('<a href="/annuaire" lang="fr" hreflang="fr">Français</a>');
  });

  it('lists the public services of a region with address, hours, cost, languages and a tel: link', async () => {
    const res = await get('/annuaire/services?region=ML07');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Où trouver de l&#39;aide — Gao');
    for (const key of ['gao-soins', 'gao-psy', 'gao-relais', 'gao-interpretes', 'gao-hebergement']) expect(res.body).toContain(inHtml(demoName(key)));
    expect(res.body).toContain('Adresse : Bureau de Gao (démo), Rue 106, porte 7, Gao');
    expect(res.body).toContain('Horaires : lun.–jeu. 08:00–17:00 · ven. 08:00–12:30');
    expect(res.body).toMatch(/Coût : Payant, 3\s000 XOF/u);
    expect(res.body).toContain('Coût : Gratuit');
    expect(res.body).toContain('Langues parlées : <span lang="fr">Français</span>, <span lang="ses">Koyraboro senni</span>, <span lang="ar">العربية</span>');
    expect(res.body).toMatch(/<a class="call" href="tel:\+223000015\d\d">Appeler le \+223 00 00 15 \d\d<\/a>/);
    expect(res.body).toContain('href="/annuaire/depliant.pdf?region=ML07&amp;format=a5"');
    expect(res.body).toContain('5 services');
  });

  it('filters by need, and finds a region without accents in the search words', async () => {
    const shelter = await get('/annuaire/services?region=ML07&need=shelter&lang=en');
    expect(shelter.body).toContain('<html lang="en">');
    expect(shelter.body).toContain('Where to find help — Gao');
    expect(shelter.body).toContain(inHtml(demoName('gao-hebergement')));
    expect(shelter.body).not.toContain(inHtml(demoName('gao-soins')));
    expect(shelter.body).toContain('1 service');
    expect(shelter.body).toContain('Cost: Free');
    // A parent need finds its children (economic reintegration is under reintegration).
    const reintegration = await get('/annuaire/services?region=BF53&need=reintegration');
    expect(reintegration.body).toContain(inHtml(demoName('bobo-reintegration')));
    const segou = await get('/annuaire/services?region=ML04&q=SANTE%20segou');
    expect(segou.body).toContain(inHtml(demoName('segou-sante')));
    expect(segou.body).toContain('1 service');
  });

  it('speaks Bambara on the list and service pages', async () => {
    const list = await get('/annuaire/services?region=BF13&lang=bm');
    expect(list.body).toContain('Dɛmɛ sɔrɔyɔrɔw — Kadiogo');
    expect(list.body).toContain('Sɔngɔ: Fu');
    expect(list.body).toContain('Waatiw: ntɛnɛ–alamisa 08:00 ka se 17:00');
    expect(list.body).toContain('href="/annuaire/services/' + demoServiceId('ouaga-documents') + '?region=BF13&amp;lang=bm"');
    const page = await get(`/annuaire/services/${demoServiceId('ouaga-documents')}?region=BF13&lang=bm`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${inHtml(demoName('ouaga-documents'))}</h1>`);
    expect(page.body).toMatch(/Sara dɔɔnin 1\s000 XOF/u);
    expect(page.body).toContain('Dantigɛli sɛbɛnw');
    expect(page.body).toContain('<a href="/annuaire/services?region=BF13&amp;lang=bm">Segin lisi la</a>');
  });

  it('never shows a confidential place, a members-only service, or one that is not running', async () => {
    const gao = await get('/annuaire/services?region=ML07');
    const shelterPage = await get(`/annuaire/services/${demoServiceId('gao-hebergement')}`);
    expect(shelterPage.statusCode).toBe(200);
    for (const body of [gao.body, shelterPage.body]) {
      expect(body).not.toContain('Site protégé');
      expect(body).not.toContain('Adresse communiquée sur orientation');
    }
    expect(shelterPage.body).toContain('Appelez pour connaître l&#39;adresse.');

    const bamako = await get('/annuaire/services?region=ML09');
    expect(bamako.body).toContain(inHtml(demoName('bamako-retour')));
    expect(bamako.body).not.toContain('Clinique juridique');
    const members = await get(`/annuaire/services/${demoServiceId('bamako-juridique')}?lang=en`);
    expect(members.statusCode).toBe(404);
    expect(members.body).toContain('This service does not exist or is no longer offered to the public.');
    expect(members.body).not.toContain('Clinique juridique');

    const kayes = await get('/annuaire/services?region=ML01');
    expect(kayes.body).not.toContain('Ancien guichet');
    const mopti = await get('/annuaire/services?region=ML05');
    expect(mopti.body).not.toContain('Éducation accélérée');
    expect((await get(`/annuaire/services/${demoServiceId('kayes-ancien')}`)).statusCode).toBe(404);
  });

  it('escapes a service name typed by a provider, and whatever a visitor puts in the address', async () => {
    const list = await get('/annuaire/services?region=ML01');
    expect(list.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Aide &amp; &quot;abri&quot;');
    expect(list.body).not.toMatch(/<script/i);
    const reflected = await get(`/annuaire/services?region=ML01&q=${encodeURIComponent('"><script>alert(2)</script>')}&lang=bm`);
    expect(reflected.statusCode).toBe(200);
    expect(reflected.body).not.toMatch(/<script/i);
    const unknown = await get(`/annuaire/services?region=${encodeURIComponent('"><script>alert(3)</script>')}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toMatch(/<script/i);
  });

  it('answers an unknown region, need, service or address with a translated 404 page, not the web app', async () => {
    const fr = await get('/annuaire/services?region=ML99');
    expect(fr.statusCode).toBe(404);
    expect(fr.headers['cache-control']).toBe('public, max-age=60');
    expect(fr.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(fr.body).toContain('Cette région n&#39;est pas dans l&#39;annuaire.');
    const bm = await get('/annuaire/services?region=ML99&lang=bm');
    expect(bm.body).toContain('<html lang="bm">');
    expect(bm.body).toContain('Nin mara in tɛ lisi la.');
    const en = await get('/annuaire/services?region=ML07&need=astrology&lang=en');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('This need is not in the directory.');
    expect((await get('/annuaire/services/not-a-uuid')).statusCode).toBe(404);
    const elsewhere = await get('/annuaire/plan-du-site?lang=en');
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).toContain('This address matches no page of the directory.');
    expect((await get('/annuaire/depliant.pdf?region=ML07&format=a3')).statusCode).toBe(404);
  });

  it('serves the leaflet of a region as a PDF', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/annuaire/depliant.pdf?region=ML07&lang=bm&format=a5' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="sira-ML07-bm-a5.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it('keeps the region list page small for 2G (gzip)', async () => {
    const res = await get('/annuaire/services?region=ML07');
    const gzipped = gzipSync(res.body).length;
    // About 2.5 kB with the demo data at the time of writing; the budget leaves room for more services.
    expect(gzipped).toBeLessThan(8_000);
  });
});

describe(`public directory beside the web app on ${BACKEND}`, () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>web app</title><script type="module" src="/assets/app.js"></script>');
    t = await createTestApp({ SIRA_WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('keeps every address under /annuaire out of the web app fallback', async () => {
    const headers = { accept: 'text/html,application/xhtml+xml' };
    // The fallback is live: another page navigation gets the web app.
    expect((await t.app.inject({ method: 'GET', url: '/organisations', headers })).body).toContain('web app');
    for (const url of ['/annuaire', '/annuaire/', '/annuaire/services?region=ML01', '/annuaire/plan-du-site', '/annuaire/a/b/c']) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.body, url).not.toContain('web app');
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
    }
  });
});

describe(`public directory rate limit on ${BACKEND}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SIRA_HSDS_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits each client address like the HSDS API', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await t.app.inject({ method: 'GET', url: '/annuaire?lang=en' })).statusCode);
    const limited = await t.app.inject({ method: 'GET', url: '/annuaire?lang=en' });
    statuses.push(limited.statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(limited.headers['cache-control']).toBe('no-store');
  });
});
