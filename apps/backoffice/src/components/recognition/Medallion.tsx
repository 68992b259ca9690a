interface Props {
  /** The badge key picks the emblem and colour (`chats-10`, `quality-10`, `night-owl`…); any text works. */
  name: string;
  earned: boolean;
  size?: number;
  /** A number printed on the ribbon, e.g. the milestone. */
  label?: string;
}

const PALETTE = [
  ['#2f6f4f', '#5fb38a'],
  ['#b5752a', '#f0c066'],
  ['#3b5ea8', '#79a6f0'],
  ['#8a3f7a', '#d98cc8'],
  ['#a4462f', '#f0936f'],
  ['#2c7a7b', '#6fd0c9'],
] as const;

// Simple emblems drawn on a 40×40 grid, centred at (20,20): no image files, crisp at any size.
const EMBLEM: Record<string, string> = {
  chat: 'M11 13h18a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-9l-5 4v-4h-4a3 3 0 0 1-3-3v-8a3 3 0 0 1 3-3z',
  star: 'M20 9l3.3 6.9 7.5 1-5.5 5.2 1.4 7.5L20 26l-6.7 3.6 1.4-7.5-5.5-5.2 7.5-1z',
  bolt: 'M22 8l-10 14h7l-2 10 10-14h-7z',
  moon: 'M24 9a11 11 0 1 0 7 19A9 9 0 0 1 24 9z',
  globe: 'M20 9a11 11 0 1 0 0 22a11 11 0 1 0 0-22zm0 2c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9s1.3-6.5 3.8-9zM10 20h20',
  heart: 'M20 30s-10-6-10-12.5A5.5 5.5 0 0 1 20 14a5.5 5.5 0 0 1 10 3.5C30 24 20 30 20 30z',
  voice: 'M10 17h5l10-6v18l-10-6h-5zm17-1a5 5 0 0 1 0 8',
  ribbon: 'M20 9l3 6 6.5.9-4.7 4.6 1.1 6.5L20 24l-5.9 3 1.1-6.5-4.7-4.6L17 15z',
  gift: 'M11 17h18v4H11zM12.5 21h15v9h-15zM20 17v13M20 17c-2-4-7-5-7-2s5 2 7 2c2 0 7 1 7-2s-5-2-7 2',
};

function emblemFor(key: string): string {
  if (key.startsWith('chats-')) return EMBLEM.chat!;
  if (key.startsWith('quality')) return EMBLEM.star!;
  if (key.startsWith('speed')) return EMBLEM.bolt!;
  if (key.startsWith('night')) return EMBLEM.moon!;
  if (key.startsWith('polyglot')) return EMBLEM.globe!;
  if (key.startsWith('mentor')) return EMBLEM.heart!;
  if (key.startsWith('voice')) return EMBLEM.voice!;
  if (key.startsWith('reward-')) return EMBLEM.gift!;
  return EMBLEM.ribbon!;
}

// Line emblems: drawn with a stroke only.
const OUTLINED = ['polyglot', 'voice', 'reward-'];

const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

/** A badge medallion in SVG: coloured and glossy when earned, a quiet grey outline when locked. */
export function Medallion({ name, earned, size = 72, label }: Props) {
  const [dark, light] = PALETTE[hash(name) % PALETTE.length]!;
  const id = `m${hash(name).toString(36)}${earned ? 'e' : 'l'}`;
  const fill = earned ? `url(#${id})` : '#eef1ef';
  const ink = earned ? '#fff' : '#b7c1bc';
  return (
    <svg class={`medallion ${earned ? 'earned' : 'locked'}`} width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={id} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color={light} />
          <stop offset="1" stop-color={dark} />
        </linearGradient>
      </defs>
      <circle
        cx="20"
        cy="20"
        r="19"
        fill={earned ? '#fff6dc' : '#f6f8f7'}
        stroke={earned ? '#e9c46a' : '#d8dfdb'}
        stroke-width="1.5"
        stroke-dasharray={earned ? undefined : '2.5 2'}
      />
      <circle cx="20" cy="20" r="15.5" fill={fill} />
      {earned && <path d="M8 14a14 14 0 0 1 24 0" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="1.4" stroke-linecap="round" />}
      <path
        d={emblemFor(name)}
        fill={OUTLINED.some((k) => name.startsWith(k)) ? 'none' : ink}
        stroke={ink}
        stroke-width="1.4"
        stroke-linejoin="round"
        transform="translate(4 4) scale(.8)"
      />
      {label && (
        <g>
          <rect x="12" y="29" width="16" height="7" rx="3.5" fill={earned ? dark : '#cfd7d3'} />
          <text x="20" y="34.3" text-anchor="middle" font-size="5.2" font-weight="800" fill="#fff" font-family="system-ui, sans-serif">
            {label}
          </text>
        </g>
      )}
    </svg>
  );
}
