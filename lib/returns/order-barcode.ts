import { toSVG } from 'bwip-js/node';

// The order number as a Code 128 barcode, on the counter receipt and the shop's order page: a counter's
// scanner types the text + Enter into the Returns search, which finds the order (findOrderForReturn).
// Only an order-number-shaped text is rendered, so nothing else ever goes into the page's markup.
const ORDER_NUMBER_RE = /^[WS]-\d{3,12}$/;

/** SVG (server-rendered, no client script) of an order number such as "W-100234". */
export function orderBarcodeSvg(number: string): string {
  if (!ORDER_NUMBER_RE.test(number)) throw new Error('not an order number');
  return toSVG({ bcid: 'code128', text: number, includetext: true, textxalign: 'center', scale: 2, height: 12 });
}
