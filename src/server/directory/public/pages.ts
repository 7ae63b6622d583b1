import { LOCALES, type Locale } from '../../../domain/i18n/locales.ts';
import { translate } from '../../../domain/i18n/translate.ts';
import type { Need, PublicService } from './data.ts';
import { needLabel } from './data.ts';
import { costLines, hoursLines, placeLines, telHref, tr } from './format.ts';
import { type Html, type HtmlValue, html, query, raw } from './html.ts';
import { pictogramSvg } from './pictograms.ts';
import { PUBLIC_REGIONS, type PublicRegion } from './regions.ts';

/**
 * The public directory's pages: plain HTML for a cheap phone on 2G, with no script, a few
 * hundred bytes of CSS, forms sent by GET and big `tel:` links. Every value goes through
 * `html`, which escapes it.
 */
export const BASE = '/annuaire';

// Contrast of text and buttons is 7:1 or more; every target is at least 44 px high.
const CSS = `body{margin:0;font:17px/1.45 system-ui,sans-serif;color:#111;background:#fff}
header{background:#0b4f6c;color:#fff;padding:.25rem 1rem}header a{color:#fff}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center}
.top>a,nav a{display:inline-block;padding:.6rem .3rem;min-height:44px;box-sizing:border-box}
main{padding:0 1rem 1rem;max-width:42rem}a{color:#0b4f6c}h1{font-size:1.4rem;line-height:1.25}
h2{font-size:1.15rem;margin:.2rem 0}svg{vertical-align:middle;flex:none}
ul{padding:0;list-style:none}fieldset{border:0;padding:0;margin:1rem 0}legend,label{font-weight:bold}
.pick label{display:flex;align-items:center;gap:.6rem;min-height:44px;padding:.2rem .5rem;margin:.3rem 0;border:2px solid #555;border-radius:8px;font-weight:normal}
select,input[type=search],button{font:inherit;display:block;width:100%;min-height:48px;box-sizing:border-box;margin:.3rem 0 1rem}
button,.call{background:#0b4f6c;color:#fff;border:0;border-radius:8px;font-weight:bold}
.call{display:block;padding:.7rem;margin:.4rem 0;text-align:center;text-decoration:none;background:#0b5d1e}
.svc{border-top:2px solid #ccc;padding:.5rem 0}.svc p,dd{margin:.15rem 0}dt{font-weight:bold;margin-top:.6rem}dd{margin-left:0}
.need{display:flex;align-items:center;gap:.5rem;font-weight:bold}.note{background:#fff4cc;padding:.5rem;border-radius:6px}
.pdf a{display:inline-block;padding:.6rem 0;margin-right:1.5rem;min-height:44px;box-sizing:border-box}`;

export interface PageContext {
  locale: Locale;
  /** The path and query of this page without `lang`, to link the same page in another language. */
  path: string;
  params: Record<string, string | undefined>;
}

export const withLang = (path: string, params: Record<string, string | undefined>, locale: Locale) => `${path}${query({ ...params, lang: locale === 'fr' ? undefined : locale })}`;

export function layout(ctx: PageContext, title: string, body: HtmlValue): Html {
  const { locale } = ctx;
  const languages = LOCALES.map((l) =>
    l === locale
      ? html`<a href="${withLang(ctx.path, ctx.params, l)}" lang="${l}" aria-current="page"><b>${translate(l, `app.language.${l}`)}</b></a> `
      : html`<a href="${withLang(ctx.path, ctx.params, l)}" lang="${l}" hreflang="${l}">${translate(l, `app.language.${l}`)}</a> `,
  );
  return html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${raw(CSS)}</style></head><body><header><div class="top"><a href="${withLang(BASE, {}, locale)}">${raw(pictogramSvg('home', 24))} ${tr(locale, 'home')}</a><nav aria-label="${tr(locale, 'language.label')}">${languages}</nav></div></header><main>${body}</main></body></html>`;
}

function regionSelect(locale: Locale, selected?: string): Html {
  const groups = (['ML', 'BF'] as const).map(
    (country) =>
      html`<optgroup label="${tr(locale, `country.${country}`)}">${PUBLIC_REGIONS.filter((r) => r.country === country).map(
        (r) => html`<option value="${r.key}"${r.key === selected ? raw(' selected') : ''}>${r.name}</option>`,
      )}</optgroup>`,
  );
  return html`<label for="region">${tr(locale, 'region.label')}</label><select id="region" name="region" required><option value="">${tr(locale, 'region.choose')}</option>${groups}</select>`;
}

const hiddenLang = (locale: Locale) => (locale === 'fr' ? '' : html`<input type="hidden" name="lang" value="${locale}">`);

export function homePage(ctx: PageContext, needs: Need[]): Html {
  const { locale } = ctx;
  const choice = (value: string, icon: Html | string, label: string, checked: boolean) =>
    html`<li><label><input type="radio" name="need" value="${value}"${checked ? raw(' checked') : ''}>${icon}<span>${label}</span></label></li>`;
  const body = html`<h1>${tr(locale, 'title')}</h1><p>${tr(locale, 'intro')}</p>
<form method="get" action="${BASE}/services">${hiddenLang(locale)}${regionSelect(locale)}
<fieldset class="pick"><legend>${tr(locale, 'need.label')}</legend><ul>${choice('', '', tr(locale, 'need.all'), true)}${needs.map((n) => choice(n.code, raw(pictogramSvg(n.icon)), needLabel(n, locale), false))}</ul></fieldset>
<label for="q">${tr(locale, 'search.label')}</label><input id="q" name="q" type="search" maxlength="100">
<button type="submit">${tr(locale, 'search.submit')}</button></form>`;
  return layout(ctx, tr(locale, 'title'), body);
}

const field = (locale: Locale, name: string, value: string) => tr(locale, 'field', { label: tr(locale, `service.${name}`), value });

/** A label and markup in the language's order ("Langues : …"): the message is split where its value goes. */
function fieldHtml(locale: Locale, name: string, value: Html): Html {
  const [before = '', after = ''] = tr(locale, 'field', { label: tr(locale, `service.${name}`), value: '\u0000' }).split('\u0000');
  return html`${before}${value}${after}`;
}

/** Language names written in themselves, marked so a screen reader reads each in its own voice. */
const languageList = (s: PublicService) => html`${s.languages.map((l, i) => html`${i ? ', ' : ''}<span lang="${l.code}">${l.name}</span>`)}`;

function serviceCard(ctx: PageContext, s: PublicService, region: PublicRegion): Html {
  const { locale } = ctx;
  const places = placeLines(s);
  const hours = hoursLines(locale, s.openings);
  return html`<li class="svc"><h2><a href="${withLang(`${BASE}/services/${s.id}`, { region: region.key }, locale)}">${s.name}</a></h2>
<p>${s.organisation}</p><p>${field(locale, 'address', places.length ? places.join(' · ') : tr(locale, 'service.addressOnCall'))}</p>
<p>${field(locale, 'hours', hours.length ? hours.join(' · ') : tr(locale, 'service.hoursUnknown'))}</p>
<p>${field(locale, 'cost', costLines(locale, s.costs).join(' · '))}</p>${s.languages.length ? html`<p>${fieldHtml(locale, 'languages', languageList(s))}</p>` : ''}
${s.phones.slice(0, 1).map((p) => html`<a class="call" href="${telHref(p)}">${tr(locale, 'service.call', { number: p })}</a>`)}</li>`;
}

export function listPage(ctx: PageContext, args: { region: PublicRegion; need?: Need; needs: Need[]; q?: string; services: PublicService[] }): Html {
  const { locale } = ctx;
  const { region, need, services } = args;
  const options = args.needs.map((n) => html`<option value="${n.code}"${n.code === need?.code ? raw(' selected') : ''}>${needLabel(n, locale)}</option>`);
  const pdf = (format: 'a4' | 'a5') => html`<a href="${withLang(`${BASE}/depliant.pdf`, { region: region.key, format }, locale)}" type="application/pdf">${tr(locale, `leaflet.${format}`)}</a>`;
  const title = tr(locale, 'regionTitle', { region: region.name });
  const body = html`<p><a href="${withLang(BASE, {}, locale)}">${tr(locale, 'results.change')}</a></p><h1>${title}</h1>
<p class="need">${need ? raw(pictogramSvg(need.icon)) : ''}<span>${need ? needLabel(need, locale) : tr(locale, 'need.all')}${args.q ? html` · « ${args.q} »` : ''}</span></p>
<form method="get" action="${BASE}/services">${hiddenLang(locale)}<input type="hidden" name="region" value="${region.key}"><label for="need">${tr(locale, 'need.label')}</label><select id="need" name="need"><option value="">${tr(locale, 'need.all')}</option>${options}</select><button type="submit">${tr(locale, 'search.submit')}</button></form>
<p>${tr(locale, 'results.count', { count: services.length })}</p>
${services.length ? html`<ul>${services.map((s) => serviceCard(ctx, s, region))}</ul>` : html`<p class="note">${tr(locale, 'results.none')}</p>`}
<p class="note">${tr(locale, 'checkBeforeGoing')}</p>
<h2>${tr(locale, 'leaflet.download')}</h2><p class="pdf">${pdf('a4')}${pdf('a5')}</p>`;
  return layout(ctx, title, body);
}

export function servicePage(ctx: PageContext, args: { service: PublicService; needs: Need[]; region?: PublicRegion }): Html {
  const { locale } = ctx;
  const s = args.service;
  const needs = args.needs.filter((n) => s.needs.includes(n.code));
  const places = placeLines(s);
  const hours = hoursLines(locale, s.openings);
  const item = (label: string, value: HtmlValue) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const lines = (list: string[]) => list.map((l, i) => html`${i ? html`<br>` : ''}${l}`);
  const body = html`${args.region ? html`<p><a href="${withLang(`${BASE}/services`, { region: args.region.key }, locale)}">${tr(locale, 'back')}</a></p>` : ''}<h1>${s.name}</h1>
${s.phones.map((p) => html`<a class="call" href="${telHref(p)}">${tr(locale, 'service.call', { number: p })}</a>`)}
<dl>${item(tr(locale, 'service.organisation'), s.organisation)}
${item(tr(locale, 'service.needs'), html`<ul>${needs.map((n) => html`<li class="need">${raw(pictogramSvg(n.icon, 24))}<span>${needLabel(n, locale)}</span></li>`)}</ul>`)}
${item(tr(locale, 'service.address'), places.length ? lines(places) : tr(locale, 'service.addressOnCall'))}
${item(tr(locale, 'service.hours'), hours.length ? lines(hours) : tr(locale, 'service.hoursUnknown'))}
${item(tr(locale, 'service.phone'), s.phones.length ? lines(s.phones) : tr(locale, 'service.noPhone'))}
${item(tr(locale, 'service.cost'), lines(costLines(locale, s.costs)))}
${s.languages.length ? item(tr(locale, 'service.languages'), languageList(s)) : ''}
${s.description ? item(tr(locale, 'service.about'), s.description) : ''}
${s.applicationProcess ? item(tr(locale, 'service.how'), s.applicationProcess) : ''}</dl>
<p class="note">${tr(locale, 'checkBeforeGoing')}</p>`;
  return layout(ctx, s.name, body);
}

export function notFoundPage(ctx: PageContext, reason: 'region' | 'need' | 'service' | 'page'): Html {
  const { locale } = ctx;
  return layout(ctx, tr(locale, 'notFound.title'), html`<h1>${tr(locale, 'notFound.title')}</h1><p>${tr(locale, `notFound.${reason}`)}</p><p><a href="${withLang(BASE, {}, locale)}">${tr(locale, 'home')}</a></p>`);
}
