import type { CategoryCode } from '@craftmatch/shared';

/** Colours of one illustration: paper background, the object's body, its decoration, and line work. */
export interface Tint {
  bg: string;
  main: string;
  accent: string;
  dark: string;
}

/** Pairs from the crafts' palette (LOOK.md): lacquer red, indigo, rattan gold, celadon, and their neighbours. */
export const TINTS: Tint[] = [
  { bg: '#F6F0E4', main: '#9B2226', accent: '#C9A227', dark: '#3B0D0F' },
  { bg: '#EEF2EE', main: '#1D3557', accent: '#8FBCA8', dark: '#0E1B2C' },
  { bg: '#F7F1E3', main: '#C9A227', accent: '#7A4E2D', dark: '#4A3212' },
  { bg: '#F2F0E8', main: '#8FBCA8', accent: '#1D3557', dark: '#2E4A3F' },
  { bg: '#F5ECE3', main: '#B5653A', accent: '#F6F0E4', dark: '#4F2A15' },
  { bg: '#EFEDF2', main: '#2F6F5E', accent: '#E9C46A', dark: '#163A31' },
];

const frame = (t: Tint, body: string, px: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="${px}" height="${px}">
  <rect width="400" height="400" fill="${t.bg}"/>
  <circle cx="200" cy="190" r="150" fill="${t.main}" opacity="0.08"/>
  <ellipse cx="200" cy="352" rx="120" ry="14" fill="${t.dark}" opacity="0.12"/>
  ${body}
</svg>`;

const DRAW: Record<CategoryCode, (t: Tint) => string> = {
  // a baluster vase with a glaze band and a lotus
  CER: (t) => `
  <path d="M172 70h56v14c0 12-10 18-10 30 0 20 62 44 62 124 0 66-44 106-80 106s-80-40-80-106c0-80 62-104 62-124 0-12-10-18-10-30z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <rect x="166" y="62" width="68" height="12" rx="5" fill="${t.dark}"/>
  <path d="M134 210c40 14 92 14 132 0" fill="none" stroke="${t.accent}" stroke-width="8"/>
  <path d="M140 300c36 12 84 12 120 0" fill="none" stroke="${t.accent}" stroke-width="5"/>
  <g fill="${t.accent}" stroke="${t.dark}" stroke-width="1.5">
    <path d="M200 226c14 18 14 40 0 56-14-16-14-38 0-56z"/>
    <path d="M200 282c-6-20-22-34-40-36 4 20 20 34 40 36z"/>
    <path d="M200 282c6-20 22-34 40-36-4 20-20 34-40 36z"/>
  </g>`,
  // a lidded box in lacquer with gold lines
  LAC: (t) => `
  <rect x="92" y="170" width="216" height="150" rx="10" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M84 150h232l-8 34H92z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <rect x="84" y="140" width="232" height="16" rx="6" fill="${t.dark}"/>
  <rect x="112" y="198" width="176" height="98" rx="6" fill="none" stroke="${t.accent}" stroke-width="4"/>
  <circle cx="200" cy="247" r="26" fill="none" stroke="${t.accent}" stroke-width="4"/>
  <path d="M200 221v52M174 247h52" stroke="${t.accent}" stroke-width="3"/>
  <circle cx="150" cy="220" r="3" fill="${t.accent}"/><circle cx="250" cy="274" r="3" fill="${t.accent}"/>`,
  // a woven basket with a handle
  BAS: (t) => `
  <path d="M130 180c0-90 140-90 140 0" fill="none" stroke="${t.dark}" stroke-width="10" stroke-linecap="round"/>
  <path d="M130 180c0-90 140-90 140 0" fill="none" stroke="${t.main}" stroke-width="5" stroke-linecap="round"/>
  <path d="M96 180h208l-26 156H122z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <g stroke="${t.dark}" stroke-width="2" opacity="0.55">
    <path d="M100 206h200M104 232h192M108 258h184M113 284h174M117 310h166"/>
    ${Array.from({ length: 9 }, (_, i) => `<path d="M${120 + i * 20} 180l${-4 + i} 156"/>`).join('')}
  </g>
  <rect x="90" y="172" width="220" height="14" rx="7" fill="${t.accent}" stroke="${t.dark}" stroke-width="2"/>`,
  // a conical hat with ribs and a ribbon
  HAT: (t) => `
  <path d="M200 70L58 262c80 34 204 34 284 0z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <g fill="none" stroke="${t.dark}" stroke-width="1.6" opacity="0.45">
    ${Array.from({ length: 7 }, (_, i) => {
      const y = 100 + i * 24;
      const half = ((y - 70) / 192) * 142;
      return `<path d="M${200 - half} ${y}q${half} ${6 + i * 1.5} ${half * 2} 0"/>`;
    }).join('')}
  </g>
  <path d="M120 262c10 50 60 74 80 74s70-24 80-74" fill="none" stroke="${t.accent}" stroke-width="6"/>
  <path d="M58 262c80 34 204 34 284 0" fill="none" stroke="${t.dark}" stroke-width="5"/>`,
  // a bolt of silk, partly unrolled
  TEX: (t) => `
  <path d="M120 150h190c20 0 20 60 0 60H120z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <ellipse cx="120" cy="180" rx="18" ry="30" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <ellipse cx="120" cy="180" rx="6" ry="10" fill="${t.dark}"/>
  <path d="M300 210c-30 30-10 60-60 80s-80 10-150 46h200c30-40 40-80 10-126z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <g fill="${t.accent}">
    ${[0, 1, 2, 3, 4].map((i) => `<circle cx="${160 + i * 28}" cy="180" r="6"/><path d="M${148 + i * 28} 168l12 -8 12 8" fill="none" stroke="${t.accent}" stroke-width="3"/>`).join('')}
  </g>
  <path d="M120 320c50-20 90-20 130-44" fill="none" stroke="${t.accent}" stroke-width="4"/>
  <path d="M140 334c50-18 100-26 140-56" fill="none" stroke="${t.accent}" stroke-width="3" opacity="0.7"/>`,
  // a seated carved figure on a pedestal
  WOD: (t) => `
  <rect x="110" y="300" width="180" height="34" rx="6" fill="${t.dark}"/>
  <rect x="124" y="290" width="152" height="16" rx="5" fill="${t.accent}"/>
  <path d="M200 150c-46 0-80 40-84 84-2 30 8 56 24 56h120c16 0 26-26 24-56-4-44-38-84-84-84z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M146 262c30 18 78 18 108 0" fill="none" stroke="${t.dark}" stroke-width="3" opacity="0.6"/>
  <path d="M172 226c10 18 46 18 56 0" fill="none" stroke="${t.dark}" stroke-width="3" opacity="0.6"/>
  <circle cx="200" cy="118" r="40" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <circle cx="200" cy="76" r="12" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M182 122q6 6 12 0M206 122q6 6 12 0M192 140q8 6 16 0" fill="none" stroke="${t.dark}" stroke-width="2.5" stroke-linecap="round"/>`,
  // a chair in three-quarter view
  FUR: (t) => `
  <rect x="132" y="76" width="120" height="130" rx="12" fill="none" stroke="${t.main}" stroke-width="14"/>
  <path d="M160 90v110M192 90v110M224 90v110" stroke="${t.accent}" stroke-width="8"/>
  <path d="M118 206h160l22 34H96z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <rect x="96" y="238" width="204" height="14" rx="4" fill="${t.dark}"/>
  <path d="M108 252l-8 88M288 252l8 88M136 252l-2 72M262 252l2 72" stroke="${t.main}" stroke-width="12" stroke-linecap="round"/>
  <path d="M104 300h192" stroke="${t.dark}" stroke-width="5" opacity="0.6"/>`,
  // a fan of incense sticks tied with a band, with smoke
  INC: (t) => `
  <g stroke-linecap="round">
    ${Array.from({ length: 11 }, (_, i) => {
      const a = -30 + i * 6;
      const rad = (a * Math.PI) / 180;
      const x2 = 200 + Math.sin(rad) * 210;
      const y2 = 340 - Math.cos(rad) * 210;
      const xm = 200 + Math.sin(rad) * 90;
      const ym = 340 - Math.cos(rad) * 90;
      return `<path d="M200 340L${xm.toFixed(1)} ${ym.toFixed(1)}" stroke="${t.main}" stroke-width="7"/><path d="M${xm.toFixed(1)} ${ym.toFixed(1)}L${x2.toFixed(1)} ${y2.toFixed(1)}" stroke="${t.accent}" stroke-width="9"/>`;
    }).join('')}
  </g>
  <rect x="168" y="272" width="64" height="22" rx="6" fill="${t.dark}"/>
  <path d="M190 124c-16-20 12-30-4-52M214 118c-12-18 10-28-2-46" fill="none" stroke="${t.dark}" stroke-width="3" opacity="0.35"/>`,
  // a bamboo dragonfly balanced on a stick
  TOY: (t) => `
  <path d="M200 170v168" stroke="${t.dark}" stroke-width="6"/>
  <path d="M170 338h60" stroke="${t.dark}" stroke-width="8" stroke-linecap="round"/>
  <path d="M200 150C150 120 80 130 50 150c40 18 110 20 150 0z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M200 150c50-30 120-20 150 0-40 18-110 20-150 0z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M90 146c30-6 70-6 100 2M310 146c-30-6-70-6-100 2" fill="none" stroke="${t.accent}" stroke-width="4"/>
  <rect x="193" y="130" width="14" height="110" rx="7" fill="${t.accent}" stroke="${t.dark}" stroke-width="3"/>
  <circle cx="200" cy="124" r="14" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <circle cx="195" cy="120" r="3" fill="${t.dark}"/><circle cx="205" cy="120" r="3" fill="${t.dark}"/>`,
  // a Đông Sơn bronze drum
  MET: (t) => `
  <path d="M90 150v130c0 30 220 30 220 0V150" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M90 230c0 30 220 30 220 0" fill="none" stroke="${t.dark}" stroke-width="2" opacity="0.5"/>
  <ellipse cx="200" cy="150" rx="110" ry="36" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <ellipse cx="200" cy="150" rx="84" ry="27" fill="none" stroke="${t.accent}" stroke-width="3"/>
  <ellipse cx="200" cy="150" rx="58" ry="19" fill="none" stroke="${t.accent}" stroke-width="2"/>
  <path d="M200 134l5 10 14 2-10 5 4 11-13-6-13 6 4-11-10-5 14-2z" fill="${t.accent}"/>
  <g stroke="${t.accent}" stroke-width="3">${Array.from({ length: 8 }, (_, i) => `<path d="M${112 + i * 25} 262v18"/>`).join('')}</g>
  <path d="M84 180q-16 20 0 40M316 180q16 20 0 40" fill="none" stroke="${t.dark}" stroke-width="6"/>`,
  // a filigree ring with a stone
  JWL: (t) => `
  <ellipse cx="200" cy="236" rx="104" ry="90" fill="none" stroke="${t.dark}" stroke-width="26"/>
  <ellipse cx="200" cy="236" rx="104" ry="90" fill="none" stroke="#D9DDE2" stroke-width="20"/>
  <g fill="${t.accent}">${Array.from({ length: 14 }, (_, i) => {
    const a = (i / 14) * Math.PI * 2;
    return `<circle cx="${(200 + Math.cos(a) * 104).toFixed(1)}" cy="${(236 + Math.sin(a) * 90).toFixed(1)}" r="3"/>`;
  }).join('')}</g>
  <path d="M162 150l38-52 38 52z" fill="#D9DDE2" stroke="${t.dark}" stroke-width="3"/>
  <circle cx="200" cy="112" r="30" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M186 100q14-10 24 0" fill="none" stroke="#FFFFFF" stroke-width="4" opacity="0.8"/>`,
  // a guardian lion on a plinth
  STN: (t) => `
  <rect x="104" y="296" width="192" height="40" rx="4" fill="${t.dark}" opacity="0.85"/>
  <rect x="116" y="282" width="168" height="18" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M140 282c-6-60 10-110 60-116 54-6 76 40 70 116z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <circle cx="196" cy="132" r="56" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <g fill="none" stroke="${t.dark}" stroke-width="3" opacity="0.55">
    ${Array.from({ length: 8 }, (_, i) => {
      const a = (i / 8) * Math.PI * 2;
      return `<circle cx="${(196 + Math.cos(a) * 44).toFixed(1)}" cy="${(132 + Math.sin(a) * 44).toFixed(1)}" r="9"/>`;
    }).join('')}
  </g>
  <circle cx="182" cy="128" r="6" fill="${t.dark}"/><circle cx="212" cy="128" r="6" fill="${t.dark}"/>
  <path d="M184 152q12 10 24 0" fill="none" stroke="${t.dark}" stroke-width="4"/>
  <circle cx="250" cy="262" r="18" fill="${t.accent}" stroke="${t.dark}" stroke-width="3"/>`,
  // a woodblock print: a carp on dó paper in a frame
  PAP: (t) => `
  <rect x="86" y="60" width="228" height="280" fill="${t.dark}"/>
  <rect x="100" y="74" width="200" height="252" fill="#FBF6EA"/>
  <path d="M130 210c30-60 110-70 150-10-40 60-120 50-150 10z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M130 210l-22-26v52z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <circle cx="252" cy="196" r="6" fill="${t.dark}"/>
  <g fill="none" stroke="${t.accent}" stroke-width="3">
    <path d="M170 196q10 10 0 20M192 190q10 12 0 28M214 188q10 14 0 32"/>
  </g>
  <path d="M120 290c20-10 40 10 60 0s40 10 60 0 40 10 50 0" fill="none" stroke="${t.accent}" stroke-width="4"/>
  <rect x="266" y="90" width="22" height="40" fill="${t.main}"/>`,
  // a horn comb
  HRN: (t) => `
  <path d="M80 150c40-30 200-30 240 0v40H80z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <path d="M110 160c30-14 150-14 180 0" fill="none" stroke="${t.accent}" stroke-width="4" opacity="0.8"/>
  <g fill="${t.main}" stroke="${t.dark}" stroke-width="2">
    ${Array.from({ length: 20 }, (_, i) => `<rect x="${84 + i * 11.6}" y="188" width="7" height="${120 - Math.abs(i - 9.5) * 2}" rx="3"/>`).join('')}
  </g>
  <path d="M120 150c20-8 40-10 60-8" stroke="#FFFFFF" stroke-width="5" opacity="0.35" fill="none"/>`,
  // a box inlaid with mother-of-pearl
  MOP: (t) => `
  <rect x="86" y="150" width="228" height="160" rx="8" fill="${t.dark}"/>
  <path d="M78 130h244v30H78z" fill="${t.dark}" stroke="${t.main}" stroke-width="3"/>
  <rect x="104" y="176" width="192" height="112" rx="6" fill="none" stroke="${t.main}" stroke-width="3"/>
  <g fill="#F4F1EC" stroke="${t.accent}" stroke-width="1.5">
    ${Array.from({ length: 5 }, (_, i) => {
      const a = (i / 5) * Math.PI * 2 - Math.PI / 2;
      return `<ellipse cx="${(200 + Math.cos(a) * 20).toFixed(1)}" cy="${(232 + Math.sin(a) * 20).toFixed(1)}" rx="14" ry="9" transform="rotate(${((a * 180) / Math.PI).toFixed(0)} ${(200 + Math.cos(a) * 20).toFixed(1)} ${(232 + Math.sin(a) * 20).toFixed(1)})"/>`;
    }).join('')}
  </g>
  <circle cx="200" cy="232" r="8" fill="${t.accent}"/>
  <path d="M130 270c20-20 30-10 44-26M270 270c-20-20-30-10-44-26" fill="none" stroke="#F4F1EC" stroke-width="3"/>
  <circle cx="130" cy="196" r="4" fill="#F4F1EC"/><circle cx="270" cy="196" r="4" fill="#F4F1EC"/>`,
  // a silk lantern
  DEC: (t) => `
  <path d="M200 40v36" stroke="${t.dark}" stroke-width="4"/>
  <rect x="166" y="74" width="68" height="16" rx="4" fill="${t.dark}"/>
  <path d="M168 90c-90 40-90 170 0 210h64c90-40 90-170 0-210z" fill="${t.main}" stroke="${t.dark}" stroke-width="3"/>
  <g fill="none" stroke="${t.dark}" stroke-width="2" opacity="0.45">
    <path d="M200 90v210M184 92c-40 50-40 156 0 206M216 92c40 50 40 156 0 206M172 94c-70 50-70 150 0 202M228 94c70 50 70 150 0 202"/>
  </g>
  <path d="M112 196h176" stroke="${t.accent}" stroke-width="6"/>
  <rect x="166" y="298" width="68" height="14" rx="4" fill="${t.dark}"/>
  <path d="M190 312v36M200 312v44M210 312v36" stroke="${t.accent}" stroke-width="4"/>`,
};

/** The SVG illustration of a category in one tint. */
export function illustration(category: CategoryCode, tint: Tint, px = 800): string {
  return frame(tint, DRAW[category](tint), px);
}
