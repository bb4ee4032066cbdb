/** The image types a product photo may be, told by their first bytes (never by name or by what the browser says). */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export const IMAGE_EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/**
 * JPEG (FF D8 FF), PNG (89 'PNG' 0D 0A 1A 0A) or WebP ('RIFF' size 'WEBP') from the file's magic
 * bytes, else null: an SVG or HTML file renamed to .png is refused, so nothing scriptable is served.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** The content type of a stored key by its extension (keys are written by us with the detected type's extension). */
export function contentTypeOfKey(key: string): ImageType | null {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  const found = (Object.entries(IMAGE_EXTENSIONS) as [ImageType, string][]).find(([, e]) => e === ext);
  return found ? found[0] : null;
}
