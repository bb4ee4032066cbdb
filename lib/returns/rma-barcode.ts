import { toBuffer, toSVG } from 'bwip-js/node';

// The RMA number as a Code 128 barcode: what a counter's scanner reads (it types the text, which
// findOrderForReturn accepts) and what the warehouse scans on the parcel. Only an RMA-shaped text is
// rendered, so nothing else ever goes into the page's markup.
const RMA_RE = /^R-\d{4,12}$/;

function options(number: string) {
  if (!RMA_RE.test(number)) throw new Error('not an RMA number');
  return { bcid: 'code128', text: number, includetext: true, textxalign: 'center', scale: 3, height: 14 } as const;
}

/** SVG for the label page (server-rendered, no client script). */
export function rmaBarcodeSvg(number: string): string {
  return toSVG(options(number));
}

/** PNG for the label PDF. */
export function rmaBarcodePng(number: string): Promise<Buffer> {
  return toBuffer(options(number));
}
