/**
 * Sira's mark: a road winding up to a destination ("sira" is Bambara for "the path").
 * `full` fills the square (maskable icons, Apple touch icon: the system cuts the shape);
 * otherwise a rounded square. Shapes stay within the central 80 % circle either way.
 */
export function iconSvg(variant: 'rounded' | 'full'): string {
  const background =
    variant === 'full' ? '<rect width="512" height="512" fill="#0b3d6b"/>' : '<rect width="512" height="512" rx="112" fill="#0b3d6b"/>';
  // Maskable icons may be cut to a circle of 40 % radius: draw the mark smaller there.
  const scale = variant === 'full' ? 0.72 : 1;
  const offset = (512 * (1 - scale)) / 2;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
    background,
    `<g transform="translate(${offset} ${offset}) scale(${scale})">`,
    '<path d="M140 420C140 330 372 344 372 262S150 200 150 150c0-34 40-50 96-50" fill="none" stroke="#ffffff" stroke-width="48" stroke-linecap="round"/>',
    '<circle cx="350" cy="100" r="44" fill="#fbbf24"/>',
    '</g>',
    '</svg>',
  ].join('');
}
