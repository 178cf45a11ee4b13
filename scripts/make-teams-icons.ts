// Draws the Teams app icons (a rising bar chart) as PNGs, without image libraries: a 192×192
// full-colour icon and a 32×32 outline icon (white on transparent), as Teams asks.
// Run: node --import tsx scripts/make-teams-icons.ts  (writes manifests/teams/color.png, outline.png)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Pixel = [number, number, number, number];

function png(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Three rising bars in a square of side 1 (x, y from 0 to 1, y downwards). */
function onBar(x: number, y: number): boolean {
  const bars = [
    { from: 0.2, to: 0.36, top: 0.55 },
    { from: 0.42, to: 0.58, top: 0.38 },
    { from: 0.64, to: 0.8, top: 0.2 },
  ];
  return y <= 0.8 && bars.some((b) => x >= b.from && x < b.to && y >= b.top);
}

const white: Pixel = [255, 255, 255, 255];
const blue: Pixel = [0x15, 0x42, 0x73, 255];
const clear: Pixel = [0, 0, 0, 0];
const dir = fileURLToPath(new URL('../manifests/teams/', import.meta.url));
writeFileSync(
  `${dir}color.png`,
  png(192, (x, y) => (onBar(x / 192, y / 192) ? white : blue)),
);
writeFileSync(
  `${dir}outline.png`,
  png(32, (x, y) => (onBar(x / 32, y / 32) ? white : clear)),
);
console.log(`icons written to ${dir}`);
