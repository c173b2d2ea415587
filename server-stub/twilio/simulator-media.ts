import { crc32, deflateSync } from 'node:zlib';

/** A small, well-formed file of the asked type, as a phone would attach it to an MMS. */
export interface GeneratedMedia {
  type: string;
  bytes: Uint8Array;
}

const SIDE = 64;
/** The simulator's signature colour, so generated pictures are easy to recognise. */
const RGB = [0x2f, 0x6f, 0xeb] as const;

function png(): Uint8Array {
  const chunk = (name: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(name, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + SIDE * 3);
  for (let x = 0; x < SIDE; x++) row.set([RGB[0], (x * 4) & 0xff, RGB[2]], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: SIDE }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A baseline grey JPEG of one flat tone: every 8x8 block has only a DC coefficient, so two two-symbol
 * Huffman tables encode it (DC: the first block's category and "no change"; AC: end of block).
 */
function jpeg(): Uint8Array {
  const level = 0x70;
  const dc = (level - 128) * 8; // level shift, then the DCT's DC gain of 8 with a quantiser of 1
  const category = Math.abs(dc).toString(2).length;
  const bits = (dc < 0 ? dc + (1 << category) - 1 : dc).toString(2).padStart(category, '0');
  const segment = (marker: number, data: number[]) => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  const blocks = (SIDE / 8) ** 2;
  // DC codes: category -> "0", zero difference -> "10"; AC code: end of block -> "0".
  let scan = `0${bits}0`;
  for (let i = 1; i < blocks; i++) scan += '100';
  scan = scan.padEnd(Math.ceil(scan.length / 8) * 8, '1');
  const data: number[] = [];
  for (let i = 0; i < scan.length; i += 8) {
    const byte = parseInt(scan.slice(i, i + 8), 2);
    data.push(byte);
    if (byte === 0xff) data.push(0x00);
  }
  const counts = (lengths: number[]) => Array.from({ length: 16 }, (_, i) => lengths.filter((l) => l === i + 1).length);
  return Uint8Array.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, SIDE, 0, SIDE, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, ...counts([1, 2]), category, 0]),
    ...segment(0xc4, [0x10, ...counts([1]), 0x00]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...data,
    0xff, 0xd9,
  ]);
}

/** A GIF whose LZW stream restarts before every pixel, so no code ever grows past three bits. */
function gif(): Uint8Array {
  const side = 16;
  const clear = 4;
  const end = 5;
  const codes: number[] = [];
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) codes.push(clear, (x + y) % 2);
  codes.push(end);
  const packed: number[] = [];
  let buffer = 0;
  let count = 0;
  for (const code of codes) {
    buffer |= code << count;
    count += 3;
    while (count >= 8) {
      packed.push(buffer & 0xff);
      buffer >>= 8;
      count -= 8;
    }
  }
  if (count > 0) packed.push(buffer & 0xff);
  const subBlocks: number[] = [];
  for (let i = 0; i < packed.length; i += 255) {
    const part = packed.slice(i, i + 255);
    subBlocks.push(part.length, ...part);
  }
  return Uint8Array.from([
    ...Buffer.from('GIF89a', 'latin1'),
    side, 0, side, 0, 0x81, 0, 0, // screen, global table of 4 colours
    ...RGB, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0,
    0x2c, 0, 0, 0, 0, side, 0, side, 0, 0,
    2, ...subBlocks, 0,
    0x3b,
  ]);
}

function pdf(): Uint8Array {
  const text = 'BT /F1 18 Tf 36 96 Td (Simulated MMS attachment) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 320 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A short silent mono WAV. */
function wav(): Uint8Array {
  const rate = 8000;
  const samples = rate / 4;
  const out = Buffer.alloc(44 + samples);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + samples, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate, 28);
  out.writeUInt16LE(1, 32);
  out.writeUInt16LE(8, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(samples, 40);
  out.fill(0x80, 44);
  return out;
}

const text = (value: string) => new TextEncoder().encode(value);

const GENERATORS: Record<string, () => Uint8Array> = {
  'image/png': png,
  'image/jpeg': jpeg,
  'image/gif': gif,
  'application/pdf': pdf,
  'audio/wav': wav,
  'text/vcard': () => text('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Simulator\r\nTEL;TYPE=CELL:+14155550142\r\nEND:VCARD\r\n'),
  'text/calendar': () =>
    text(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sms-elements//simulator//EN\r\nBEGIN:VEVENT\r\nUID:simulated@sms-elements\r\n' +
        'DTSTAMP:20250101T090000Z\r\nDTSTART:20250102T090000Z\r\nSUMMARY:Simulated meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    ),
  'text/plain': () => text('A simulated text attachment.\n'),
  'text/csv': () => text('name,phone\r\nSam Simulator,+14155550142\r\n'),
};
GENERATORS['text/x-vcard'] = GENERATORS['text/vcard']!;

/** Types with a real generated file; any other type gets a few placeholder bytes labelled with that type. */
export const GENERATED_TYPES = Object.keys(GENERATORS);

export function generateMedia(type: string): GeneratedMedia {
  const essence = type.split(';')[0]!.trim().toLowerCase();
  return { type: essence, bytes: GENERATORS[essence]?.() ?? text(`Simulated ${essence} attachment\n`) };
}
