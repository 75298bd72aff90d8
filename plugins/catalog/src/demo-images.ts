import sharp from 'sharp';
import { type PreparedImage, prepareImage } from './images/images.js';

/** Two gradient colours per demo category (Tailwind's 800 and 400 shades): white initials stay readable on both. */
const PALETTE: [string, string][] = [
  ['#1e40af', '#60a5fa'],
  ['#9a3412', '#fb923c'],
  ['#166534', '#4ade80'],
  ['#6b21a8', '#c084fc'],
  ['#9f1239', '#fb7185'],
  ['#115e59', '#2dd4bf'],
  ['#854d0e', '#facc15'],
  ['#3730a3', '#818cf8'],
];

export const DEMO_IMAGE_SIZE = 800;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** An 800×800 diagonal gradient with a large initial, drawn from SVG (the fonts are the system's; none shipped). */
function svg(initial: string, [from, to]: [string, string]): string {
  const n = DEMO_IMAGE_SIZE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n}" height="${n}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="${n}" height="${n}" fill="url(#g)"/>
<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif"
 font-weight="700" font-size="${Math.round(n * 0.5)}" fill="#ffffff" fill-opacity="0.92">${escapeXml(initial)}</text>
</svg>`;
}

/** One demo image: WebP bytes, resized like an upload. */
export async function demoImage(initial: string, colour: number): Promise<PreparedImage> {
  const bytes = await sharp(Buffer.from(svg(initial, PALETTE[colour % PALETTE.length] as [string, string])))
    .webp({ quality: 80 })
    .toBuffer();
  return prepareImage('image/webp', new Uint8Array(bytes));
}

// Made once per process and shared by every demo vendor: drawing and resizing cost about 0.1 s an image, so the
// seed makes a handful (one per category) and stores a copy for each product.
const made = new Map<string, Promise<PreparedImage>>();

/** The demo image for an initial on a palette colour, made at the first call. */
export function initialImage(initial: string, colour: number): Promise<PreparedImage> {
  const key = `${initial}:${colour % PALETTE.length}`;
  let image = made.get(key);
  if (!image) {
    image = demoImage(initial, colour);
    image.catch(() => made.delete(key));
    made.set(key, image);
  }
  return image;
}
