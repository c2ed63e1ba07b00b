// Draws the app icons (PNG + SVG) into public/icons/ with no dependencies:
// a white handset on a teal tile. Re-run after changing the shape or colours:
//   node scripts/generate-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const TILE = [15, 118, 110]; // #0f766e, the manifest's theme colour
const GLYPH = [255, 255, 255];
const SUPERSAMPLE = 4;

// The handset in a unit square (0..1): a quarter arc (the grip) bowing toward the bottom-left,
// with a pad at each end (earpiece top-left, mouthpiece bottom-right) pointing toward the arc's centre.
const ARC = { cx: 0.7, cy: 0.3, radius: 0.4, thickness: 0.13, from: Math.PI * 0.5, to: Math.PI };
const PAD = { length: 0.13, radius: 0.085 };
const pads = [ARC.from, ARC.to].map((angle) => {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const outer = ARC.radius + ARC.thickness / 2 - PAD.radius;
  const inner = outer - PAD.length;
  return { x1: ARC.cx + outer * ux, y1: ARC.cy + outer * uy, x2: ARC.cx + inner * ux, y2: ARC.cy + inner * uy };
});

function distanceToSegment(x, y, s) {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const t = Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (s.x1 + t * dx), y - (s.y1 + t * dy));
}

function inHandset(x, y) {
  for (const pad of pads) if (distanceToSegment(x, y, pad) <= PAD.radius) return true;
  const distance = Math.hypot(x - ARC.cx, y - ARC.cy);
  if (Math.abs(distance - ARC.radius) > ARC.thickness / 2) return false;
  let angle = Math.atan2(y - ARC.cy, x - ARC.cx);
  if (angle < 0) angle += 2 * Math.PI;
  return angle >= ARC.from && angle <= ARC.to;
}

/** True when (x, y) lies on a rounded-square tile of the given corner radius. */
function inTile(x, y, cornerRadius) {
  const dx = Math.max(cornerRadius - x, 0, x - (1 - cornerRadius));
  const dy = Math.max(cornerRadius - y, 0, y - (1 - cornerRadius));
  return dx * dx + dy * dy <= cornerRadius * cornerRadius;
}

/**
 * Renders one icon. `glyphScale` shrinks the handset toward the centre (maskable icons keep
 * their content inside the central 80 % safe zone); `cornerRadius` 0 gives a full-bleed tile.
 */
function render(size, { glyphScale, cornerRadius }) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let glyph = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!inTile(x, y, cornerRadius)) continue;
          tile++;
          if (inHandset(0.5 + (x - 0.5) / glyphScale, 0.5 + (y - 0.5) / glyphScale)) glyph++;
        }
      }
      const offset = (py * size + px) * 4;
      const mix = tile === 0 ? 0 : glyph / tile;
      for (let c = 0; c < 3; c++) rgba[offset + c] = Math.round(TILE[c] * (1 - mix) + GLYPH[c] * mix);
      rgba[offset + 3] = Math.round((255 * tile) / samples);
    }
  }
  return encodePng(size, size, rgba);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** PNG (RFC 2083): 8-bit RGBA, every scanline with filter type 0. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The same handset in SVG strokes, for the favicon. */
function svgIcon() {
  const n = (v) => (v * 64).toFixed(2);
  const point = (angle) => `${n(ARC.cx + ARC.radius * Math.cos(angle))} ${n(ARC.cy + ARC.radius * Math.sin(angle))}`;
  const grip =
    `<path d="M${point(ARC.from)} A${n(ARC.radius)} ${n(ARC.radius)} 0 0 1 ${point(ARC.to)}" ` +
    `fill="none" stroke-width="${n(ARC.thickness)}"/>`;
  const padLines = pads
    .map((p) => `<line x1="${n(p.x1)}" y1="${n(p.y1)}" x2="${n(p.x2)}" y2="${n(p.y2)}" stroke-width="${n(2 * PAD.radius)}" stroke-linecap="round"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="${n(0.22)}" fill="#0f766e"/>` +
    `<g stroke="#fff">${grip}${padLines}</g></svg>\n`
  );
}

mkdirSync(outDir, { recursive: true });
const icons = [
  ['icon-192.png', 192, { glyphScale: 1, cornerRadius: 0.22 }],
  ['icon-512.png', 512, { glyphScale: 1, cornerRadius: 0.22 }],
  ['maskable-512.png', 512, { glyphScale: 0.72, cornerRadius: 0 }],
  ['apple-touch-icon-180.png', 180, { glyphScale: 0.85, cornerRadius: 0 }],
];
for (const [name, size, options] of icons) writeFileSync(join(outDir, name), render(size, options));
writeFileSync(join(outDir, 'favicon.svg'), svgIcon());
console.log(`icons written to ${outDir}`);
