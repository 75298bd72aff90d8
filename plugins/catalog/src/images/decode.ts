import sharp, { type Metadata } from 'sharp';

/** Types a product image may have, each recognised by its first bytes: the declared type and name are not trusted. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
};
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Widths of the resized copies every image gets (never wider than the original). */
export const THUMB_WIDTHS = [160, 480] as const;

export type UploadProblem = 'empty' | 'tooLarge' | 'type' | 'unreadable';

/** The type found in the bytes, or the problem with them. */
export function sniff(bytes: Uint8Array, maxBytes: number): { type: string } | { problem: UploadProblem } {
  if (!bytes.length) return { problem: 'empty' };
  if (bytes.length > maxBytes) return { problem: 'tooLarge' };
  const type = Object.keys(SIGNATURES).find((t) => SIGNATURES[t]?.(bytes));
  return type ? { type } : { problem: 'type' };
}

export interface Resized {
  width: number;
  height: number;
  bytes: Uint8Array;
}

/**
 * Reads the image's size and makes the resized copies (webp). Throws `unreadable` when the bytes start right but
 * do not decode (a truncated or forged file).
 */
export async function resizeImage(bytes: Uint8Array): Promise<{ width: number; height: number; thumbs: Resized[] }> {
  let meta: Metadata;
  try {
    // `limitInputPixels` refuses decompression bombs; rotate() applies EXIF orientation so sizes are as shown.
    meta = await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
  } catch {
    throw new Error('unreadable');
  }
  const swap = (meta.orientation ?? 1) >= 5;
  const width = swap ? (meta.height as number) : (meta.width as number);
  const height = swap ? (meta.width as number) : (meta.height as number);
  const thumbs: Resized[] = [];
  for (const w of THUMB_WIDTHS) {
    const { data, info } = await sharp(bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: w, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    thumbs.push({ width: info.width, height: info.height, bytes: new Uint8Array(data) });
  }
  return { width, height, thumbs };
}
