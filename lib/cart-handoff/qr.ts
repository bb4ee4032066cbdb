import QRCode from 'qrcode';
import { handoffQrText } from './code';

/**
 * The QR of a handoff code as an SVG document, drawn on the server (no script, no network in the
 * browser). Error correction M and a 4-module quiet zone: a phone screen with glare still scans.
 */
export async function handoffQrSvg(code: string): Promise<string> {
  return QRCode.toString(handoffQrText(code), { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
