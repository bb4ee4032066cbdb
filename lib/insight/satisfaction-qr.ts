import 'server-only';
import QRCode from 'qrcode';
import { readableQr } from '@/lib/cart-handoff/qr';
import { publicBaseUrl } from '@/lib/notifications/config';
import { surveyPath } from './satisfaction-token';

/**
 * The survey link of an order as the counter receipt prints it (S12): the absolute URL and its QR as an
 * SVG, drawn on the server with the mask a phone's reader reads (readableQr) and error correction M,
 * so a crumpled receipt still scans.
 */
export async function surveyQr(orderId: string): Promise<{ url: string; svg: string }> {
  const url = `${publicBaseUrl()}${surveyPath(orderId)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, maskPattern: readableQr(url).maskPattern });
  return { url, svg };
}

/** The survey link's QR modules, for a PDF that draws them itself (the counter sale's invoice). */
export function surveyQrModules(orderId: string): { url: string; size: number; dark: (row: number, col: number) => boolean } {
  const url = `${publicBaseUrl()}${surveyPath(orderId)}`;
  const { modules } = readableQr(url);
  return { url, size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}
