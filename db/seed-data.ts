/**
 * The demo retailer as plain constants: locations, catalog, stock, people and their order history.
 * db/seed.ts writes these idempotently; tests and e2e specs import the constants (SKUs, logins).
 * Relative imports only: this file also runs under tsx scripts.
 */
import type { ImageKind, ProductImageSpec } from './product-images';
import type { OpeningHours } from './schema/locations';

// ---------------------------------------------------------------------------------------------------
// Barcodes

/** GS1 check digit of a 12-digit base: weights 1,3,1,3,… from the left, then (10 − sum mod 10) mod 10. */
export function ean13CheckDigit(base12: string): number {
  if (!/^[0-9]{12}$/.test(base12)) throw new Error(`EAN-13 base must be 12 digits, got "${base12}"`);
  const sum = [...base12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** The full EAN-13 for a 12-digit base (base + check digit). */
export function ean13(base12: string): string {
  return base12 + ean13CheckDigit(base12);
}

export function isValidEan13(code: string): boolean {
  return /^[0-9]{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** Fictional GS1 Netherlands company prefix (870–879 = NL) of the retailer's own label. */
const EAN_COMPANY_PREFIX = '8718256';

// ---------------------------------------------------------------------------------------------------
// Locations

export type LocationCode = 'WH' | 'AMS' | 'UTR' | 'RTM';
export type StoreCode = Exclude<LocationCode, 'WH'>;

export interface LocationSeed {
  code: LocationCode;
  name: string;
  kind: 'warehouse' | 'store';
  street: string;
  postcode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  latitude: number;
  longitude: number;
  openingHours: OpeningHours;
  pickupEnabled: boolean;
}

type Slot = [string, string][];
const closed: Slot = [];
const day = (open: string, close: string): Slot => [[open, close]];

export const LOCATIONS: LocationSeed[] = [
  {
    code: 'WH',
    name: 'Omnishop Distributiecentrum Tilburg',
    kind: 'warehouse',
    street: 'Kraaivenstraat 21',
    postcode: '5048 AB',
    city: 'Tilburg',
    country: 'NL',
    phone: '+31 13 208 4400',
    email: 'warehouse@omnishop.test',
    latitude: 51.5853,
    longitude: 5.0457,
    openingHours: {
      '1': day('07:00', '17:00'),
      '2': day('07:00', '17:00'),
      '3': day('07:00', '17:00'),
      '4': day('07:00', '17:00'),
      '5': day('07:00', '17:00'),
      '6': closed,
      '7': closed,
    },
    pickupEnabled: false,
  },
  {
    code: 'AMS',
    name: 'Omnishop Amsterdam Kalverstraat',
    kind: 'store',
    street: 'Kalverstraat 112',
    postcode: '1012 PK',
    city: 'Amsterdam',
    country: 'NL',
    phone: '+31 20 624 1187',
    email: 'amsterdam@omnishop.test',
    latitude: 52.3687,
    longitude: 4.8918,
    openingHours: {
      '1': day('11:00', '18:00'),
      '2': day('09:30', '18:00'),
      '3': day('09:30', '18:00'),
      '4': day('09:30', '21:00'), // koopavond
      '5': day('09:30', '18:00'),
      '6': day('09:30', '18:00'),
      '7': day('12:00', '17:00'),
    },
    pickupEnabled: true,
  },
  {
    code: 'UTR',
    name: 'Omnishop Utrecht Oudegracht',
    kind: 'store',
    street: 'Oudegracht 158',
    postcode: '3511 AZ',
    city: 'Utrecht',
    country: 'NL',
    phone: '+31 30 231 4470',
    email: 'utrecht@omnishop.test',
    latitude: 52.0899,
    longitude: 5.1206,
    openingHours: {
      '1': day('12:00', '18:00'),
      '2': day('09:30', '18:00'),
      '3': day('09:30', '18:00'),
      '4': day('09:30', '21:00'), // koopavond
      '5': day('09:30', '18:00'),
      '6': day('09:30', '18:00'),
      '7': day('12:00', '17:00'),
    },
    pickupEnabled: true,
  },
  {
    code: 'RTM',
    name: 'Omnishop Rotterdam Lijnbaan',
    kind: 'store',
    street: 'Lijnbaan 88',
    postcode: '3012 EN',
    city: 'Rotterdam',
    country: 'NL',
    phone: '+31 10 411 2290',
    email: 'rotterdam@omnishop.test',
    latitude: 51.92,
    longitude: 4.4762,
    openingHours: {
      '1': day('12:00', '18:00'),
      '2': day('10:00', '18:00'),
      '3': day('10:00', '18:00'),
      '4': day('10:00', '18:00'),
      '5': day('10:00', '21:00'), // koopavond is on Friday in Rotterdam
      '6': day('10:00', '18:00'),
      '7': day('12:00', '17:00'),
    },
    pickupEnabled: true,
  },
];

// ---------------------------------------------------------------------------------------------------
// Categories

export interface CategorySeed {
  slug: string;
  nameEn: string;
  nameNl: string;
  sortOrder: number;
  /** First part of every SKU in the category. */
  skuPrefix: string;
}

export const CATEGORIES: CategorySeed[] = [
  { slug: 'sunglasses', nameEn: 'Sunglasses', nameNl: 'Zonnebrillen', sortOrder: 10, skuPrefix: 'SUN' },
  { slug: 'shoes', nameEn: 'Shoes', nameNl: 'Schoenen', sortOrder: 20, skuPrefix: 'SHO' },
  { slug: 'boots', nameEn: 'Boots', nameNl: 'Laarzen', sortOrder: 30, skuPrefix: 'BOO' },
  { slug: 't-shirts', nameEn: 'T-shirts', nameNl: 'T-shirts', sortOrder: 40, skuPrefix: 'TSH' },
  { slug: 'jackets', nameEn: 'Jackets & coats', nameNl: 'Jassen', sortOrder: 50, skuPrefix: 'JAC' },
  { slug: 'bags', nameEn: 'Bags', nameNl: 'Tassen', sortOrder: 60, skuPrefix: 'BAG' },
  { slug: 'hats', nameEn: 'Hats & caps', nameNl: 'Hoeden & petten', sortOrder: 70, skuPrefix: 'HAT' },
  { slug: 'socks', nameEn: 'Socks', nameNl: 'Sokken', sortOrder: 80, skuPrefix: 'SOC' },
  { slug: 'watches', nameEn: 'Watches', nameNl: 'Horloges', sortOrder: 90, skuPrefix: 'WAT' },
  {
    slug: 'books',
    nameEn: 'Books & magazines',
    nameNl: 'Boeken & tijdschriften',
    sortOrder: 100,
    skuPrefix: 'BOK',
  },
];

// ---------------------------------------------------------------------------------------------------
// Colours (variant colour names are stored in English; the code goes into the SKU)

export const COLORS = {
  Black: { code: 'BLK', hex: '#23262b', nl: 'Zwart' },
  White: { code: 'WHT', hex: '#f4f3ef', nl: 'Wit' },
  Gold: { code: 'GLD', hex: '#c9a24a', nl: 'Goud' },
  Silver: { code: 'SLV', hex: '#aeb4bb', nl: 'Zilver' },
  Steel: { code: 'STL', hex: '#8d99a6', nl: 'Staal' },
  Tortoise: { code: 'TRT', hex: '#7a4a26', nl: 'Schildpad' },
  Blue: { code: 'BLU', hex: '#2f5d9e', nl: 'Blauw' },
  Navy: { code: 'NVY', hex: '#22324f', nl: 'Marineblauw' },
  Brown: { code: 'BRN', hex: '#6b4226', nl: 'Bruin' },
  Tan: { code: 'TAN', hex: '#b07a4a', nl: 'Cognac' },
  Grey: { code: 'GRY', hex: '#8a8f96', nl: 'Grijs' },
  Green: { code: 'GRN', hex: '#3f6b4a', nl: 'Groen' },
  Olive: { code: 'OLV', hex: '#6b6b3a', nl: 'Olijfgroen' },
  Yellow: { code: 'YLW', hex: '#e3b31c', nl: 'Geel' },
  Red: { code: 'RED', hex: '#b8352a', nl: 'Rood' },
  Pink: { code: 'PNK', hex: '#e3a0b2', nl: 'Roze' },
  Beige: { code: 'BEI', hex: '#d6c2a0', nl: 'Beige' },
  Natural: { code: 'NAT', hex: '#e6dac2', nl: 'Naturel' },
  Camel: { code: 'CML', hex: '#b98b5a', nl: 'Camel' },
  Cream: { code: 'CRM', hex: '#efe6d2', nl: 'Crème' },
  Mustard: { code: 'MUS', hex: '#c9961d', nl: 'Okergeel' },
} as const;
export type ColorName = keyof typeof COLORS;

// ---------------------------------------------------------------------------------------------------
// Products and variants

export type TaxClassName = 'standard' | 'reduced' | 'zero';

export interface VariantSeed {
  sku: string;
  ean: string;
  size: string | null;
  color: ColorName | null;
  priceCents: number;
}

export interface ProductSeed {
  slug: string;
  category: string;
  brand: string;
  nameEn: string;
  nameNl: string;
  descriptionEn: string;
  descriptionNl: string;
  taxClass: TaxClassName;
  imagePath: string;
  imageKind: ImageKind;
  /** Hex colours for the illustration: [main, accent]. */
  imageColors: string[];
  variants: VariantSeed[];
}

interface ProductDef {
  slug: string;
  cat: string;
  code: string;
  brand: string;
  en: string;
  nl: string;
  dEn: string;
  dNl: string;
  price: number;
  sizes?: string[];
  colors?: ColorName[];
  kind: ImageKind;
  tax?: TaxClassName;
  /** Illustration colours when they differ from the variant colours (e.g. a lens tint). */
  art?: string[];
}

const SHOE_40_45 = ['40', '41', '42', '43', '44', '45'];
const SHOE_38_45 = ['38', '39', ...SHOE_40_45];
const APPAREL = ['S', 'M', 'L', 'XL'];
const SOCKS = ['36-40', '41-46'];

const DEFS: ProductDef[] = [
  // Sunglasses: one size, 2–3 colours
  {
    slug: 'aviator-classic',
    cat: 'sunglasses',
    code: 'AVI',
    brand: 'Helder Optics',
    kind: 'aviator',
    en: 'Aviator Classic',
    nl: 'Aviator Classic',
    dEn: 'The timeless pilot shape with a thin metal frame and UV400 glass lenses. Comes with a hard case and cleaning cloth.',
    dNl: 'De tijdloze pilotenvorm met een dun metalen montuur en glazen UV400-lenzen. Geleverd met harde koker en poetsdoek.',
    price: 12950,
    colors: ['Gold', 'Silver', 'Black'],
    art: ['#c9a24a', '#3d5a40'],
  },
  {
    slug: 'wayfarer-original',
    cat: 'sunglasses',
    code: 'WAY',
    brand: 'Helder Optics',
    kind: 'sunglasses',
    en: 'Wayfarer Original',
    nl: 'Wayfarer Original',
    dEn: 'A bold acetate frame that suits almost every face, with polarised lenses against glare on water and wet roads.',
    dNl: 'Een stevig acetaat montuur dat bijna iedereen staat, met gepolariseerde lenzen tegen schittering op water en natte wegen.',
    price: 10950,
    colors: ['Black', 'Tortoise', 'Blue'],
    art: ['#23262b', '#4a5a3c'],
  },
  {
    slug: 'round-metal',
    cat: 'sunglasses',
    code: 'RND',
    brand: 'Noorder',
    kind: 'aviator',
    en: 'Round Metal Sunglasses',
    nl: 'Ronde metalen zonnebril',
    dEn: 'Round lenses in a slim metal frame, a nod to the seventies. Lightweight enough to forget you are wearing them.',
    dNl: 'Ronde glazen in een slank metalen montuur, een knipoog naar de jaren zeventig. Zo licht dat je vergeet dat je ze draagt.',
    price: 8995,
    colors: ['Gold', 'Silver'],
    art: ['#aeb4bb', '#6b4a2f'],
  },
  {
    slug: 'browline-retro',
    cat: 'sunglasses',
    code: 'BRW',
    brand: 'Noorder',
    kind: 'sunglasses',
    en: 'Browline Retro',
    nl: 'Browline Retro',
    dEn: 'Acetate brows over a metal lower rim: the intellectual classic, now with grey gradient lenses.',
    dNl: 'Acetaat wenkbrauwen boven een metalen onderrand: de intellectuele klassieker, nu met grijze verloopglazen.',
    price: 9995,
    colors: ['Black', 'Tortoise'],
    art: ['#7a4a26', '#3c4048'],
  },
  {
    slug: 'sport-wrap-polarised',
    cat: 'sunglasses',
    code: 'SPT',
    brand: 'Solstice',
    kind: 'sunglasses',
    en: 'Sport Wrap Polarised',
    nl: 'Sportbril gepolariseerd',
    dEn: 'A wraparound frame with rubber grips that stays put on the bike or the trail. Polarised, shatterproof lenses.',
    dNl: 'Een omhullend montuur met rubberen grip dat blijft zitten op de fiets of het pad. Gepolariseerde, onbreekbare lenzen.',
    price: 7995,
    colors: ['Black', 'White', 'Red'],
    art: ['#b8352a', '#24456e'],
  },
  {
    slug: 'cat-eye',
    cat: 'sunglasses',
    code: 'CAT',
    brand: 'Solstice',
    kind: 'sunglasses',
    en: 'Cat-Eye Sunglasses',
    nl: 'Cat-eye zonnebril',
    dEn: 'Upswept corners and a glossy finish for a touch of film-star glamour. Brown lenses with full UV protection.',
    dNl: 'Opgetrokken hoeken en een glanzende afwerking voor een vleugje filmsterrenglamour. Bruine lenzen met volledige UV-bescherming.',
    price: 8495,
    colors: ['Black', 'Tortoise', 'Pink'],
    art: ['#e3a0b2', '#6b4226'],
  },
  {
    slug: 'folding-aviator',
    cat: 'sunglasses',
    code: 'FLD',
    brand: 'Helder Optics',
    kind: 'aviator',
    en: 'Folding Aviator',
    nl: 'Opvouwbare aviator',
    dEn: 'Our aviator with hinged bridge and temples that folds down to pocket size. Blue mirrored lenses.',
    dNl: 'Onze aviator met scharnierende brug en poten, op te vouwen tot zakformaat. Blauwe spiegelglazen.',
    price: 14950,
    colors: ['Gold', 'Silver'],
    art: ['#aeb4bb', '#2f5d9e'],
  },
  {
    slug: 'kids-sunglasses',
    cat: 'sunglasses',
    code: 'KID',
    brand: 'Solstice',
    kind: 'sunglasses',
    en: 'Kids Flex Sunglasses',
    nl: 'Flexibele kinderzonnebril',
    dEn: 'Bendable, unbreakable frame for ages 4 to 8, with category 3 lenses for the beach.',
    dNl: 'Buigzaam, onbreekbaar montuur voor 4 tot 8 jaar, met lenzen van categorie 3 voor het strand.',
    price: 2995,
    colors: ['Blue', 'Pink'],
    art: ['#2f5d9e', '#3c4048'],
  },

  // Shoes: EU sizes
  {
    slug: 'stride-runner-pro',
    cat: 'shoes',
    code: 'RUN',
    brand: 'Stride',
    kind: 'sneaker',
    en: 'Stride Runner Pro',
    nl: 'Stride Runner Pro hardloopschoen',
    dEn: 'A cushioned daily trainer with a breathable mesh upper and a responsive foam midsole, built for 5 km to marathon.',
    dNl: 'Een gedempte trainingsschoen met ademend mesh en een responsieve schuimtussenzool, gemaakt voor 5 km tot marathon.',
    price: 12995,
    sizes: SHOE_40_45,
    colors: ['Black', 'Blue'],
    art: ['#23262b', '#e3b31c'],
  },
  {
    slug: 'leather-derby',
    cat: 'shoes',
    code: 'DRB',
    brand: 'Van Beek',
    kind: 'derby',
    en: 'Leather Derby',
    nl: 'Leren derby',
    dEn: 'Full-grain calf leather on a Goodyear-welted sole, made to be resoled. Smart enough for the office, sturdy enough for cobblestones.',
    dNl: 'Volnerf kalfsleer op een Goodyear-gestikte zool die opnieuw gezoold kan worden. Net genoeg voor kantoor, stevig genoeg voor kinderkopjes.',
    price: 15995,
    sizes: SHOE_40_45,
    colors: ['Brown', 'Black'],
    art: ['#6b4226', '#b07a4a'],
  },
  {
    slug: 'canvas-low',
    cat: 'shoes',
    code: 'CNV',
    brand: 'Kade',
    kind: 'sneaker',
    en: 'Canvas Low Sneaker',
    nl: 'Canvas lage sneaker',
    dEn: 'The easy summer sneaker in organic cotton canvas with a vulcanised rubber sole.',
    dNl: 'De makkelijke zomersneaker van biologisch katoenen canvas met een gevulkaniseerde rubberen zool.',
    price: 5995,
    sizes: SHOE_38_45,
    colors: ['White'],
    art: ['#f4f3ef', '#2f5d9e'],
  },
  {
    slug: 'court-classic',
    cat: 'shoes',
    code: 'CRT',
    brand: 'Kade',
    kind: 'sneaker',
    en: 'Court Classic Sneaker',
    nl: 'Court Classic sneaker',
    dEn: 'A clean leather tennis-style sneaker with a green heel tab. Goes with jeans, chinos and everything in between.',
    dNl: 'Een strakke leren sneaker in tennisstijl met een groen hiellipje. Staat bij jeans, chino en alles daartussen.',
    price: 8995,
    sizes: SHOE_38_45,
    colors: ['White'],
    art: ['#f4f3ef', '#3f6b4a'],
  },
  {
    slug: 'trail-runner-gtx',
    cat: 'shoes',
    code: 'TRL',
    brand: 'Stride',
    kind: 'sneaker',
    en: 'Trail Runner GTX',
    nl: 'Trail Runner GTX',
    dEn: 'Waterproof trail shoe with a grippy lugged outsole for muddy dunes and forest paths.',
    dNl: 'Waterdichte trailschoen met een grove profielzool voor modderige duinen en bospaden.',
    price: 14995,
    sizes: SHOE_40_45,
    colors: ['Green'],
    art: ['#3f6b4a', '#e07b39'],
  },
  {
    slug: 'suede-loafer',
    cat: 'shoes',
    code: 'LOF',
    brand: 'Van Beek',
    kind: 'derby',
    en: 'Suede Loafer',
    nl: 'Suède loafer',
    dEn: 'A soft, unlined suede loafer with a flexible leather sole. Slip on and go.',
    dNl: 'Een zachte, ongevoerde suède loafer met een soepele leren zool. Instappen en gaan.',
    price: 12950,
    sizes: SHOE_40_45,
    colors: ['Navy'],
    art: ['#22324f', '#b07a4a'],
  },
  {
    slug: 'city-walker',
    cat: 'shoes',
    code: 'WLK',
    brand: 'Stride',
    kind: 'sneaker',
    en: 'City Walker',
    nl: 'City Walker wandelschoen',
    dEn: 'A lightweight everyday shoe with a removable cork insole, for long days on your feet.',
    dNl: 'Een lichte schoen voor elke dag met een uitneembaar kurken voetbed, voor lange dagen op de been.',
    price: 9995,
    sizes: ['38', '39', '40', '41', '42', '43'],
    colors: ['Grey'],
    art: ['#8a8f96', '#b8352a'],
  },

  // Boots
  {
    slug: 'chelsea-boot',
    cat: 'boots',
    code: 'CHL',
    brand: 'Polder Boots',
    kind: 'boot',
    en: 'Chelsea Boot',
    nl: 'Chelsea boot',
    dEn: 'Waxed leather Chelsea boot with elastic side panels and a commando sole that shrugs off Dutch weather.',
    dNl: 'Chelsea boot van gewaxt leer met elastische zijpanelen en een profielzool die tegen het Nederlandse weer kan.',
    price: 17995,
    sizes: SHOE_40_45,
    colors: ['Tan'],
    art: ['#b07a4a', '#3a3632'],
  },
  {
    slug: 'work-boot',
    cat: 'boots',
    code: 'WRK',
    brand: 'Polder Boots',
    kind: 'laceboot',
    en: 'Heritage Work Boot',
    nl: 'Heritage werkschoen',
    dEn: 'A six-inch lace-up boot in oiled leather with a cushioned crepe sole. Breaks in beautifully.',
    dNl: 'Een hoge veterschoen van geolied leer met een verende crêpezool. Loopt prachtig in.',
    price: 19995,
    sizes: ['41', '42', '43', '44', '45'],
    colors: ['Brown'],
    art: ['#8a5a33', '#d8b77a'],
  },
  {
    slug: 'rubber-rain-boot',
    cat: 'boots',
    code: 'RNB',
    brand: 'Polder Boots',
    kind: 'wellie',
    en: 'Rubber Rain Boot',
    nl: 'Rubberen regenlaars',
    dEn: 'Natural rubber wellington with a cotton lining, made for allotments, festivals and puddles.',
    dNl: 'Regenlaars van natuurrubber met katoenen voering, gemaakt voor volkstuin, festival en plassen.',
    price: 6995,
    sizes: ['38', '39', '40', '41', '42', '43', '44'],
    colors: ['Green'],
    art: ['#3f6b4a', '#2b3a2e'],
  },
  {
    slug: 'hiking-boot',
    cat: 'boots',
    code: 'HIK',
    brand: 'Stride',
    kind: 'laceboot',
    en: 'Veluwe Hiking Boot',
    nl: 'Veluwe wandelschoen',
    dEn: 'A waterproof mid-height hiking boot with ankle support for long walks on the heath.',
    dNl: 'Een waterdichte halfhoge wandelschoen met enkelsteun voor lange tochten over de heide.',
    price: 16995,
    sizes: SHOE_40_45,
    colors: ['Grey'],
    art: ['#6f757c', '#e07b39'],
  },

  // T-shirts: S–XL
  {
    slug: 'essential-tee',
    cat: 't-shirts',
    code: 'ESS',
    brand: 'Loom',
    kind: 'tshirt',
    en: 'Essential Tee',
    nl: 'Essential T-shirt',
    dEn: 'Our best-selling crew-neck tee in heavyweight organic cotton that keeps its shape wash after wash.',
    dNl: 'Ons best verkochte T-shirt met ronde hals van zwaar biologisch katoen dat na elke wasbeurt in vorm blijft.',
    price: 2495,
    sizes: APPAREL,
    colors: ['White', 'Black'],
    art: ['#f4f3ef', '#8a8f96'],
  },
  {
    slug: 'organic-pocket-tee',
    cat: 't-shirts',
    code: 'PKT',
    brand: 'Loom',
    kind: 'tshirt',
    en: 'Organic Pocket Tee',
    nl: 'Biologisch T-shirt met borstzak',
    dEn: 'A relaxed-fit tee with a chest pocket, garment-dyed for a soft, lived-in feel.',
    dNl: 'Een ruim vallend T-shirt met borstzakje, stukgeverfd voor een zacht, gedragen gevoel.',
    price: 2995,
    sizes: APPAREL,
    colors: ['Navy'],
    art: ['#22324f', '#8aa0c0'],
  },
  {
    slug: 'breton-stripe-tee',
    cat: 't-shirts',
    code: 'BRT',
    brand: 'Grachtenkind',
    kind: 'tshirt-stripe',
    en: 'Breton Stripe Tee',
    nl: 'Breton gestreept shirt',
    dEn: 'The sailor classic: navy stripes on off-white jersey, cut a little longer in the body.',
    dNl: 'De zeemansklassieker: marineblauwe strepen op gebroken wit jersey, iets langer van snit.',
    price: 3495,
    sizes: APPAREL,
    colors: ['Navy'],
    art: ['#f4f3ef', '#22324f'],
  },
  {
    slug: 'bicycle-graphic-tee',
    cat: 't-shirts',
    code: 'BIK',
    brand: 'Grachtenkind',
    kind: 'tshirt-graphic',
    en: 'Bicycle Graphic Tee',
    nl: 'T-shirt met fietsprint',
    dEn: 'A soft cotton tee with a hand-drawn Dutch city bike, screen-printed in Amsterdam.',
    dNl: 'Een zacht katoenen T-shirt met een handgetekende omafiets, gezeefdrukt in Amsterdam.',
    price: 2995,
    sizes: APPAREL,
    colors: ['White'],
    art: ['#f4f3ef', '#b8352a'],
  },
  {
    slug: 'long-sleeve-tee',
    cat: 't-shirts',
    code: 'LSV',
    brand: 'Loom',
    kind: 'longsleeve',
    en: 'Long Sleeve Tee',
    nl: 'T-shirt met lange mouwen',
    dEn: 'A midweight long-sleeve tee with ribbed cuffs, perfect for layering in spring and autumn.',
    dNl: 'Een middelzwaar shirt met lange mouwen en geribde boorden, ideaal om te combineren in voorjaar en herfst.',
    price: 3495,
    sizes: APPAREL,
    colors: ['Grey'],
    art: ['#8a8f96', '#5b6470'],
  },
  {
    slug: 'v-neck-tee',
    cat: 't-shirts',
    code: 'VNK',
    brand: 'Loom',
    kind: 'tshirt',
    en: 'V-neck Tee',
    nl: 'T-shirt met V-hals',
    dEn: 'A lightweight V-neck in slub cotton with a slightly textured look.',
    dNl: 'Een licht T-shirt met V-hals van slub-katoen met een subtiel gestructureerde look.',
    price: 2495,
    sizes: APPAREL,
    colors: ['Olive'],
    art: ['#6b6b3a', '#a3a36a'],
  },
  {
    slug: 'dry-fit-running-tee',
    cat: 't-shirts',
    code: 'RTE',
    brand: 'Stride',
    kind: 'tshirt',
    en: 'Dry-Fit Running Tee',
    nl: 'Dry-Fit hardloopshirt',
    dEn: 'A quick-drying running shirt with flat seams and reflective details for dark evening runs.',
    dNl: 'Een sneldrogend hardloopshirt met platte naden en reflecterende details voor donkere avondrondjes.',
    price: 3995,
    sizes: APPAREL,
    colors: ['Blue'],
    art: ['#2f5d9e', '#e3b31c'],
  },

  // Jackets: S–XL
  {
    slug: 'storm-rain-jacket',
    cat: 'jackets',
    code: 'RAI',
    brand: 'Noordwind',
    kind: 'jacket',
    en: 'Storm Rain Jacket',
    nl: 'Storm regenjas',
    dEn: 'A fully taped, breathable rain jacket with a peaked hood that stays on in a headwind on the bike.',
    dNl: 'Een volledig getapete, ademende regenjas met een capuchon met klep die blijft zitten bij tegenwind op de fiets.',
    price: 8995,
    sizes: APPAREL,
    colors: ['Yellow', 'Navy'],
    art: ['#e3b31c', '#22324f'],
  },
  {
    slug: 'puffer-jacket',
    cat: 'jackets',
    code: 'PUF',
    brand: 'Noordwind',
    kind: 'puffer',
    en: 'Recycled Puffer Jacket',
    nl: 'Gerecyclede pufferjas',
    dEn: 'Warm without the bulk: recycled synthetic insulation in a water-repellent shell.',
    dNl: 'Warm zonder lomp te zijn: gerecyclede synthetische vulling in een waterafstotende buitenstof.',
    price: 14995,
    sizes: APPAREL,
    colors: ['Black'],
    art: ['#23262b', '#5b6470'],
  },
  {
    slug: 'denim-jacket',
    cat: 'jackets',
    code: 'DEN',
    brand: 'Kade',
    kind: 'jacket',
    en: 'Denim Jacket',
    nl: 'Spijkerjack',
    dEn: 'A classic trucker jacket in rigid 13 oz denim that fades with you.',
    dNl: 'Een klassiek truckerjack van stevig 13 oz denim dat met je mee verkleurt.',
    price: 8995,
    sizes: APPAREL,
    colors: ['Blue'],
    art: ['#3d5f8f', '#c9a24a'],
  },
  {
    slug: 'field-jacket',
    cat: 'jackets',
    code: 'FLD',
    brand: 'Noordwind',
    kind: 'jacket',
    en: 'Waxed Field Jacket',
    nl: 'Gewaxte veldjas',
    dEn: 'Waxed cotton with four bellow pockets and a corduroy collar, re-waxable for decades of wear.',
    dNl: 'Gewaxt katoen met vier blaasbalgzakken en een corduroy kraag, opnieuw te waxen voor tientallen jaren draagplezier.',
    price: 12950,
    sizes: APPAREL,
    colors: ['Olive'],
    art: ['#6b6b3a', '#6b4226'],
  },
  {
    slug: 'wool-overcoat',
    cat: 'jackets',
    code: 'WOL',
    brand: 'Atelier Amstel',
    kind: 'coat',
    en: 'Wool Overcoat',
    nl: 'Wollen overjas',
    dEn: 'A single-breasted overcoat in Italian wool-cashmere, fully lined, cut to wear over a blazer.',
    dNl: 'Een overjas met enkele rij knopen van Italiaanse wol-kasjmier, volledig gevoerd, ruim genoeg voor over een colbert.',
    price: 24900,
    sizes: APPAREL,
    colors: ['Camel'],
    art: ['#b98b5a', '#5a3d24'],
  },
  {
    slug: 'packable-windbreaker',
    cat: 'jackets',
    code: 'WND',
    brand: 'Stride',
    kind: 'jacket',
    en: 'Packable Windbreaker',
    nl: 'Opvouwbare windjack',
    dEn: 'An ultralight windbreaker that packs into its own chest pocket.',
    dNl: 'Een ultralichte windjack die in zijn eigen borstzak past.',
    price: 6995,
    sizes: APPAREL,
    colors: ['Red'],
    art: ['#b8352a', '#f4f3ef'],
  },

  // Bags: one size
  {
    slug: 'canvas-tote',
    cat: 'bags',
    code: 'TOT',
    brand: 'Leer & Linnen',
    kind: 'tote',
    en: 'Canvas Tote',
    nl: 'Canvas shopper',
    dEn: 'A sturdy cotton canvas tote with leather handles and an inside pocket, big enough for a laptop and groceries.',
    dNl: 'Een stevige canvas shopper met leren hengsels en een binnenvak, groot genoeg voor laptop en boodschappen.',
    price: 2995,
    colors: ['Natural', 'Black'],
    art: ['#e6dac2', '#b07a4a'],
  },
  {
    slug: 'city-backpack',
    cat: 'bags',
    code: 'BPK',
    brand: 'Kanaal Bags',
    kind: 'backpack',
    en: 'City Backpack',
    nl: 'City rugzak',
    dEn: 'A 20-litre water-resistant backpack with a padded 15-inch laptop sleeve and a hidden back pocket.',
    dNl: 'Een waterafstotende rugzak van 20 liter met gevoerd laptopvak voor 15 inch en een verborgen rugvak.',
    price: 7995,
    colors: ['Black', 'Grey'],
    art: ['#3a3f46', '#c9a24a'],
  },
  {
    slug: 'leather-crossbody',
    cat: 'bags',
    code: 'XBD',
    brand: 'Leer & Linnen',
    kind: 'crossbody',
    en: 'Leather Crossbody Bag',
    nl: 'Leren schoudertas',
    dEn: 'A compact vegetable-tanned leather crossbody with an adjustable strap and magnetic flap.',
    dNl: 'Een compacte schoudertas van plantaardig gelooid leer met verstelbare band en magnetische klep.',
    price: 11995,
    colors: ['Tan', 'Black'],
    art: ['#b07a4a', '#c9a24a'],
  },
  {
    slug: 'bike-pannier',
    cat: 'bags',
    code: 'PAN',
    brand: 'Kanaal Bags',
    kind: 'backpack',
    en: 'Bike Pannier Bag',
    nl: 'Fietstas',
    dEn: 'A waterproof single pannier that clicks onto any carrier and doubles as a shoulder bag.',
    dNl: 'Een waterdichte enkele fietstas die op elke bagagedrager klikt en ook als schoudertas dient.',
    price: 8995,
    colors: ['Black'],
    art: ['#2b2f35', '#e3b31c'],
  },
  {
    slug: 'leather-weekender',
    cat: 'bags',
    code: 'WKD',
    brand: 'Leer & Linnen',
    kind: 'duffel',
    en: 'Leather Weekender',
    nl: 'Leren weekendtas',
    dEn: 'A roomy weekend bag in waxed canvas and leather, cabin-size for city trips.',
    dNl: 'Een ruime weekendtas van gewaxt canvas en leer, met handbagagematen voor stedentrips.',
    price: 17995,
    colors: ['Brown'],
    art: ['#6b4226', '#c19a6b'],
  },
  {
    slug: 'roll-top-backpack',
    cat: 'bags',
    code: 'RTP',
    brand: 'Kanaal Bags',
    kind: 'backpack',
    en: 'Roll-Top Backpack',
    nl: 'Rolltop rugzak',
    dEn: 'A fully waterproof roll-top backpack that expands from 18 to 24 litres.',
    dNl: 'Een volledig waterdichte rolltop rugzak die meegroeit van 18 tot 24 liter.',
    price: 9995,
    colors: ['Yellow', 'Navy'],
    art: ['#e3b31c', '#22324f'],
  },
  {
    slug: 'leather-wallet',
    cat: 'bags',
    code: 'WLT',
    brand: 'Leer & Linnen',
    kind: 'wallet',
    en: 'Leather Wallet',
    nl: 'Leren portemonnee',
    dEn: 'A slim bifold wallet with six card slots and a coin pocket, in full-grain leather.',
    dNl: 'Een slanke portemonnee met zes pasjesvakken en een muntvak, van volnerf leer.',
    price: 4995,
    colors: ['Brown', 'Black'],
    art: ['#6b4226', '#c9a24a'],
  },

  // Hats & caps
  {
    slug: 'baseball-cap',
    cat: 'hats',
    code: 'CAP',
    brand: 'Kade',
    kind: 'cap',
    en: 'Baseball Cap',
    nl: 'Baseballpet',
    dEn: 'A six-panel cotton twill cap with an adjustable brass buckle.',
    dNl: 'Een pet van katoenen keperstof met zes panelen en een verstelbare koperen gesp.',
    price: 2495,
    colors: ['Navy', 'Black', 'Beige'],
    art: ['#22324f', '#e3b31c'],
  },
  {
    slug: 'wool-beanie',
    cat: 'hats',
    code: 'BNE',
    brand: 'Noordwind',
    kind: 'beanie',
    en: 'Merino Beanie',
    nl: 'Merino muts',
    dEn: 'A rib-knit beanie in soft merino wool with a pompom, warm and never itchy.',
    dNl: 'Een geribde muts van zachte merinowol met pompon, warm en nooit kriebelig.',
    price: 1995,
    colors: ['Grey', 'Mustard'],
    art: ['#8a8f96', '#e3b31c'],
  },
  {
    slug: 'bucket-hat',
    cat: 'hats',
    code: 'BKT',
    brand: 'Kade',
    kind: 'bucket',
    en: 'Bucket Hat',
    nl: 'Bucket hat',
    dEn: 'A washed cotton bucket hat that folds into a pocket, for sunny days and drizzle alike.',
    dNl: 'Een bucket hat van gewassen katoen die in je zak past, voor zon en motregen.',
    price: 2995,
    colors: ['Beige', 'Olive'],
    art: ['#d6c2a0', '#6b6b3a'],
  },
  {
    slug: 'running-cap',
    cat: 'hats',
    code: 'RCP',
    brand: 'Stride',
    kind: 'cap',
    en: 'Running Cap',
    nl: 'Hardlooppet',
    dEn: 'A featherlight cap with a sweat band and perforated panels.',
    dNl: 'Een vederlichte pet met zweetband en geperforeerde panelen.',
    price: 2495,
    colors: ['White', 'Black'],
    art: ['#f4f3ef', '#2f5d9e'],
  },
  {
    slug: 'chunky-knit-beanie',
    cat: 'hats',
    code: 'CHK',
    brand: 'Noordwind',
    kind: 'beanie',
    en: 'Chunky Knit Beanie',
    nl: 'Grofgebreide muts',
    dEn: 'A hand-knitted chunky beanie in undyed wool from Texel sheep.',
    dNl: 'Een handgebreide grove muts van ongeverfde wol van Texelse schapen.',
    price: 2995,
    colors: ['Cream'],
    art: ['#efe6d2', '#b07a4a'],
  },
  {
    slug: 'straw-sun-hat',
    cat: 'hats',
    code: 'STR',
    brand: 'Kade',
    kind: 'bucket',
    en: 'Straw Sun Hat',
    nl: 'Strohoed',
    dEn: 'A wide-brimmed woven paper-straw hat with a cotton band. UPF 50.',
    dNl: 'Een gevlochten strohoed met brede rand en katoenen band. UPF 50.',
    price: 3995,
    sizes: ['S/M', 'L/XL'],
    colors: ['Natural'],
    art: ['#d9c28f', '#22324f'],
  },

  // Socks
  {
    slug: 'everyday-socks-3-pack',
    cat: 'socks',
    code: 'EVD',
    brand: 'Loom',
    kind: 'socks',
    en: 'Everyday Socks 3-pack',
    nl: 'Everyday sokken 3-pack',
    dEn: 'Three pairs of combed cotton socks with a reinforced heel and toe.',
    dNl: 'Drie paar sokken van gekamd katoen met versterkte hiel en teen.',
    price: 1495,
    sizes: SOCKS,
    colors: ['Black', 'White'],
    art: ['#3a3f46', '#8a8f96'],
  },
  {
    slug: 'running-socks',
    cat: 'socks',
    code: 'RUN',
    brand: 'Stride',
    kind: 'socks',
    en: 'Cushioned Running Socks',
    nl: 'Gedempte hardloopsokken',
    dEn: 'Anatomic left and right running socks with cushioning where you land.',
    dNl: 'Anatomische linker- en rechterhardloopsokken met demping waar je landt.',
    price: 1295,
    sizes: SOCKS,
    colors: ['Black'],
    art: ['#2b2f35', '#e3b31c'],
  },
  {
    slug: 'wool-hiking-socks',
    cat: 'socks',
    code: 'HIK',
    brand: 'Polder Boots',
    kind: 'socks',
    en: 'Wool Hiking Socks',
    nl: 'Wollen wandelsokken',
    dEn: 'Merino-blend hiking socks that stay warm when wet and fresh after a long day.',
    dNl: 'Wandelsokken van merinomix die warm blijven als ze nat zijn en fris na een lange dag.',
    price: 1995,
    sizes: SOCKS,
    colors: ['Grey'],
    art: ['#8a8f96', '#b8352a'],
  },
  {
    slug: 'tulip-stripe-socks',
    cat: 'socks',
    code: 'STP',
    brand: 'Grachtenkind',
    kind: 'socks',
    en: 'Tulip Stripe Socks',
    nl: 'Tulpenstreep sokken',
    dEn: 'Cheerful striped socks in the colours of a Dutch tulip field.',
    dNl: 'Vrolijke gestreepte sokken in de kleuren van een Hollands tulpenveld.',
    price: 995,
    sizes: SOCKS,
    colors: ['Red'],
    art: ['#b8352a', '#e3b31c'],
  },
  {
    slug: 'ankle-socks',
    cat: 'socks',
    code: 'ANK',
    brand: 'Loom',
    kind: 'socks',
    en: 'Ankle Socks 3-pack',
    nl: 'Enkelsokken 3-pack',
    dEn: 'Low-cut cotton socks that stay invisible in sneakers.',
    dNl: 'Lage katoenen sokjes die onzichtbaar blijven in sneakers.',
    price: 1295,
    sizes: SOCKS,
    colors: ['White'],
    art: ['#f4f3ef', '#2f5d9e'],
  },

  // Watches: one size
  {
    slug: 'minimalist-watch',
    cat: 'watches',
    code: 'MIN',
    brand: 'Tijdloos',
    kind: 'watch',
    en: 'Minimalist Watch 38 mm',
    nl: 'Minimalistisch horloge 38 mm',
    dEn: 'A clean dial, a slim steel case and an Italian leather strap. Quartz, water-resistant to 50 m.',
    dNl: 'Een rustige wijzerplaat, een slanke stalen kast en een Italiaanse leren band. Quartz, waterdicht tot 50 m.',
    price: 14900,
    colors: ['Black', 'Silver'],
    art: ['#23262b', '#c9a24a'],
  },
  {
    slug: 'chronograph',
    cat: 'watches',
    code: 'CHR',
    brand: 'Meridian',
    kind: 'watch',
    en: 'Meridian Chronograph',
    nl: 'Meridian chronograaf',
    dEn: 'A 42 mm steel chronograph with a sapphire crystal and a tachymeter bezel.',
    dNl: 'Een stalen chronograaf van 42 mm met saffierglas en tachymeterrand.',
    price: 24900,
    colors: ['Steel'],
    art: ['#8d99a6', '#22324f'],
  },
  {
    slug: 'field-watch',
    cat: 'watches',
    code: 'FLD',
    brand: 'Meridian',
    kind: 'watch',
    en: 'Field Watch',
    nl: 'Veldhorloge',
    dEn: 'A legible 38 mm field watch with luminous hands on a canvas strap.',
    dNl: 'Een goed afleesbaar veldhorloge van 38 mm met lichtgevende wijzers aan een canvas band.',
    price: 12950,
    colors: ['Olive'],
    art: ['#6b6b3a', '#e3b31c'],
  },
  {
    slug: 'diver-watch',
    cat: 'watches',
    code: 'DIV',
    brand: 'Meridian',
    kind: 'watch',
    en: 'Automatic Diver',
    nl: 'Automatisch duikhorloge',
    dEn: 'An automatic 200 m diver with a unidirectional ceramic bezel.',
    dNl: 'Een automatisch duikhorloge tot 200 m met een eenzijdig draaibare keramische rand.',
    price: 19900,
    colors: ['Blue', 'Black'],
    art: ['#2f5d9e', '#e3b31c'],
  },
  {
    slug: 'mesh-strap-watch',
    cat: 'watches',
    code: 'MSH',
    brand: 'Tijdloos',
    kind: 'watch',
    en: 'Mesh Strap Watch',
    nl: 'Horloge met mesh band',
    dEn: 'A 36 mm dress watch on a fine Milanese mesh strap that adjusts without tools.',
    dNl: 'Een klassiek horloge van 36 mm aan een fijne Milanese mesh band die zonder gereedschap verstelbaar is.',
    price: 16900,
    colors: ['Gold', 'Silver'],
    art: ['#c9a24a', '#f4f1ea'],
  },

  // Books & magazines: reduced VAT (9%)
  {
    slug: 'dutch-design-now',
    cat: 'books',
    code: 'DDB',
    brand: 'Uitgeverij Kade',
    kind: 'book',
    tax: 'reduced',
    en: 'Dutch Design Now',
    nl: 'Dutch Design Nu',
    dEn: 'A richly illustrated tour of forty Dutch designers, from furniture to fashion. Hardcover, 240 pages.',
    dNl: 'Een rijk geïllustreerde rondgang langs veertig Nederlandse ontwerpers, van meubels tot mode. Gebonden, 240 pagina\u2019s.',
    price: 3495,
    art: ['#e8553d', '#f4f3ef'],
  },
  {
    slug: 'sneaker-culture',
    cat: 'books',
    code: 'SNK',
    brand: 'Uitgeverij Kade',
    kind: 'book',
    tax: 'reduced',
    en: 'Sneaker Culture',
    nl: 'Sneakercultuur',
    dEn: 'The story of the sneaker from basketball court to catwalk, told through 300 iconic pairs.',
    dNl: 'Het verhaal van de sneaker van basketbalveld tot catwalk, verteld aan de hand van 300 iconische paren.',
    price: 2995,
    art: ['#22324f', '#e3b31c'],
  },
  {
    slug: 'cycling-the-netherlands',
    cat: 'books',
    code: 'CYC',
    brand: 'Uitgeverij Kade',
    kind: 'book',
    tax: 'reduced',
    en: 'Cycling the Netherlands',
    nl: 'Fietsen door Nederland',
    dEn: 'Thirty day routes along dykes, dunes and canals, with maps and the best café stops.',
    dNl: 'Dertig dagroutes langs dijken, duinen en grachten, met kaarten en de beste koffiestops.',
    price: 2495,
    art: ['#3f6b4a', '#e3b31c'],
  },
  {
    slug: 'amsterdam-streets',
    cat: 'books',
    code: 'AMS',
    brand: 'Uitgeverij Kade',
    kind: 'book',
    tax: 'reduced',
    en: 'Amsterdam Street Style',
    nl: 'Amsterdamse straatstijl',
    dEn: 'A photo book of a decade of street style on the bridges and canals of Amsterdam.',
    dNl: 'Een fotoboek met tien jaar straatstijl op de bruggen en grachten van Amsterdam.',
    price: 3995,
    art: ['#23262b', '#e3a0b2'],
  },
  {
    slug: 'stijl-magazine',
    cat: 'books',
    code: 'MAG',
    brand: 'Stijl Magazine',
    kind: 'magazine',
    tax: 'reduced',
    en: 'Stijl Magazine, spring issue',
    nl: 'Stijl Magazine, lentenummer',
    dEn: 'The quarterly Dutch magazine on fashion, design and city life. This issue: the new rain gear.',
    dNl: 'Het Nederlandse kwartaalblad over mode, design en stadsleven. Dit nummer: de nieuwe regenkleding.',
    price: 895,
    art: ['#b8352a', '#2f5d9e'],
  },
];

function skuPart(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function buildProducts(defs: ProductDef[]): ProductSeed[] {
  let itemNumber = 10001;
  return defs.map((d) => {
    const category = CATEGORIES.find((c) => c.slug === d.cat);
    if (!category) throw new Error(`unknown category ${d.cat} for ${d.slug}`);
    const colors: (ColorName | null)[] = d.colors ?? [null];
    const sizes: (string | null)[] = d.sizes ?? [null];
    const variants: VariantSeed[] = [];
    for (const color of colors) {
      for (const size of sizes) {
        const sku = [category.skuPrefix, d.code, size && skuPart(size), color && COLORS[color].code]
          .filter(Boolean)
          .join('-');
        const ean = ean13(EAN_COMPANY_PREFIX + String(itemNumber++).padStart(5, '0'));
        variants.push({ sku, ean, size, color, priceCents: d.price });
      }
    }
    return {
      slug: d.slug,
      category: d.cat,
      brand: d.brand,
      nameEn: d.en,
      nameNl: d.nl,
      descriptionEn: d.dEn,
      descriptionNl: d.dNl,
      taxClass: d.tax ?? 'standard',
      imagePath: `/products/${d.slug}.svg`,
      imageKind: d.kind,
      imageColors: d.art ?? (d.colors ?? []).map((c) => COLORS[c].hex),
      variants,
    };
  });
}

export const PRODUCTS: ProductSeed[] = buildProducts(DEFS);
export const VARIANTS: (VariantSeed & { productSlug: string })[] = PRODUCTS.flatMap((p) =>
  p.variants.map((v) => ({ ...v, productSlug: p.slug })),
);

/** The illustration spec of a product (see db/product-images.ts). */
export function productImageSpec(product: ProductSeed): ProductImageSpec {
  return { slug: product.slug, brand: product.brand, kind: product.imageKind, colors: product.imageColors };
}

/** Human label of a variant as printed on order lines and receipts, e.g. "42 · Black" ('' for a book). */
export function variantLabel(variant: Pick<VariantSeed, 'size' | 'color'>): string {
  return [variant.size, variant.color].filter(Boolean).join(' · ');
}

// ---------------------------------------------------------------------------------------------------
// Stock

/**
 * The one variant with exactly ONE unit in Utrecht (and none reserved): the Minimalist Watch in black.
 * Tests use it for "the clerk sells the last unit and the webshop shows it sold out there" (S5).
 * Amsterdam and Rotterdam have none of it, the warehouse has 9.
 */
export const LAST_UNIT_SKU = 'WAT-MIN-BLK';

/** Variants with a role in the stories, so specs do not hard-code SKUs of their own. */
export const STORY_SKUS = {
  /** S1: the promoted sunglasses, in stock everywhere (3 left in Utrecht). */
  promoSunglasses: 'SUN-AVI-GLD',
  /** S2: the running shoe bought online in 42 and exchanged for 43, which every store has. */
  runningShoe: 'SHO-RUN-42-BLK',
  runningShoeNextSize: 'SHO-RUN-43-BLK',
  /** S5: exactly one unit in Utrecht. */
  lastUnitUtrecht: LAST_UNIT_SKU,
  /** S7: none in Amsterdam or Rotterdam, 2 in Utrecht, 14 in the warehouse (endless aisle). */
  endlessAisle: 'SHO-DRB-44-BRN',
  /** Only the warehouse has it: web delivery or a transfer to a store (S4). */
  warehouseOnly: 'JAC-WOL-XL-CML',
} as const;

export interface StockSeed {
  sku: string;
  location: LocationCode;
  onHand: number;
}

/** Small deterministic PRNG (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type StockRow = Record<LocationCode, number>;

/** Fixed levels for the story variants; everything else comes from the PRNG below. */
const STOCK_OVERRIDES: Record<string, Partial<StockRow>> = {
  'SUN-AVI-GLD': { WH: 40, AMS: 6, UTR: 3, RTM: 4 },
  [LAST_UNIT_SKU]: { WH: 9, AMS: 0, UTR: 1, RTM: 0 },
  'SHO-DRB-44-BRN': { WH: 14, AMS: 0, UTR: 2, RTM: 0 },
  'JAC-WOL-XL-CML': { WH: 6, AMS: 0, UTR: 0, RTM: 0 },
  'WAT-CHR-STL': { WH: 7, AMS: 0, UTR: 0, RTM: 0 },
  'SHO-LOF-45-NVY': { WH: 5, AMS: 0, UTR: 0, RTM: 0 },
};

/** Stores' maximum per variant: Amsterdam is the flagship, Rotterdam the smallest. */
const STORE_DEPTH: Record<StoreCode, number> = { AMS: 7, UTR: 5, RTM: 4 };

function stockFor(variant: (typeof VARIANTS)[number]): StockRow {
  const random = mulberry32(hashString(variant.sku));
  const isBook = variant.sku.startsWith('BOK-');
  const row: StockRow = { WH: (isBook ? 15 : 8) + Math.floor(random() * 30), AMS: 0, UTR: 0, RTM: 0 };
  const warehouseOnly = random() < 0.04;
  for (const store of ['AMS', 'UTR', 'RTM'] as const) {
    const empty = warehouseOnly || random() < 0.18;
    const units = 1 + Math.floor(random() * STORE_DEPTH[store]);
    row[store] = empty ? 0 : units;
  }
  // The running shoe of S2 must be exchangeable in every store, in every size.
  if (/^SHO-RUN-4[0-5]-BLK$/.test(variant.sku)) {
    for (const store of ['AMS', 'UTR', 'RTM'] as const) row[store] = Math.max(row[store], 2);
  }
  // Keep exactly one "last unit in Utrecht" variant: nudge accidental 1s up to 2.
  if (row.UTR === 1) row.UTR = 2;
  return { ...row, ...STOCK_OVERRIDES[variant.sku] };
}

/** Opening stock of every variant at every location (zeros included: "none in this store"). */
export const STOCK: StockSeed[] = VARIANTS.flatMap((variant) => {
  const row = stockFor(variant);
  return (['WH', 'AMS', 'UTR', 'RTM'] as const).map((location) => ({
    sku: variant.sku,
    location,
    onHand: row[location],
  }));
});

// ---------------------------------------------------------------------------------------------------
// People

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = 'omnishop';

export interface StaffSeed {
  email: string;
  name: string;
  role: 'admin' | 'clerk';
  store: StoreCode | null;
  locale: 'nl' | 'en';
}

export const STAFF: StaffSeed[] = [
  { email: 'admin@omnishop.test', name: 'Sanne de Vries', role: 'admin', store: null, locale: 'nl' },
  { email: 'clerk.amsterdam@omnishop.test', name: 'Daan Jansen', role: 'clerk', store: 'AMS', locale: 'nl' },
  { email: 'clerk.utrecht@omnishop.test', name: 'Lotte Bakker', role: 'clerk', store: 'UTR', locale: 'nl' },
  { email: 'clerk.rotterdam@omnishop.test', name: 'Milan Visser', role: 'clerk', store: 'RTM', locale: 'en' },
];

export interface CustomerSeed {
  key: string;
  name: string;
  email: string;
  phone: string;
  loyaltyCardNumber: string;
  preferredStore: StoreCode;
  notifyByEmail: boolean;
  notifyBySms: boolean;
  marketingOptIn: boolean;
  /** Whether the customer has an account (signs in with DEMO_PASSWORD); false = profile made at the counter. */
  account: boolean;
  locale: 'nl' | 'en';
  address: { street: string; postcode: string; city: string; country: string };
}

/** Loyalty cards carry an in-store EAN-13 (prefix 2: restricted circulation, never a product barcode). */
const loyaltyCard = (n: number) => ean13('2700000' + String(n).padStart(5, '0'));

export const CUSTOMERS: CustomerSeed[] = [
  {
    key: 'anna',
    name: 'Anna de Jong',
    email: 'anna@example.com',
    phone: '+31612345678',
    loyaltyCardNumber: loyaltyCard(1),
    preferredStore: 'UTR',
    notifyByEmail: true,
    notifyBySms: true,
    marketingOptIn: true,
    account: true,
    locale: 'nl',
    address: { street: 'Biltstraat 45', postcode: '3572 AJ', city: 'Utrecht', country: 'NL' },
  },
  {
    key: 'ben',
    name: 'Ben Smit',
    email: 'ben@example.com',
    phone: '+31623456789',
    loyaltyCardNumber: loyaltyCard(2),
    preferredStore: 'AMS',
    notifyByEmail: true,
    notifyBySms: false,
    marketingOptIn: false,
    account: true,
    locale: 'en',
    address: { street: 'Overtoom 210', postcode: '1054 HW', city: 'Amsterdam', country: 'NL' },
  },
  {
    key: 'chloe',
    name: 'Chloé Peeters',
    email: 'chloe@example.com',
    phone: '+31634567890',
    loyaltyCardNumber: loyaltyCard(3),
    preferredStore: 'RTM',
    notifyByEmail: false,
    notifyBySms: true,
    marketingOptIn: true,
    account: true,
    locale: 'nl',
    address: { street: 'Nieuwe Binnenweg 120', postcode: '3015 BH', city: 'Rotterdam', country: 'NL' },
  },
  {
    // Signed up at the Rotterdam counter for a loyalty card; no web account (yet).
    key: 'dirk',
    name: 'Dirk Mulder',
    email: 'dirk.mulder@example.com',
    phone: '+31687654321',
    loyaltyCardNumber: loyaltyCard(4),
    preferredStore: 'RTM',
    notifyByEmail: true,
    notifyBySms: false,
    marketingOptIn: false,
    account: false,
    locale: 'nl',
    address: { street: 'Witte de Withstraat 30', postcode: '3012 BR', city: 'Rotterdam', country: 'NL' },
  },
];

export interface DemoLogin {
  role: 'admin' | 'clerk' | 'customer';
  email: string;
  password: string;
  store?: string;
}

const STORE_NAMES: Record<StoreCode, string> = { AMS: 'Amsterdam', UTR: 'Utrecht', RTM: 'Rotterdam' };

export const DEMO_LOGINS: DemoLogin[] = [
  ...STAFF.map((s) => ({
    role: s.role,
    email: s.email,
    password: DEMO_PASSWORD,
    ...(s.store ? { store: STORE_NAMES[s.store] } : {}),
  })),
  ...CUSTOMERS.filter((c) => c.account).map((c) => ({
    role: 'customer' as const,
    email: c.email,
    password: DEMO_PASSWORD,
  })),
];

// ---------------------------------------------------------------------------------------------------
// Order history (before the opening stock was counted: these orders do not move stock)

export interface OrderSeed {
  /** Idempotency key of the order: 'seed:<customer>:<n>'. */
  key: string;
  customer: string;
  channel: 'web' | 'store';
  fulfilment: 'delivery' | 'pickup' | 'in_store';
  /** Final status; the seed writes an order event for every step on the way. */
  status: 'delivered' | 'collected' | 'completed';
  /** Pickup store or counter store; omitted for delivery (ships from the warehouse). */
  store?: StoreCode;
  daysAgo: number;
  /** Local hour of day the order was placed. */
  hour: number;
  lines: { sku: string; quantity: number }[];
  payment: 'test_provider' | 'cash' | 'card_terminal';
}

/**
 * Anna shops in both channels (omnichannel), Ben only online (web-only, incl. a click & collect),
 * Chloé only at the Rotterdam counter (store-only), Dirk (no account) once at the counter.
 */
export const ORDER_HISTORY: OrderSeed[] = [
  {
    key: 'seed:anna:1',
    customer: 'anna',
    channel: 'web',
    fulfilment: 'delivery',
    status: 'delivered',
    daysAgo: 42,
    hour: 21,
    payment: 'test_provider',
    lines: [
      { sku: 'TSH-ESS-M-WHT', quantity: 2 },
      { sku: 'SOC-EVD-3640-BLK', quantity: 1 },
    ],
  },
  {
    key: 'seed:anna:2',
    customer: 'anna',
    channel: 'web',
    fulfilment: 'pickup',
    status: 'collected',
    store: 'UTR',
    daysAgo: 18,
    hour: 8,
    payment: 'test_provider',
    lines: [{ sku: 'SUN-WAY-TRT', quantity: 1 }],
  },
  {
    key: 'seed:anna:3',
    customer: 'anna',
    channel: 'store',
    fulfilment: 'in_store',
    status: 'completed',
    store: 'UTR',
    daysAgo: 6,
    hour: 16,
    payment: 'card_terminal',
    lines: [
      { sku: 'JAC-RAI-M-YLW', quantity: 1 },
      { sku: 'BOK-CYC', quantity: 1 },
    ],
  },
  {
    key: 'seed:ben:1',
    customer: 'ben',
    channel: 'web',
    fulfilment: 'delivery',
    status: 'delivered',
    daysAgo: 60,
    hour: 13,
    payment: 'test_provider',
    lines: [
      { sku: 'SHO-CNV-43-WHT', quantity: 1 },
      { sku: 'SOC-RUN-4146-BLK', quantity: 2 },
    ],
  },
  {
    key: 'seed:ben:2',
    customer: 'ben',
    channel: 'web',
    fulfilment: 'delivery',
    status: 'delivered',
    daysAgo: 25,
    hour: 22,
    payment: 'test_provider',
    lines: [{ sku: 'HAT-BNE-GRY', quantity: 1 }],
  },
  {
    key: 'seed:ben:3',
    customer: 'ben',
    channel: 'web',
    fulfilment: 'pickup',
    status: 'collected',
    store: 'AMS',
    daysAgo: 9,
    hour: 12,
    payment: 'test_provider',
    lines: [{ sku: 'BAG-BPK-BLK', quantity: 1 }],
  },
  {
    key: 'seed:chloe:1',
    customer: 'chloe',
    channel: 'store',
    fulfilment: 'in_store',
    status: 'completed',
    store: 'RTM',
    daysAgo: 33,
    hour: 15,
    payment: 'cash',
    lines: [
      { sku: 'TSH-BRT-S-NVY', quantity: 1 },
      { sku: 'BOK-MAG', quantity: 1 },
    ],
  },
  {
    key: 'seed:chloe:2',
    customer: 'chloe',
    channel: 'store',
    fulfilment: 'in_store',
    status: 'completed',
    store: 'RTM',
    daysAgo: 12,
    hour: 14,
    payment: 'card_terminal',
    lines: [{ sku: 'SUN-CAT-TRT', quantity: 1 }],
  },
  {
    key: 'seed:dirk:1',
    customer: 'dirk',
    channel: 'store',
    fulfilment: 'in_store',
    status: 'completed',
    store: 'RTM',
    daysAgo: 3,
    hour: 17,
    payment: 'cash',
    lines: [{ sku: 'WAT-FLD-OLV', quantity: 1 }],
  },
];
