/**
 * Pictograms drawn for Sira (24×24, 2 px strokes, no fill): simple enough to read at 20 px on
 * a cracked screen, and to be learnt by someone who does not read. Inline SVG: no request,
 * no font, and they take the text colour (so high-contrast modes recolour them).
 */
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
const RING = circle(12, 12, 9);

const PATHS = {
  // navigation and interface
  home: ['M3 11l9-8 9 8', 'M5 9.5V21h14V9.5', 'M10 21v-6h4v6'],
  account: [circle(12, 8, 4), 'M4 21c0-4 4-6 8-6s8 2 8 6'],
  // a group of people: forums, workshops, trainings
  community: [circle(8, 8, 3), circle(16, 8, 3), 'M2 20c0-3 3-5 6-5s6 2 6 5', 'M15 15.2c.3-.1.7-.2 1-.2 3 0 6 2 6 5'],
  help: [RING, 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14', 'M12 17.5v.01'],
  tasks: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4 6h.01', 'M4 12h.01', 'M4 18h.01'],
  signOut: ['M10 4H5v16h5', 'M16 8l4 4-4 4', 'M20 12H10'],
  language: [RING, 'M3 12h18', 'M12 3c3 3 3 15 0 18', 'M12 3c-3 3-3 15 0 18'],
  offline: ['M7 18h10a4 4 0 0 0 .6-8A6 6 0 0 0 6.3 9.2 4.5 4.5 0 0 0 7 18z', 'M3 3l18 18'],
  update: ['M20 11a8 8 0 0 0-14.9-3.5', 'M4 4v4h4', 'M4 13a8 8 0 0 0 14.9 3.5', 'M20 20v-4h-4'],
  warning: ['M12 3l10 18H2z', 'M12 10v5', 'M12 18v.01'],
  info: [RING, 'M12 11v6', 'M12 7.5v.01'],
  // administration: a building (organisations), a padlock (roles), a key (API tokens)
  organisation: ['M3 21h18', 'M5 21V8l7-5 7 5v13', 'M10 21v-5h4v5', 'M9 10h.01', 'M15 10h.01'],
  role: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4', 'M12 15v2'],
  key: [circle(8, 15, 4), 'M11 12l9-9', 'M16 7l3 3'],
  // a clipboard with lines: a questionnaire
  form: ['M9 3h6v3H9z', 'M9 4.5H5V21h14V4.5h-4', 'M8.5 11h7', 'M8.5 15h7'],
  // the service directory: a place on a map (where to find help), a grid (coverage by type and region)
  directory: ['M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z', circle(12, 9, 2.5)],
  coverage: ['M3 3h18v18H3z', 'M3 9h18', 'M3 15h18', 'M9 3v18', 'M15 3v18'],
  // service categories
  food: ['M3 12h18c0 5-4 8-9 8s-9-3-9-8z', 'M9 4c-1 1 1 2 0 3', 'M15 4c-1 1 1 2 0 3'],
  health: ['M9 3h6v6h6v6h-6v6H9v-6H3V9h6z'],
  psychosocial: ['M12 20s-8-5-8-11a4 4 0 0 1 8-1 4 4 0 0 1 8 1c0 6-8 11-8 11z'],
  shelter: ['M3 21L12 4l9 17z', 'M9.5 21l2.5-6 2.5 6'],
  legal: ['M12 4v16', 'M8 20h8', 'M5 7h14', 'M5 7l-3 6a3 3 0 0 0 6 0z', 'M19 7l-3 6a3 3 0 0 0 6 0z'],
  familyTracing: [circle(8, 7, 3), 'M2 20c0-3 3-6 6-6 1.5 0 2.8.5 3.8 1.3', circle(17, 14, 3), 'M19.2 16.2L22 19'],
  return: ['M9 14L4 9l5-5', 'M4 9h10a6 6 0 0 1 0 12h-3'],
  reintegration: ['M12 21V11', 'M12 11C12 7 9 5 5 5c0 4 3 6 7 6z', 'M12 14c0-3 2-5 6-5 0 3-2 5-6 5z', 'M7 21h10'],
  education: ['M4 5c3-1 6-1 8 1v14c-2-2-5-2-8-1z', 'M20 5c-3-1-6-1-8 1v14c2-2 5-2 8-1z'],
  childProtection: ['M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z', circle(12, 10, 2), 'M9 17c0-2 1.5-3 3-3s3 1 3 3'],
  transport: ['M5 3h14v14H5z', 'M5 11h14', 'M8 17v3', 'M16 17v3', 'M8.5 14h.01', 'M15.5 14h.01'],
  interpretation: ['M3 4h11v8H8l-3 3v-3H3z', 'M10 15v1h6l3 3v-3h2V8h-4'],
  // statuses
  pending: [RING, 'M12 7v5l3 2'],
  running: [RING, 'M10 8l6 4-6 4z'],
  done: [RING, 'M8 12l3 3 5-6'],
  refused: [RING, 'M9 9l6 6', 'M15 9l-6 6'],
  overdue: [RING, 'M12 7v6', 'M12 16.5v.01'],
  closed: ['M3 4h18v5H3z', 'M5 9v11h14V9', 'M10 13h4'],
  savedOnDevice: ['M7 2h10v20H7z', 'M12 6v7', 'M9 10l3 3 3-3', 'M11 18.5h2'],
  sent: ['M22 2L11 13', 'M22 2l-7 20-4-9-9-4z'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof PATHS;

interface Props {
  name: IconName;
  /**
   * The icon's accessible name, when it stands alone (a status shown only as a pictogram).
   * Leave it out when a visible label sits next to the icon: it would be read twice.
   */
  label?: string | undefined;
  size?: number;
}

export function Icon({ name, label, size = 24 }: Props) {
  const a11y = label ? { role: 'img' as const, 'aria-label': label } : { 'aria-hidden': 'true' as const, focusable: 'false' };
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      {...a11y}
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
