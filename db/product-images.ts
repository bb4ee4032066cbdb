/**
 * Generated product illustrations: one small, deterministic SVG per product (a soft gradient in the
 * product's colours, a simple vector drawing of the kind of product, the brand in small capitals).
 * Written once to public/products/<slug>.svg and committed; the seed only stores the path.
 */
import fs from 'node:fs';
import path from 'node:path';

export const IMAGE_KINDS = [
  'sunglasses',
  'aviator',
  'sneaker',
  'derby',
  'boot',
  'laceboot',
  'wellie',
  'tshirt',
  'tshirt-stripe',
  'tshirt-graphic',
  'longsleeve',
  'jacket',
  'puffer',
  'coat',
  'tote',
  'backpack',
  'crossbody',
  'duffel',
  'wallet',
  'cap',
  'beanie',
  'bucket',
  'socks',
  'watch',
  'book',
  'magazine',
] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

export interface ProductImageSpec {
  slug: string;
  brand: string;
  kind: ImageKind;
  /** Hex colours: [main, accent?]. The main colour paints the object, the accent its details. */
  colors: string[];
}

// ---------------------------------------------------------------------------------------------------
// Colour helpers

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
  return (
    '#' +
    [r, g, b]
      .map((v) =>
        Math.round(Math.min(255, Math.max(0, v)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

/** Mixes `a` towards `b` by t (0 = a, 1 = b). */
function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return toHex([0, 1, 2].map((i) => x[i] + (y[i] - x[i]) * t) as Rgb);
}

/** Relative luminance, 0 (black) … 1 (white). */
function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

interface Palette {
  main: string;
  accent: string;
  /** Darker shade of main for seams and soles (lighter for very dark objects, so details stay visible). */
  dark: string;
  /** Outline colour. */
  line: string;
  light: string;
}

function paletteOf(colors: string[]): Palette {
  const main = colors[0] ?? '#8a8f96';
  const lum = luminance(main);
  const accent = colors[1] ?? (lum < 0.05 ? '#c9a24a' : mix(main, '#000000', 0.45));
  return {
    main,
    accent,
    dark: lum < 0.04 ? mix(main, '#ffffff', 0.22) : mix(main, '#000000', 0.35),
    line: lum > 0.6 ? '#8f8a82' : mix(main, '#000000', 0.5),
    light: mix(main, '#ffffff', 0.45),
  };
}

// ---------------------------------------------------------------------------------------------------
// Drawings (viewBox 0 0 400 400, object centred around y≈200, ground at y≈300)

/** A drawing: plain markup, or markup plus what it needs in <defs>. */
type Art = string | { defs: string; body: string };

const round = 'stroke-linecap="round" stroke-linejoin="round"';

function sunglasses(p: Palette, aviator: boolean): Art {
  const lensTop = mix(p.accent, '#000000', 0.15);
  const lensBottom = mix(p.accent, '#000000', 0.65);
  const defs = `<linearGradient id="ln" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${lensTop}"/><stop offset="1" stop-color="${lensBottom}"/></linearGradient>`;
  const lens = aviator
    ? `<g id="L"><path d="M102 168 Q146 154 190 162 Q196 194 174 222 Q150 248 122 240 Q96 232 98 200 Q98 180 102 168 Z" fill="url(#ln)" stroke="${p.main}" stroke-width="6"/><path d="M122 176 L142 174 L124 208 Z" fill="#fff" opacity=".25"/><path d="M102 170 L68 162" stroke="${p.main}" stroke-width="6" ${round}/></g>`
    : `<g id="L"><path d="M86 170 Q86 158 98 158 H182 Q194 158 192 172 L187 204 Q183 234 152 234 H128 Q96 234 91 204 Z" fill="url(#ln)" stroke="${p.main}" stroke-width="11" stroke-linejoin="round"/><path d="M104 172 L130 172 L108 214 Z" fill="#fff" opacity=".22"/><path d="M84 166 L58 160" stroke="${p.main}" stroke-width="10" ${round}/></g>`;
  const bridge = aviator
    ? `<path d="M186 165 H214 M186 182 Q200 174 214 182" fill="none" stroke="${p.main}" stroke-width="5" ${round}/>`
    : `<path d="M190 174 Q200 162 210 174" fill="none" stroke="${p.main}" stroke-width="10" ${round}/>`;
  return {
    defs,
    body: `${lens}<use href="#L" transform="matrix(-1 0 0 1 400 0)"/>${bridge}`,
  };
}

function sneaker(p: Palette): Art {
  const sole = luminance(p.main) > 0.7 ? mix(p.accent, '#ffffff', 0.55) : '#f6f4ef';
  return (
    `<path d="M86 232 C80 212 82 186 92 170 Q98 160 112 164 Q130 178 150 170 L172 174 Q204 190 244 198 Q304 206 330 218 Q344 226 342 232 Z" fill="${p.main}" stroke="${p.line}" stroke-width="3" stroke-linejoin="round"/>` +
    `<path d="M132 222 Q214 182 306 208" fill="none" stroke="${p.accent}" stroke-width="11" ${round}/>` +
    `<path d="M168 174 l-6 13 M186 180 l-6 13 M204 186 l-5 13 M222 191 l-4 13" stroke="${p.light}" stroke-width="6" ${round}/>` +
    `<path d="M94 204 Q84 186 96 170" fill="none" stroke="${p.accent}" stroke-width="8" ${round}/>` +
    `<path d="M72 232 H344 Q354 232 352 242 L350 248 Q348 258 336 258 H86 Q70 258 70 246 Z" fill="${sole}" stroke="${p.line}" stroke-width="3" stroke-linejoin="round"/>` +
    `<path d="M76 246 H348" stroke="${p.line}" stroke-width="2" opacity=".35"/>`
  );
}

function derby(p: Palette): Art {
  return (
    `<path d="M80 236 C76 206 82 182 96 176 Q108 172 122 176 L150 180 Q176 198 214 202 Q290 208 324 220 Q344 228 340 236 Z" fill="${p.main}" stroke="${p.line}" stroke-width="3" stroke-linejoin="round"/>` +
    `<path d="M150 180 Q168 214 214 203" fill="none" stroke="${p.dark}" stroke-width="3"/>` +
    `<path d="M156 186 l14 -4 M164 194 l14 -4 M172 201 l14 -4" stroke="${p.light}" stroke-width="3" ${round}/>` +
    `<path d="M236 208 Q290 212 318 224" fill="none" stroke="#fff" stroke-width="5" opacity=".3" ${round}/>` +
    `<path d="M74 236 H342 Q350 242 340 246 H130 V258 H86 Q74 258 74 246 Z" fill="${mix(p.main, '#000000', 0.55)}"/>`
  );
}

function boot(p: Palette, kind: 'boot' | 'laceboot' | 'wellie'): Art {
  const top = kind === 'wellie' ? 70 : 100;
  let detail = '';
  if (kind === 'boot') {
    detail = `<path d="M150 110 Q148 160 170 204 L186 196 Q176 150 178 110 Z" fill="${p.accent}" opacity=".85"/><path d="M184 100 Q194 78 200 100" fill="none" stroke="${p.dark}" stroke-width="6" ${round}/>`;
  } else if (kind === 'laceboot') {
    detail =
      `<path d="M186 110 Q182 170 214 212" fill="none" stroke="${p.dark}" stroke-width="3"/>` +
      `<path d="M178 126 l18 -4 M178 146 l19 -4 M181 166 l19 -5 M188 186 l19 -6" stroke="${p.accent}" stroke-width="5" ${round}/>` +
      `<path d="M112 ${top + 8} H192" stroke="${p.dark}" stroke-width="10"/>`;
  } else {
    detail = `<path d="M110 ${top + 14} H194" stroke="${p.dark}" stroke-width="14"/><path d="M124 120 Q120 180 128 240" fill="none" stroke="#fff" stroke-width="6" opacity=".25" ${round}/>`;
  }
  return (
    `<path d="M112 ${top} H194 Q198 150 198 190 Q202 212 238 218 Q302 226 326 240 Q338 248 334 256 H106 Q98 180 112 ${top} Z" fill="${p.main}" stroke="${p.line}" stroke-width="3" stroke-linejoin="round"/>` +
    detail +
    `<path d="M100 256 H338 Q346 262 336 268 H158 V280 H106 Q100 280 100 274 Z" fill="${mix(p.main, '#000000', 0.6)}"/>`
  );
}

const TEE =
  'M152 96 Q200 122 248 96 L318 126 Q324 129 322 136 L306 178 Q304 184 298 182 L272 172 V300 Q272 306 266 306 H134 Q128 306 128 300 V172 L102 182 Q96 184 94 178 L78 136 Q76 129 82 126 Z';
const LONGSLEEVE =
  'M152 96 Q200 122 248 96 L306 118 Q320 124 324 140 L348 286 Q349 294 341 296 L322 298 Q316 298 315 292 L284 168 L272 172 V300 Q272 306 266 306 H134 Q128 306 128 300 V172 L116 168 L85 292 Q84 298 78 298 L59 296 Q51 294 52 286 L76 140 Q80 124 94 118 Z';

function tshirt(p: Palette, kind: 'tshirt' | 'tshirt-stripe' | 'tshirt-graphic' | 'longsleeve'): Art {
  const shape = kind === 'longsleeve' ? LONGSLEEVE : TEE;
  let extra = '';
  let defs = '';
  if (kind === 'tshirt-stripe') {
    defs = `<clipPath id="c"><path d="${shape}"/></clipPath>`;
    extra = `<path d="M40 128 H360 M40 156 H360 M40 184 H360 M40 212 H360 M40 240 H360 M40 268 H360 M40 296 H360" stroke="${p.accent}" stroke-width="12" clip-path="url(#c)"/>`;
  } else if (kind === 'tshirt-graphic') {
    extra = `<g fill="none" stroke="${p.accent}" stroke-width="5" ${round}><circle cx="176" cy="214" r="20"/><circle cx="232" cy="214" r="20"/><path d="M176 214 L192 184 H222 L232 214 M192 184 L204 214 L222 184 M188 176 H200"/></g>`;
  } else {
    extra = `<rect x="222" y="150" width="30" height="34" rx="4" fill="none" stroke="${p.line}" stroke-width="2" opacity=".5"/>`;
  }
  return {
    defs,
    body:
      `<path d="${shape}" fill="${p.main}"/>` +
      extra +
      `<path d="${shape}" fill="none" stroke="${p.line}" stroke-width="3" stroke-linejoin="round"/>` +
      `<path d="M152 96 Q200 134 248 96" fill="none" stroke="${p.dark}" stroke-width="7" ${round}/>`,
  };
}

const JACKET =
  'M150 92 H250 L304 114 Q322 122 324 146 L336 296 Q336 302 330 302 H302 Q296 302 296 296 L290 190 L284 312 Q284 318 278 318 H122 Q116 318 116 312 L110 190 L104 296 Q104 302 98 302 H70 Q64 302 64 296 L76 146 Q78 122 96 114 Z';

function jacket(p: Palette, kind: 'jacket' | 'puffer' | 'coat'): Art {
  let defs = '';
  let extra = '';
  if (kind === 'puffer') {
    defs = `<clipPath id="c"><path d="${JACKET}"/></clipPath>`;
    extra = `<path d="M50 140 H350 M50 176 H350 M50 212 H350 M50 248 H350 M50 284 H350" stroke="${p.dark}" stroke-width="3" clip-path="url(#c)"/>`;
  }
  const front =
    kind === 'coat'
      ? `<path d="M150 92 L200 170 L250 92 L232 150 L200 176 L168 150 Z" fill="${p.dark}"/><path d="M200 176 V318" stroke="${p.dark}" stroke-width="2"/><g fill="${p.accent}"><circle cx="214" cy="200" r="6"/><circle cx="214" cy="240" r="6"/><circle cx="214" cy="280" r="6"/></g>`
      : `<path d="M150 92 Q200 72 250 92 L238 126 Q200 110 162 126 Z" fill="${p.dark}"/><path d="M200 118 V318" stroke="${p.accent}" stroke-width="5"/>`;
  return {
    defs,
    body:
      `<path d="${JACKET}" fill="${p.main}" stroke="${p.line}" stroke-width="3" stroke-linejoin="round"/>` +
      extra +
      front +
      `<path d="M134 254 L160 250 M240 250 L266 254" stroke="${p.dark}" stroke-width="5" ${round}/>` +
      `<path d="M66 288 H104 M296 288 H334" stroke="${p.dark}" stroke-width="8"/>`,
  };
}

function bag(p: Palette, kind: 'tote' | 'backpack' | 'crossbody' | 'duffel' | 'wallet'): Art {
  const o = `stroke="${p.line}" stroke-width="3" stroke-linejoin="round"`;
  switch (kind) {
    case 'tote':
      return (
        `<path d="M152 166 Q152 96 200 96 Q248 96 248 166" fill="none" stroke="${p.dark}" stroke-width="10" ${round}/>` +
        `<path d="M110 162 H290 L302 302 Q303 312 292 312 H108 Q97 312 98 302 Z" fill="${p.main}" ${o}/>` +
        `<rect x="170" y="214" width="60" height="40" rx="4" fill="${p.accent}" opacity=".85"/>`
      );
    case 'backpack':
      return (
        `<path d="M176 112 Q200 82 224 112" fill="none" stroke="${p.dark}" stroke-width="8" ${round}/>` +
        `<rect x="128" y="108" width="144" height="204" rx="40" fill="${p.main}" ${o}/>` +
        `<path d="M128 150 Q128 108 170 108 H230 Q272 108 272 150 V178 Q200 198 128 178 Z" fill="${p.dark}"/>` +
        `<rect x="154" y="222" width="92" height="70" rx="16" fill="${p.light}" opacity=".6"/>` +
        `<path d="M178 180 V206 M222 180 V206" stroke="${p.accent}" stroke-width="8" ${round}/>`
      );
    case 'crossbody':
      return (
        `<path d="M130 180 Q200 40 270 180" fill="none" stroke="${p.dark}" stroke-width="6" ${round}/>` +
        `<rect x="116" y="170" width="168" height="116" rx="22" fill="${p.main}" ${o}/>` +
        `<path d="M116 204 Q116 170 146 170 H254 Q284 170 284 204 V232 H116 Z" fill="${p.dark}"/>` +
        `<circle cx="200" cy="232" r="9" fill="${p.accent}"/>`
      );
    case 'duffel':
      return (
        `<path d="M156 170 Q156 118 200 118 Q244 118 244 170" fill="none" stroke="${p.dark}" stroke-width="9" ${round}/>` +
        `<rect x="80" y="160" width="240" height="136" rx="58" fill="${p.main}" ${o}/>` +
        `<path d="M120 172 H280" stroke="${p.dark}" stroke-width="4"/>` +
        `<path d="M96 184 Q80 228 96 276 M304 184 Q320 228 304 276" fill="none" stroke="${p.accent}" stroke-width="14" ${round}/>`
      );
    case 'wallet':
      return (
        `<rect x="110" y="150" width="180" height="120" rx="14" fill="${p.main}" ${o}/>` +
        `<rect x="122" y="162" width="156" height="96" rx="9" fill="none" stroke="${p.light}" stroke-width="2" stroke-dasharray="6 5"/>` +
        `<path d="M226 186 H290 V234 H226 Q210 234 210 218 V202 Q210 186 226 186 Z" fill="${p.dark}"/>` +
        `<circle cx="232" cy="210" r="7" fill="${p.accent}"/>`
      );
  }
}

function hat(p: Palette, kind: 'cap' | 'beanie' | 'bucket'): Art {
  const o = `stroke="${p.line}" stroke-width="3" stroke-linejoin="round"`;
  switch (kind) {
    case 'cap':
      return (
        `<path d="M238 226 Q318 210 352 236 Q344 250 300 250 Q262 250 238 240 Z" fill="${p.dark}" ${o}/>` +
        `<path d="M100 236 Q96 140 196 134 Q284 136 292 230 Q200 244 100 236 Z" fill="${p.main}" ${o}/>` +
        `<path d="M196 136 Q176 184 182 238 M196 136 Q240 170 250 236" fill="none" stroke="${p.dark}" stroke-width="2" opacity=".6"/>` +
        `<circle cx="196" cy="136" r="7" fill="${p.dark}"/><rect x="206" y="186" width="36" height="20" rx="5" fill="${p.accent}"/>`
      );
    case 'beanie':
      return (
        `<circle cx="200" cy="112" r="26" fill="${p.accent}"/>` +
        `<path d="M120 250 Q116 130 200 126 Q284 130 280 250 Z" fill="${p.main}" ${o}/>` +
        `<rect x="110" y="232" width="180" height="62" rx="14" fill="${mix(p.main, '#000000', 0.12)}" ${o}/>` +
        `<path d="M120 263 H280" stroke="${p.dark}" stroke-width="50" stroke-dasharray="4 9" opacity=".35"/>`
      );
    case 'bucket':
      return (
        `<path d="M140 226 L152 148 Q200 130 248 148 L260 226 Z" fill="${p.main}" ${o}/>` +
        `<path d="M144 204 Q200 194 256 204 L259 222 Q200 212 141 222 Z" fill="${p.accent}"/>` +
        `<path d="M78 240 Q200 196 322 240 Q328 262 304 264 Q200 238 96 264 Q72 262 78 240 Z" fill="${p.dark}" ${o}/>`
      );
  }
}

function socks(p: Palette): Art {
  const sock = 'M176 84 H244 V214 Q244 246 220 264 L164 304 Q140 320 122 300 Q108 282 128 266 L176 228 Z';
  return {
    defs: `<path id="s" d="${sock}"/><clipPath id="c"><use href="#s"/></clipPath>`,
    body:
      `<use href="#s" fill="${p.dark}" transform="translate(44 -12)"/>` +
      `<use href="#s" fill="${p.main}" stroke="${p.line}" stroke-width="3"/>` +
      `<g clip-path="url(#c)" fill="${p.accent}"><circle cx="248" cy="244" r="30"/><circle cx="118" cy="302" r="32"/><rect x="170" y="84" width="80" height="18"/></g>` +
      `<path d="M176 118 H244" stroke="${p.dark}" stroke-width="30" stroke-dasharray="3 6" opacity=".3"/>`,
  };
}

function watch(p: Palette): Art {
  const metal = ['#c9a24a', '#aeb4bb', '#8d99a6'].includes(p.main.toLowerCase());
  const caseColor = metal ? p.main : '#b9c0c8';
  const dial = metal ? mix(p.accent, '#ffffff', 0.1) : '#f7f5f0';
  const hands = luminance(dial) > 0.4 ? '#2a2d31' : '#f4f1ea';
  const ticks = [30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330]
    .map((a) => `<use href="#t" transform="rotate(${a} 200 200)"/>`)
    .join('');
  return (
    `<rect x="166" y="60" width="68" height="280" rx="16" fill="${p.main}" stroke="${p.line}" stroke-width="3"/>` +
    (metal
      ? `<path d="M172 80 H228 M172 100 H228 M172 300 H228 M172 320 H228" stroke="${p.dark}" stroke-width="2" opacity=".5"/>`
      : `<g fill="${p.dark}"><circle cx="200" cy="300" r="4"/><circle cx="200" cy="318" r="4"/></g>`) +
    `<rect x="272" y="190" width="14" height="20" rx="3" fill="${caseColor}"/>` +
    `<circle cx="200" cy="200" r="76" fill="${caseColor}" stroke="${mix(caseColor, '#000000', 0.35)}" stroke-width="3"/>` +
    `<circle cx="200" cy="200" r="62" fill="${dial}"/>` +
    `<path id="t" d="M200 144 V154" stroke="${hands}" stroke-width="4" opacity=".7"/>${ticks}` +
    `<path d="M200 200 L175 186 M200 200 L243 176" stroke="${hands}" stroke-width="6" ${round}/>` +
    `<path d="M200 200 L200 248" stroke="${p.accent}" stroke-width="2"/><circle cx="200" cy="200" r="6" fill="${p.accent}"/>`
  );
}

function book(p: Palette, magazine: boolean): Art {
  const cover = magazine
    ? `<rect x="142" y="102" width="112" height="24" rx="3" fill="#fff" opacity=".9"/><rect x="146" y="140" width="104" height="120" rx="4" fill="${p.accent}"/><circle cx="198" cy="186" r="26" fill="#fff" opacity=".45"/><rect x="146" y="272" width="70" height="8" rx="4" fill="#fff" opacity=".8"/>`
    : `<rect x="154" y="120" width="96" height="12" rx="6" fill="${p.accent}"/><rect x="154" y="142" width="66" height="8" rx="4" fill="${p.accent}" opacity=".7"/><circle cx="200" cy="230" r="38" fill="${p.accent}" opacity=".55"/><circle cx="222" cy="212" r="22" fill="#fff" opacity=".3"/>`;
  return (
    `<rect x="134" y="92" width="152" height="222" rx="6" fill="#f3efe6" stroke="${p.line}" stroke-width="2"/>` +
    `<rect x="124" y="84" width="152" height="222" rx="6" fill="${p.main}" stroke="${p.line}" stroke-width="2"/>` +
    (magazine ? '' : `<rect x="124" y="84" width="16" height="222" rx="4" fill="#000" opacity=".18"/>`) +
    cover
  );
}

function drawing(kind: ImageKind, p: Palette): { defs: string; body: string } {
  const wrap = (art: Art) => (typeof art === 'string' ? { defs: '', body: art } : art);
  switch (kind) {
    case 'sunglasses':
    case 'aviator':
      return wrap(sunglasses(p, kind === 'aviator'));
    case 'sneaker':
      return wrap(sneaker(p));
    case 'derby':
      return wrap(derby(p));
    case 'boot':
    case 'laceboot':
    case 'wellie':
      return wrap(boot(p, kind));
    case 'tshirt':
    case 'tshirt-stripe':
    case 'tshirt-graphic':
    case 'longsleeve':
      return wrap(tshirt(p, kind));
    case 'jacket':
    case 'puffer':
    case 'coat':
      return wrap(jacket(p, kind));
    case 'tote':
    case 'backpack':
    case 'crossbody':
    case 'duffel':
    case 'wallet':
      return wrap(bag(p, kind));
    case 'cap':
    case 'beanie':
    case 'bucket':
      return wrap(hat(p, kind));
    case 'socks':
      return wrap(socks(p));
    case 'watch':
      return wrap(watch(p));
    case 'book':
    case 'magazine':
      return wrap(book(p, kind === 'magazine'));
  }
}

/** Where the shadow under each kind of object falls: [cy, rx]. */
function shadowOf(kind: ImageKind): [number, number] {
  if (['sneaker', 'derby'].includes(kind)) return [262, 150];
  if (['boot', 'laceboot', 'wellie'].includes(kind)) return [284, 130];
  if (['sunglasses', 'aviator'].includes(kind)) return [282, 120];
  if (['cap', 'beanie', 'bucket'].includes(kind)) return [300, 120];
  if (kind === 'watch') return [346, 70];
  return [324, 110];
}

const GRADIENT_DIRECTIONS = [
  'x1="0" y1="0" x2="1" y2="1"',
  'x1="1" y1="0" x2="0" y2="1"',
  'x1="0" y1="0" x2="0" y2="1"',
  'x1="0.3" y1="0" x2="0.7" y2="1"',
];

/** The SVG illustration of one product. Pure and deterministic: the same spec gives the same bytes. */
export function productImageSvg(spec: ProductImageSpec): string {
  const p = paletteOf(spec.colors);
  const h = hash(spec.slug);
  // Very light objects (white tees, cream hats) get their background from the accent, or warm stone.
  const base = luminance(p.main) > 0.6 ? (spec.colors[1] ?? '#b8ada0') : p.main;
  const second = spec.colors[1] && luminance(spec.colors[1]) <= 0.6 ? spec.colors[1] : base;
  const bgTop = mix(base, '#ffffff', 0.84);
  const bgBottom = mix(second, '#ffffff', 0.66);
  const { defs, body } = drawing(spec.kind, p);
  const [shadowY, shadowRx] = shadowOf(spec.kind);
  const glowX = 150 + (h % 100);
  const glowY = 140 + ((h >>> 8) % 60);
  const text = mix(base, '#000000', 0.6);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(spec.brand)}">` +
    `<defs><linearGradient id="bg" ${GRADIENT_DIRECTIONS[h % GRADIENT_DIRECTIONS.length]}><stop offset="0" stop-color="${bgTop}"/><stop offset="1" stop-color="${bgBottom}"/></linearGradient>${defs}</defs>` +
    `<rect width="400" height="400" fill="url(#bg)"/>` +
    `<circle cx="${glowX}" cy="${glowY}" r="150" fill="#fff" opacity=".32"/>` +
    `<ellipse cx="200" cy="${shadowY}" rx="${shadowRx}" ry="11" fill="#000" opacity=".1"/>` +
    body +
    `<text x="200" y="372" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="13" font-weight="600" letter-spacing="3" fill="${text}" opacity=".75">${escapeXml(spec.brand.toUpperCase())}</text>` +
    `</svg>\n`
  );
}

/** Writes `<dir>/<slug>.svg` for every product; returns the paths written. */
export function writeProductImages(products: ProductImageSpec[], dir = 'public/products'): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return products.map((product) => {
    const file = path.join(dir, `${product.slug}.svg`);
    fs.writeFileSync(file, productImageSvg(product));
    return file;
  });
}
