/**
 * Generates the two Teams app icons with nothing but node:zlib:
 *  - appPackage/color.png   192×192, a white five-pointed "pole star" on a deep blue rounded square;
 *  - appPackage/outline.png  32×32, the same star in white on a fully transparent background
 *    (Teams rule: only white and transparent; edge pixels are white with partial alpha).
 *
 * Usage: `npx tsx scripts/makeIcons.ts [outputDir]` (defaults to ./appPackage). Deterministic output.
 */
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Deep blue used for the colour icon background; the manifest's accentColor uses the same value. */
export const ICON_BACKGROUND = { r: 0x1e, g: 0x3a, b: 0x8a } as const; // #1E3A8A
const WHITE = { r: 255, g: 255, b: 255 } as const;
/** Samples per pixel side used for anti-aliasing (SUPERSAMPLE² samples per pixel). */
const SUPERSAMPLE = 8;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0, 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes per pixel) as a PNG (colour type 6, filter 0 per row). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Invalid PNG size ${width}×${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`Expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // colour type: truecolour with alpha
  ihdr.writeUInt8(0, 10); // compression: deflate
  ihdr.writeUInt8(0, 11); // filter method 0
  ihdr.writeUInt8(0, 12); // no interlace

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

type Point = readonly [number, number];

/** Vertices of a regular five-pointed star with one point straight up, centred on its bounding box. */
export function starPolygon(centerX: number, centerY: number, outerRadius: number): Point[] {
  // Inner/outer radius ratio of a regular pentagram: sin(18°) / sin(54°) ≈ 0.382.
  const innerRadius = (outerRadius * Math.sin(Math.PI / 10)) / Math.sin((3 * Math.PI) / 10);
  // Vertically the star spans from -R (top point) to R·cos(36°) (bottom points); shift to centre that span.
  const offsetY = (outerRadius - outerRadius * Math.cos(Math.PI / 5)) / 2;
  const points: Point[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outerRadius : innerRadius;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([centerX + radius * Math.cos(angle), centerY + offsetY + radius * Math.sin(angle)]);
  }
  return points;
}

function insidePolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedRect(x: number, y: number, width: number, height: number, radius: number): boolean {
  if (x < 0 || y < 0 || x > width || y > height) return false;
  const dx = x < radius ? radius - x : x > width - radius ? x - (width - radius) : 0;
  const dy = y < radius ? radius - y : y > height - radius ? y - (height - radius) : 0;
  return dx * dx + dy * dy <= radius * radius;
}

/** Fraction (0..1) of the pixel (px, py) covered by a shape, estimated by regular supersampling. */
function coverage(px: number, py: number, inside: (x: number, y: number) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      if (inside(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

/** 192×192 colour icon: white star on a deep blue rounded square with transparent corners. */
export function makeColorIcon(size = 192): Buffer {
  const star = starPolygon(size / 2, size / 2, size * 0.33);
  const cornerRadius = size * 0.1875;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const background = coverage(x, y, (sx, sy) => insideRoundedRect(sx, sy, size, size, cornerRadius));
      const foreground = coverage(x, y, (sx, sy) => insidePolygon(sx, sy, star));
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(ICON_BACKGROUND.r + (WHITE.r - ICON_BACKGROUND.r) * foreground);
      rgba[i + 1] = Math.round(ICON_BACKGROUND.g + (WHITE.g - ICON_BACKGROUND.g) * foreground);
      rgba[i + 2] = Math.round(ICON_BACKGROUND.b + (WHITE.b - ICON_BACKGROUND.b) * foreground);
      rgba[i + 3] = Math.round(255 * Math.max(background, foreground));
    }
  }
  return encodePng(size, size, rgba);
}

/** 32×32 outline icon: every pixel is white; only the alpha channel draws the star. */
export function makeOutlineIcon(size = 32): Buffer {
  const star = starPolygon(size / 2, size / 2, size * 0.47);
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      rgba[i] = 255;
      rgba[i + 1] = 255;
      rgba[i + 2] = 255;
      rgba[i + 3] = Math.round(255 * coverage(x, y, (sx, sy) => insidePolygon(sx, sy, star)));
    }
  }
  return encodePng(size, size, rgba);
}

/** Writes color.png and outline.png into `outputDir` and returns their paths. */
export function writeIcons(outputDir: string): { color: string; outline: string } {
  mkdirSync(outputDir, { recursive: true });
  const color = join(outputDir, 'color.png');
  const outline = join(outputDir, 'outline.png');
  writeFileSync(color, makeColorIcon());
  writeFileSync(outline, makeOutlineIcon());
  return { color, outline };
}

if (require.main === module) {
  const outputDir = resolve(process.argv[2] ?? join(__dirname, '..', 'appPackage'));
  const written = writeIcons(outputDir);
  console.log(`Wrote ${written.color} (192×192) and ${written.outline} (32×32)`);
}
