/**
 * The QR the cart page shows is read back by the same decoder the counter's camera uses (@zxing/library,
 * under @zxing/browser): generated with `qrcode`, rasterised to pixels, decoded in Node.
 */
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { generateHandoffCode, handoffQrText, normalizeHandoffInput } from './code';
import { handoffQrSvg } from './qr';

/** The QR's modules as a grey-scale image, `scale` pixels a module, with a white quiet zone. */
function rasterise(text: string, scale = 6, quiet = 4): { pixels: Uint8ClampedArray; width: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const width = (modules.size + quiet * 2) * scale;
  const pixels = new Uint8ClampedArray(width * width).fill(255);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y + quiet) * scale + dy;
        pixels.fill(0, row * width + (x + quiet) * scale, row * width + (x + quiet + 1) * scale);
      }
    }
  }
  return { pixels, width };
}

function decode(pixels: Uint8ClampedArray, width: number): string {
  const source = new RGBLuminanceSource(pixels, width, width);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
}

describe('the cart QR', () => {
  it('decodes to the handoff code with the reader the counter uses', () => {
    const code = generateHandoffCode();
    const { pixels, width } = rasterise(handoffQrText(code));
    const text = decode(pixels, width);
    expect(text).toBe(`OMNISHOP-CART:${code}`);
    expect(normalizeHandoffInput(text)).toBe(code);
  });

  it('is drawn as an SVG document on the server', async () => {
    const svg = await handoffQrSvg('ABC234');
    expect(svg).toMatch(/^<svg[^>]+viewBox=/);
    expect(svg).not.toMatch(/<script/i);
  });
});
