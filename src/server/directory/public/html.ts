/**
 * HTML for the public directory without a templating library. Every value interpolated into
 * `html\`…\`` is escaped unless it is itself the result of `html` (or `raw`), so a service
 * name typed by a provider can never become markup: escaping is the default, not a habit.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup the code itself produced (pictograms drawn from constant paths); never for input. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** A query string from defined values, each encoded; `&` escaped when placed through `html`. */
export function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return parts.length ? `?${parts.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
}
