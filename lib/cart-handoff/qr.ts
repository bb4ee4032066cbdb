import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import QRCode from 'qrcode';
import { handoffQrText } from './code';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;
// The mask QRCode picks first (its lowest penalty), then the masks the counter's reader misses least.
const MASKS = [undefined, 0, 5, 3, 1, 4, 7, 2, 6] as const;

/** A QR's modules as a grey-scale image, `scale` pixels a module, with a white quiet zone. */
export function rasteriseQr(qr: QRCode.QRCode, scale = 6, quiet = 4): { pixels: Uint8ClampedArray; width: number } {
  const { modules } = qr;
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

/** What the counter's reader (@zxing/library, under @zxing/browser) reads in the image, or null. */
export function readQr(pixels: Uint8ClampedArray, width: number): string | null {
  try {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, width)))).getText();
  } catch {
    return null;
  }
}

/**
 * The QR of a handoff code as an SVG document, drawn on the server (no script, no network in the
 * browser). Error correction M and a 4-module quiet zone: a phone screen with glare still scans.
 * zxing's detector misjudges a few percent of QR codes whatever the image (their data modules near the
 * finder patterns), so the QR is drawn with the first mask the counter's reader is seen to read.
 */
export async function handoffQrSvg(code: string): Promise<string> {
  const text = handoffQrText(code);
  return QRCode.toString(text, { type: 'svg', ...OPTIONS, maskPattern: readableQr(text).maskPattern });
}

/** The QR of `text` with the first mask the counter's reader reads (the one the cart page draws). */
export function readableQr(text: string): QRCode.QRCode {
  for (const maskPattern of MASKS) {
    const qr = QRCode.create(text, { ...OPTIONS, maskPattern });
    const { pixels, width } = rasteriseQr(qr);
    if (readQr(pixels, width) === text) return qr;
  }
  return QRCode.create(text, OPTIONS);
}
