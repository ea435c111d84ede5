/** Playback icons as inline SVG (no icon font, no request): they inherit the text colour. */
const paths = {
  start: 'M5 4h2.5v16H5zM20 4v16L9 12z',
  back: 'M17 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4.5v16H6zM13.5 4H18v16h-4.5z',
  forward: 'M6 4v13.5L15 11zM16.5 4H19v14h-2.5z',
  end: 'M4 4v16l11-8zM16.5 4H19v16h-2.5z',
  present: 'M2 4h20v13H2zM4 6v9h16V6zM11 17h2v2h4v2H7v-2h4z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
