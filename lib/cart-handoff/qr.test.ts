/**
 * The QR the cart page shows is read back by the same decoder the counter's camera uses (@zxing/library,
 * under @zxing/browser): drawn by handoffQrSvg (which picks a mask the reader reads), its modules
 * rasterised to pixels, decoded in Node.
 */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { generateHandoffCode, handoffQrText, normalizeHandoffInput } from './code';
import { handoffQrSvg, rasteriseQr, readQr } from './qr';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;
const MASKS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

describe('the cart QR', () => {
  // Codes whose default QR zxing's detector cannot read (found with random codes, which made an
  // earlier version of this test flaky), and random ones.
  it('decodes to the handoff code with the reader the counter uses', async () => {
    const codes = ['T98BW3', 'MXW4FQ', 'EZZYVK', 'NRYVR2', '77KMW3', ...Array.from({ length: 30 }, () => generateHandoffCode())];
    for (const code of codes) {
      const text = handoffQrText(code);
      const svg = await handoffQrSvg(code);
      // Which mask the SVG was drawn with; that QR, as pixels, is what the counter's reader must read.
      const drawn: QRCode.QRCodeMaskPattern[] = [];
      for (const maskPattern of MASKS) if ((await QRCode.toString(text, { type: 'svg', ...OPTIONS, maskPattern })) === svg) drawn.push(maskPattern);
      expect(drawn, code).toHaveLength(1);
      const { pixels, width } = rasteriseQr(QRCode.create(text, { ...OPTIONS, maskPattern: drawn[0] }));
      const read = readQr(pixels, width);
      expect(read, code).toBe(`OMNISHOP-CART:${code}`);
      expect(normalizeHandoffInput(read!)).toBe(code);
    }
  });

  it('is drawn as an SVG document on the server', async () => {
    const svg = await handoffQrSvg('ABC234');
    expect(svg).toMatch(/^<svg[^>]+viewBox=/);
    expect(svg).not.toMatch(/<script/i);
  });
});
