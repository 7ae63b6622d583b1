import { SERVICE_TYPES } from '../../../domain/directory/taxonomy.ts';
import { Icon, type IconName } from '../../../web/ui/icons.tsx';
import { SERVICE_CATEGORIES } from '../../../web/ui/pictograms.ts';

/**
 * The web app's own pictograms, drawn by its `Icon` component and written out here as SVG
 * text, so the public pages and the leaflet show the very pictures members learn in the app.
 * The icon is a constant tree of <svg> and <path> elements: a few lines serialise it.
 */
interface Node {
  type: string;
  props: Record<string, unknown> & { children?: unknown };
}

const attr = (v: unknown) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function serialise(node: Node): string {
  const attrs = Object.entries(node.props)
    .filter(([k, v]) => k !== 'children' && v !== undefined && v !== null)
    .map(([k, v]) => ` ${k === 'class' ? 'class' : k}="${attr(v)}"`)
    .join('');
  const children = ([] as unknown[]).concat(node.props.children ?? []) as Node[];
  return `<${node.type}${attrs}>${children.map(serialise).join('')}</${node.type}>`;
}

const svgCache = new Map<string, string>();

/** A decorative pictogram (aria-hidden: a visible word always sits next to it). */
export function pictogramSvg(name: IconName, size = 32): string {
  const key = `${name}:${size}`;
  let svg = svgCache.get(key);
  if (!svg) {
    svg = serialise(Icon({ name, size }) as unknown as Node);
    svgCache.set(key, svg);
  }
  return svg;
}

/** The SVG path data of a pictogram, for drawing it in a PDF. */
export function pictogramPaths(name: IconName): string[] {
  const children = ([] as unknown[]).concat((Icon({ name }) as unknown as Node).props.children ?? []) as Node[];
  return children.map((c) => String(c.props.d));
}

const BY_CODE = new Map(SERVICE_TYPES.terms.map((t) => [t.code, t.pictogram]));

/** The pictogram of a service type: its seed pictogram, its parent's, or a generic one for a coordinator's own term. */
export function needIcon(code: string, parentCode?: string | null): IconName {
  const key = BY_CODE.get(code) ?? (parentCode ? BY_CODE.get(parentCode) : undefined);
  return key && key in SERVICE_CATEGORIES ? SERVICE_CATEGORIES[key as keyof typeof SERVICE_CATEGORIES].icon : 'info';
}
