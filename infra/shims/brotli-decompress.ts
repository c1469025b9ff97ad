/**
 * Stands in for the `brotli` package's pure-JavaScript decoder (≈ 470 KB once
 * bundled), which fontkit imports to read WOFF2 fonts: Node has Brotli built in.
 * Our fonts are TrueType, so this runs only if a WOFF2 font is ever embedded.
 */
import { brotliDecompressSync } from 'node:zlib';

export default function decompress(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(brotliDecompressSync(buffer));
}
