/**
 * The password of an encrypted PDF, checked on the device: the standard security handler of
 * ISO 32000 (revisions 2 to 4: RC4 40/128-bit and AES-128; 5 and 6: AES-256). Only the bytes
 * it needs are read (`Blob.slice`): the end of the file, the cross-reference section it names
 * (a table, or a stream inflated with `DecompressionStream`) and the encryption dictionary.
 * Nothing leaves the device, nothing is kept. No Lit, no DOM: `<cas-upload>` loads this module
 * when a file is chosen (a file of its own), and `cas-upload/core` exports it.
 *
 * Written small (it is a file of its own, under 3 KB gzip): every failure to read is a `throw`
 * that the one `catch` turns into `unknown`.
 */

/**
 * What {@link checkPdfPassword} found: `right` (the password opens the file, as the user or
 * the owner password; an unencrypted file opens with any), `wrong` (it opens neither), or
 * `unknown` (the check cannot tell: another security handler, a damaged or unusual file, an
 * encryption dictionary inside an object stream, no Web Crypto). Only `wrong` is a verdict to
 * act on: upload in the other two cases.
 */
export type PdfPasswordVerdict = 'right' | 'wrong' | 'unknown';

/** A PDF value as parsed here: a name keeps its slash (`/Standard`), a string is its bytes. */
type Value = number | boolean | null | string | Uint8Array | Value[] | Dict | Ref;
type Dict = Map<string, Value>;
/** An indirect reference `n 0 R`. */
class Ref {
  constructor(readonly n: number) {}
}
/** Reads `length` bytes of the file at `at`, as Latin-1 text (one character per byte). */
type Read = (at: number, length: number) => Promise<string>;
/** A cross-reference section: its trailer, and the offset of object `n` (`undefined`: not in it; throws inside an object stream). */
type Section = [trailer: Dict, find: (n: number) => Promise<number | undefined>];

/** Anything this check does not read: `unknown`. */
const fail = (): never => {
  throw 0;
};
const dict = (v: Value | undefined): Dict => (v instanceof Map ? v : fail());
const int = (v: Value | undefined): number => (v === ((v as number) | 0) ? v : fail());
const bytes = (v: Value | undefined): Uint8Array => (v instanceof Uint8Array ? v : fail());
/** A filter or its parameters: one value, or a list of one. */
const only = (v: Value | undefined): Value | undefined => (Array.isArray(v) ? (v[1] ? fail() : v[0]) : v);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const sum = (list: Uint8Array | number[]): number => (list as number[]).reduce((a, b) => a + b, 0);

// ---- Parsing ---------------------------------------------------------------------------------

/**
 * The value in the text `s` from `i`, after an `n g obj` header if there is one: [value, where
 * it ends, the header's object number]. Running off the end throws.
 */
function parse(s: string, i = 0): [value: Value, end: number, n?: number] {
  const match = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) i = re.lastIndex;
    return m;
  };
  // White space (`\s`: a NUL, which PDF counts too, makes the file `unknown`) and comments,
  // then the next two characters.
  const peek = () => (match(/(?:\s|%[^\r\n]*)*/y), s.substr(i, 2));
  const regular = () => match(/[^\s()<>[\]{}/%]*/y)![0];
  // Nesting too deep for the stack throws too (a RangeError): `unknown`.
  const value = (): Value => {
    const c = peek();
    if (c == '<<') {
      const d: Dict = new Map();
      for (i += 2; peek() != '>>'; ) {
        const key = value();
        // A key is a name: the only values parsed as a JS string.
        d.set(typeof key == 'string' ? key.slice(1) : fail(), value());
      }
      i += 2;
      return d;
    }
    if (c[0] == '[') {
      const list: Value[] = [];
      for (i++; peek()[0] != ']'; ) list.push(value());
      i++;
      return list;
    }
    // A name as written: one spelt with #-escapes (`/St#61ndard`) matches nothing here, so is `unknown`.
    if (c[0] == '/') return ++i && '/' + regular();
    if (c[0] == '<') {
      const hex = (match(/<([\da-f\0\t\n\f\r ]*)>/iy) ?? fail())[1].replace(/[^\da-f]/gi, '');
      return Uint8Array.from((hex + '0').match(/../g) ?? [], (h) => parseInt(h, 16));
    }
    if (c[0] == '(') {
      i++;
      const out: number[] = [];
      for (let open = 1, m; (m = match(/\\([0-7]{1,3}|\r\n?|[^])|\r\n?|[^]/y) ?? fail()); ) {
        const [t, e] = m;
        if (t == ')' && !--open) return Uint8Array.from(out);
        if (t == '(') open++;
        const k = 'nrtbf'.indexOf(e);
        // An escaped end of line continues the line: nothing; an end of line reads as \n.
        if (!/^[\r\n]/.test(e)) out.push(!e ? (t[0] == '\r' ? 10 : t.charCodeAt(0)) : /^[0-7]/.test(e) ? parseInt(e, 8) & 255 : (k < 0 ? e : '\n\r\t\b\f'[k]).charCodeAt(0));
      }
    }
    const n = match(/([+-]?(?:\d+\.?\d*|\.\d+))(\s+\d+\s+R\b)?/y);
    if (n) return n[2] ? new Ref(+n[1]) : +n[1];
    const word = regular();
    return word == 'true' || (word == 'false' ? false : word == 'null' ? null : fail());
  };
  const head = match(/(?:\s|%[^\r\n]*)*(\d+)\s+\d+\s+obj/y);
  return [value(), i, head ? +head[1] : undefined];
}

/** The value at `at` (after its `n g obj` header, if any, which must name object `n` when `n` is given), read in a window that grows once. */
async function valueAt(read: Read, at: number, n?: number): Promise<[value: Value, end: number]> {
  for (const length of [4096, 65536]) {
    const text = await read(at, length);
    try {
      const [value, end, head] = parse(text);
      return n === undefined || head === n ? [value, at + end] : fail();
    } catch (e) {
      // Cut short by the window: a larger one; otherwise this is not what was asked for.
      if (text.length < length) throw e;
    }
  }
  return fail();
}

// ---- Cross-reference sections ----------------------------------------------------------------

/** The section at `at`: a classic table (`xref`, subsections of 20-byte rows, `trailer <<…>>`) or a cross-reference stream. */
async function sectionAt(read: Read, at: number): Promise<Section> {
  if ((await read(at, 4)) != 'xref') return stream(read, at);
  const subsections: number[][] = [];
  for (at += 4; ; ) {
    const head = /^\s*(?:(\d+)[ \t]+(\d+)[ \t]*(\r\n|\r|\n)|trailer)/.exec(await read(at, 64)) ?? fail();
    at += head[0].length;
    if (!head[1]) break;
    subsections.push([+head[1], +head[2], at]);
    at += +head[2] * 20;
  }
  return [
    dict((await valueAt(read, at))[0]),
    async (n) => {
      const [first, , start] = subsections.find(([first, count]) => n >= first && n < first + count) ?? [];
      if (start === undefined) return;
      const row = /^(\d{10}) \d{5} ([fn])/.exec(await read(start + (n - first) * 20, 20)) ?? fail();
      return row[2] == 'n' ? +row[1] : undefined;
    },
  ];
}

/** A cross-reference stream (PDF 1.5): its dictionary is the trailer; its rows (`/W` bytes each) say where objects are. */
async function stream(read: Read, at: number): Promise<Section> {
  const [value, end] = await valueAt(read, at);
  const trailer = dict(value);
  const keyword = /^\s*stream\r?\n/.exec(await read(end, 64));
  if (!keyword || trailer.get('Type') != '/XRef') fail();
  const data = await decode(latin1(await read(end + keyword![0].length, int(trailer.get('Length')))), trailer);
  const widths = (trailer.get('W') as Value[]).map(int);
  const index = ((trailer.get('Index') as Value[] | undefined) ?? [0, int(trailer.get('Size'))]).map(int);
  return [
    trailer,
    async (n) => {
      for (let k = 0, row = 0; k < index.length; row += index[k + 1], k += 2) {
        if (n >= index[k] && n < index[k] + index[k + 1]) {
          let o = (row + n - index[k]) * sum(widths);
          const [type, field] = widths.map((w) => {
            let v = 0;
            while (w--) v = v * 256 + (data[o++] ?? fail());
            return v;
          });
          // Type 2: inside an object stream, which this check does not open.
          return (widths[0] ? type : 1) == 1 ? field : type == 2 ? fail() : undefined;
        }
      }
      return;
    },
  ];
}

/** A stream's bytes through its filter: none, or Flate with or without a PNG predictor. */
async function decode(data: Uint8Array, d: Dict): Promise<Uint8Array> {
  const filter = only(d.get('Filter'));
  if (!filter) return data;
  if (filter != '/FlateDecode') fail();
  const inflated = new Uint8Array(
    await new Response(new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer(),
  );
  const parms = only(d.get('DecodeParms'));
  const p = parms instanceof Map ? parms : new Map<string, Value>();
  const predictor = int(p.get('Predictor') ?? 1);
  if (predictor == 1) return inflated;
  // (Parameters read otherwise, a TIFF predictor or several colours, give offsets where the
  // object asked for is not found: `unknown`.)
  const columns = int(p.get('Columns') ?? 1);
  // PNG rows: a filter byte, then `columns` bytes. Cross-reference streams use "Up" (each byte
  // minus the one above it), which every writer known here does; the other PNG filters are `unknown`.
  const out = new Uint8Array(Math.floor(inflated.length / (columns + 1)) * columns);
  for (let o = 0; o < out.length; o++) {
    const row = Math.floor(o / columns);
    const type = inflated[row * (columns + 1)];
    out[o] = inflated[o + row + 1] + (type == 2 ? (o < columns ? 0 : out[o - columns]) : type ? fail() : 0);
  }
  return out;
}

// ---- Hashes and ciphers ----------------------------------------------------------------------

const MD5_K = Array.from({ length: 64 }, (_, i) => (Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** MD5 (RFC 1321), which Web Crypto does not offer. */
export function md5(m: Uint8Array): Uint8Array {
  const words = new Uint32Array((((m.length + 8) >>> 6) + 1) << 4);
  m.forEach((b, i) => (words[i >> 2] |= b << ((i & 3) << 3)));
  words[m.length >> 2] |= 0x80 << ((m.length & 3) << 3);
  words[words.length - 2] = m.length << 3;
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let o = 0; o < words.length; o += 16) {
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      const r = i >> 4;
      const x = ([(b & c) | (~b & d), (d & b) | (~d & c), b ^ c ^ d, c ^ (b | ~d)][r] + a + MD5_K[i] + words[o + ([i, 5 * i + 1, 3 * i + 5, 7 * i][r] & 15)]) | 0;
      const s = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21][(r << 2) | (i & 3)];
      [a, d, c, b] = [d, c, b, (b + ((x << s) | (x >>> (32 - s)))) | 0];
    }
    [a, b, c, d].forEach((v, k) => (h[k] = (h[k] + v) | 0));
  }
  return new Uint8Array(Uint32Array.from(h).buffer);
}

/** RC4, which Web Crypto does not offer either. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  let i = 0;
  for (; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  i = j = 0;
  return data.map((x) => {
    j = (j + s[(i = (i + 1) & 255)]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    return x ^ s[(s[i] + s[j]) & 255];
  });
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(sum(parts.map((p) => p.length)));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length == b.length && a.every((x, i) => x == b[i]);
const sha = async (name: string, data: Uint8Array): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest(name, data as BufferSource));

// ---- The standard security handler -----------------------------------------------------------

/** The padding of revisions 2-4 (ISO 32000-1, 7.6.3.3, algorithm 2). */
const PAD = latin1('(\xbfN^Nu\x8aAd\0NV\xff\xfa\x01\b..\0\xb6\xd0h>\x80/\f\xa9\xfedSiz');
/** No bytes. */
const NONE = new Uint8Array();

/** Whether `password` (bytes) opens the file as its user password, or (`ownerToo`) its owner password. */
type Opens = (password: Uint8Array, ownerToo: boolean) => Promise<boolean>;

/** Revisions 2-4: RC4 and AES-128 (ISO 32000-1, 7.6.3.3-4, algorithms 2 and 4-7). */
function legacy(enc: Dict, id: Uint8Array, r: number): Opens {
  const v = int(enc.get('V') ?? 0);
  const [o, u] = ['O', 'U'].map((k) => bytes(enc.get(k)).subarray(0, 32));
  // Key length in bytes: 5 (40 bits) for revision 2; /Length bits (V 2-3) or 16 (V 4) from revision 3.
  const n = r == 2 || v < 2 ? 5 : v == 4 ? 16 : int(enc.get('Length') ?? 40) / 8;
  if (u[31] === undefined || o[31] === undefined || n % 1 || n < 5 || n > 16 || v > 4) fail();
  const flags = new Uint8Array(Int32Array.of(int(enc.get('P'))).buffer);
  const pad = (pw: Uint8Array) => concat(pw, PAD).subarray(0, 32);
  /** From revision 3: 50 more MD5 rounds, of the key's bytes (algorithm 2) or of the whole hash (algorithm 3). */
  const stretch = (h: Uint8Array, whole?: boolean) => {
    for (let i = 0; r > 2 && i < 50; i++) h = md5(whole ? h : h.subarray(0, n));
    return h.subarray(0, n);
  };
  /** RC4 once (revision 2), or 20 times with the key XOR 0…19 (19…0 to decrypt). */
  const rounds = (key: Uint8Array, data: Uint8Array, down?: boolean) => {
    for (let i = 0; i < (r == 2 ? 1 : 20); i++) data = rc4(key.map((k) => k ^ (r == 2 ? 0 : down ? 19 - i : i)), data);
    return data;
  };
  const user = (pw: Uint8Array) => {
    const key = stretch(md5(concat(pad(pw), o, flags, id, r > 3 && enc.get('EncryptMetadata') === false ? latin1('\xff\xff\xff\xff') : NONE)));
    return r == 2 ? same(rounds(key, PAD), u) : same(rounds(key, md5(concat(PAD, id))).subarray(0, 16), u.subarray(0, 16));
  };
  // The owner password decrypts /O into the user password (algorithm 7).
  return async (pw, ownerToo) => user(pw) || (ownerToo && user(rounds(stretch(md5(pad(pw)), true), o, true)));
}

/** Revisions 5 and 6: AES-256 (ISO 32000-2, 7.6.4.3.3-4, algorithms 2.A and 2.B). */
function modern(enc: Dict, r: number): Opens {
  const [o, u] = ['O', 'U'].map((k) => bytes(enc.get(k)));
  if (u[47] === undefined || o[47] === undefined) fail();
  const hash = async (pw: Uint8Array, salt: Uint8Array, extra: Uint8Array) => {
    let k = await sha('SHA-256', concat(pw, salt, extra));
    // Revision 6: rounds of AES-128-CBC and SHA-256/384/512, at least 64, until the last byte
    // of the round's output is at most its number - 32.
    for (let round = 0; r > 5; ) {
      const k1 = concat(...Array<Uint8Array>(64).fill(concat(pw, k, extra)));
      const key = await crypto.subtle.importKey('raw', k.subarray(0, 16) as BufferSource, 'AES-CBC', false, ['encrypt']);
      // Web Crypto adds a block of padding; the input is whole blocks, so that block is cut.
      const e = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: k.subarray(16, 32) as BufferSource }, key, k1 as BufferSource), 0, k1.length);
      k = await sha('SHA-' + [256, 384, 512][sum(e.subarray(0, 16)) % 3], e);
      if (++round > 63 && e[e.length - 1] <= round - 32) break;
    }
    return k.subarray(0, 32);
  };
  return async (pw, ownerToo) =>
    same(await hash((pw = pw.subarray(0, 127)), u.subarray(32, 40), NONE), u.subarray(0, 32)) ||
    (ownerToo && same(await hash(pw, o.subarray(32, 40), u.subarray(0, 48)), o.subarray(0, 32)));
}

/**
 * Checks `password` against the PDF `file` on the device, reading only the end of the file,
 * its cross-reference section(s) and the encryption dictionary (a few KB, never the whole
 * file). The typed password counts as right when it is the user or the owner password, also
 * once trimmed of spaces, and whenever the file opens without one. Never throws: anything it
 * cannot read is `unknown`.
 */
export async function checkPdfPassword(file: Blob, password: string): Promise<PdfPasswordVerdict> {
  try {
    // At most 1 MiB read in all: a hostile file loops nowhere.
    let budget = 1 << 20;
    const read: Read = async (at, length) => {
      if ((budget -= length) < 0) fail();
      const b = new Uint8Array(await file.slice(at, at + length).arrayBuffer());
      let s = '';
      for (let k = 0; k < b.length; k += 8192) s += String.fromCharCode(...b.subarray(k, k + 8192));
      return s;
    };
    const tail = await read(Math.max(0, file.size - 2048), 2048);
    const at = /startxref\s+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref'))) ?? fail();
    // The newest section first; then, for an object it does not hold, the hybrid file's
    // stream (/XRefStm) and the older sections (/Prev).
    // (A loop of /Prev offsets ends at 32 sections, or at the read budget.)
    const sections: Section[] = [];
    const load = async (offset: Value | undefined) => {
      if (offset !== undefined && sections.length < 32) sections.push(await sectionAt(read, int(offset)));
    };
    await load(+at[1]);
    const [trailer] = sections[0];
    let enc = trailer.get('Encrypt');
    if (!enc) return 'right';
    if (enc instanceof Ref) {
      let offset: number | undefined;
      for (let k = 0; offset === undefined && sections[k]; k++) {
        const [older, find] = sections[k];
        if ((offset = await find(enc.n)) === undefined) {
          await load(older.get('XRefStm'));
          await load(older.get('Prev'));
        }
      }
      enc = (await valueAt(read, offset ?? fail(), enc.n))[0];
    }
    const d = dict(enc);
    const r = int(d.get('R'));
    if (d.get('Filter') != '/Standard' || r < 2 || r > 6) return 'unknown';
    const opens = r < 5 ? legacy(d, bytes((trailer.get('ID') as Value[])[0]), r) : modern(d, r);
    // Revisions 2-4 take the password's bytes (PDFDocEncoding, here Latin-1, a character above
    // 255 cut to its low byte), 5-6 its UTF-8 (after SASLprep, here NFKC). Printable ASCII is
    // the same bytes in every reading: for any other character, no match is `unknown` (the API
    // may read it another way).
    const encode = (s: string) => (r < 5 ? latin1(s) : new TextEncoder().encode(s.normalize('NFKC')));
    // The typed password, then without the spaces around it (the API may trim), as the user or
    // the owner password; then the empty user password: a file that opens without one may be
    // read whatever was typed.
    for (const typed of new Set([password, password.trim()])) if (await opens(encode(typed), true)) return 'right';
    if (password && (await opens(NONE, false))) return 'right';
    return /^[ -~]*$/.test(password) ? 'wrong' : 'unknown';
  } catch {
    return 'unknown';
  }
}
