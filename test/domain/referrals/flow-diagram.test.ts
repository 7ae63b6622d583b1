import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATHWAYS } from '../../../src/domain/referrals/default-pathways.ts';
import { type DiagramLabels, escapeXml, pathwayDiagramSvg, seedDiagramLabels, wrap } from '../../../src/domain/referrals/flow-diagram.ts';
import type { Pathway } from '../../../src/domain/referrals/pathways.ts';

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/**
 * Parses with a strict XML parser (saxes, already installed with exceljs): it throws on an
 * unbalanced tag, a bare `&` or `<`, or a duplicate attribute. Returns the elements in
 * document order with their own text.
 */
function parseSvg(svg: string): Element[] {
  const elements: Element[] = [];
  const open: Element[] = [];
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    if (open.length) open[open.length - 1]!.text += text;
  });
  parser.on('closetag', () => open.pop());
  parser.write(svg).close();
  return elements;
}

const texts = (svg: string) => parseSvg(svg).filter((e) => e.name === 'text').map((e) => e.text);
const trafficking = DEFAULT_PATHWAYS.find((p) => p.targetGroup === 'victim_of_trafficking')!;

describe('pathway flow diagram', () => {
  it.each(['fr', 'en', 'bm'] as const)('is well-formed SVG with a title and role="img" (%s)', (locale) => {
    const svg = pathwayDiagramSvg(trafficking, seedDiagramLabels(locale));
    const elements = parseSvg(svg);
    const root = elements[0]!;
    expect(root.name).toBe('svg');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attributes.role).toBe('img');
    const title = elements.find((e) => e.name === 'title')!;
    expect(title.text).toBe(seedDiagramLabels(locale)('targetGroup', 'victim_of_trafficking'));
    expect(root.attributes['aria-labelledby']!.split(' ')).toContain(title.attributes.id);
    // The title is also drawn, for the wall.
    expect(texts(svg)).toContain(title.text);
  });

  it.each(DEFAULT_PATHWAYS.map((p) => [p.targetGroup, p] as const))('draws every step of %s in order, numbered, with its timing', (_group, pathway) => {
    const labels = seedDiagramLabels('fr');
    // Wrapped lines are cut at spaces, so joining the drawn texts with spaces restores each label.
    const drawn = texts(pathwayDiagramSvg(pathway, labels)).join(' ');
    let from = 0;
    pathway.steps.forEach((step, index) => {
      const at = drawn.indexOf(`${index + 1} ${labels('serviceType', step.serviceType)} ${labels('timing', step.timing)}`, from);
      expect(at, step.serviceType).toBeGreaterThanOrEqual(from);
      from = at + 1;
    });
    // One arrow between each pair of boxes.
    expect(parseSvg(pathwayDiagramSvg(pathway, labels)).filter((e) => e.name === 'polygon')).toHaveLength(pathway.steps.length - 1);
  });

  it('translates timings from the referrals catalogue', () => {
    expect(seedDiagramLabels('fr')('timing', 'within_72h')).toBe('Sous 72 h');
    expect(seedDiagramLabels('en')('timing', 'immediate')).toBe('Immediately');
    expect(seedDiagramLabels('bm')('timing', 'later')).not.toBe(seedDiagramLabels('fr')('timing', 'later'));
  });

  it('escapes labels, subtitle and organisation names: user data cannot inject markup', () => {
    const hostile: DiagramLabels = (kind, code) => (kind === 'serviceType' ? `<script>alert("x")</script> & co's ${code}` : kind === 'targetGroup' ? 'A & B <b>' : code);
    const pathway: Pathway = { targetGroup: 'returnee', steps: [{ serviceType: 'medical', timing: 'immediate', responsible: [] }] };
    const svg = pathwayDiagramSvg(pathway, hostile, { subtitle: '</text><script>x</script>', organisations: () => ['Tom & Jerry <ONG>'] });
    const elements = parseSvg(svg);
    expect(elements.map((e) => e.name)).not.toContain('script');
    expect(elements.map((e) => e.name)).not.toContain('b');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp; co&apos;s');
    const drawn = texts(svg).join('\n');
    expect(drawn).toContain('<script>alert("x")</script>');
    expect(drawn).toContain('• Tom & Jerry <ONG>');
    expect(elements.find((e) => e.name === 'title')!.text).toBe('A & B <b>');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('keeps Bambara letters as they are', () => {
    const child = DEFAULT_PATHWAYS.find((p) => p.targetGroup === 'unaccompanied_separated_child')!;
    const drawn = texts(pathwayDiagramSvg(child, seedDiagramLabels('bm'))).join(' ');
    expect(drawn).toContain('Denmisɛn min tɛ ni mɔgɔ ye');
    expect(drawn).toContain('Denbaya ɲinini');
    for (const letter of ['ɛ', 'ɔ', 'ɲ']) expect(drawn).toContain(letter);
    const custom = pathwayDiagramSvg({ targetGroup: 'returnee', steps: [{ serviceType: 'medical', timing: 'later', responsible: [] }] }, (kind, code) => (kind === 'serviceType' ? 'ŋɔni ɲɛ ɛ ɔ Ɛ Ɔ Ɲ Ŋ' : code));
    expect(texts(custom)).toContain('ŋɔni ɲɛ ɛ ɔ Ɛ Ɔ Ɲ Ŋ');
    expect(custom).not.toMatch(/&#/);
  });

  it('wraps a long label over several lines inside its box, keeping every word', () => {
    const long = 'Accompagnement juridique et administratif pour l’obtention des documents d’état civil et de voyage auprès des consulats';
    const pathway: Pathway = { targetGroup: 'returnee', steps: [{ serviceType: 'documentation', timing: 'later', responsible: [] }] };
    const svg = pathwayDiagramSvg(pathway, (kind, code) => (kind === 'serviceType' ? long : code));
    const lines = parseSvg(svg).filter((e) => e.name === 'text' && e.attributes['font-size'] === '20' && !e.attributes['text-anchor']);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join(' ')).toBe(long);
    const box = parseSvg(svg).filter((e) => e.name === 'rect' && e.attributes.rx === '8')[0]!;
    const bottom = Number(box.attributes.y) + Number(box.attributes.height);
    for (const line of lines) expect(Number(line.attributes.y)).toBeLessThan(bottom);
    expect(wrap('x'.repeat(50), 100, 20)).toEqual(['xxxxxxxx', 'xxxxxxxx', 'xxxxxxxx', 'xxxxxxxx', 'xxxxxxxx', 'xxxxxxxx', 'xx']);
  });

  it('prints on A4 with text of at least 14 px, in black on white', () => {
    for (const pathway of DEFAULT_PATHWAYS) {
      const svg = pathwayDiagramSvg(pathway, seedDiagramLabels('bm'), { organisations: () => ['Organisation de démonstration'] });
      const elements = parseSvg(svg);
      const root = elements[0]!;
      expect(root.attributes.width).toBe('210mm');
      expect(root.attributes.viewBox).toMatch(/^0 0 794 \d+$/);
      // At least an A4 page, in A4 proportions when it fits one page.
      const height = Number(root.attributes.viewBox!.split(' ')[3]);
      expect(height).toBeGreaterThanOrEqual(1123);
      expect(Number.parseFloat(root.attributes.height!)).toBeCloseTo((height * 210) / 794, 0);
      for (const text of elements.filter((e) => e.name === 'text')) expect(Number(text.attributes['font-size'])).toBeGreaterThanOrEqual(14);
      const colours = new Set(elements.flatMap((e) => [e.attributes.fill, e.attributes.stroke]).filter(Boolean));
      expect([...colours].sort()).toEqual(['#000', '#fff']);
    }
  });

  it('fits the longest default pathway on one A4 page', () => {
    const longest = [...DEFAULT_PATHWAYS].sort((a, b) => b.steps.length - a.steps.length)[0]!;
    const root = parseSvg(pathwayDiagramSvg(longest, seedDiagramLabels('fr')))[0]!;
    expect(root.attributes.viewBox).toBe('0 0 794 1123');
  });

  it('lists the responsible organisations under their step', () => {
    const pathway: Pathway = { targetGroup: 'returnee', steps: [{ serviceType: 'shelter', timing: 'immediate', responsible: [] }, { serviceType: 'medical', timing: 'immediate', responsible: [] }] };
    const drawn = texts(pathwayDiagramSvg(pathway, seedDiagramLabels('fr'), { subtitle: 'Région de Mopti', organisations: (step) => (step.serviceType === 'medical' ? ['CSRéf de Mopti'] : []) }));
    expect(drawn).toContain('Région de Mopti');
    expect(drawn.indexOf('• CSRéf de Mopti')).toBeGreaterThan(drawn.indexOf('Soins médicaux'));
  });
});
