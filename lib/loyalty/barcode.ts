import { toSVG } from 'bwip-js/node';
import { isValidEan13 } from '@/lib/catalog/ean';

/**
 * The card number as an EAN-13 barcode, an SVG string rendered on the server (bwip-js, no canvas,
 * no client script), with the digits printed below so a clerk can type them too. Only a valid EAN-13
 * is rendered: the SVG goes into the page as markup.
 */
export function cardBarcodeSvg(cardNumber: string): string {
  if (!isValidEan13(cardNumber)) throw new Error('not an EAN-13 card number');
  return toSVG({
    bcid: 'ean13',
    text: cardNumber,
    includetext: true,
    textxalign: 'center',
    scale: 2,
    height: 18,
  });
}
