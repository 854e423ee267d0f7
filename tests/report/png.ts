/** Test helper: decodes the 8-bit, non-interlaced PNGs that Chromium's screenshots are. */
import { inflateSync } from "node:zlib";

/** An image as rows of RGBA bytes. */
export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  data: Uint8Array;
}

/** The Paeth predictor of the PNG specification (section 9.4). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes one row's filter in place (`prev` is the row above, zeros for the first). */
function unfilter(type: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp] : 0;
    const b = prev[i];
    const c = i >= bpp ? prev[i - bpp] : 0;
    if (type === 1) row[i] = (row[i] + a) & 255;
    else if (type === 2) row[i] = (row[i] + b) & 255;
    else if (type === 3) row[i] = (row[i] + ((a + b) >> 1)) & 255;
    else if (type === 4) row[i] = (row[i] + paeth(a, b, c)) & 255;
  }
}

/** Decodes an RGB or RGBA PNG of 8 bits per channel. */
export function decodePng(png: Buffer): Pixels {
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString("latin1", pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9];
      if (body[8] !== 8 || body[12] !== 0 || (colorType !== 2 && colorType !== 6))
        throw new Error(`unsupported PNG: depth ${body[8]}, colour type ${colorType}`);
    } else if (type === "IDAT") idat.push(body);
    pos += 12 + length;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const data = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    unfilter(raw[y * (stride + 1)], row, prev, bpp);
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) data[(y * width + x) * 4 + k] = row[x * bpp + k];
      data[(y * width + x) * 4 + 3] = bpp === 4 ? row[x * bpp + 3] : 255;
    }
    prev = row;
  }
  return { width, height, data };
}

/** Pixels with ink: a clear colour or dark (not white or a light grey). */
export function inkPixels(img: Pixels): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const hi = Math.max(img.data[i], img.data[i + 1], img.data[i + 2]);
    const lo = Math.min(img.data[i], img.data[i + 1], img.data[i + 2]);
    if (hi - lo > 40 || hi < 200) n++;
  }
  return n;
}
