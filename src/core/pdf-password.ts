/**
 * The password of an encrypted PDF, checked on the device: the standard security handler of
 * ISO 32000 (revisions 2 to 4: RC4 40/128-bit and AES-128; 5 and 6: AES-256). Only the bytes
 * it needs are read (`Blob.slice`): the end of the file, the cross-reference section it names
 * (a table, or a stream inflated with `DecompressionStream`) and the encryption dictionary.
 * Nothing leaves the device, nothing is kept. No Lit, no DOM: the element loads this module
 * when a file is chosen (a file of its own), and `cas-upload/core` exports it.
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
class Ref {
  constructor(
    readonly n: number,
    readonly g: number,
  ) {}
}

/** Anything this check does not read: the caller answers `unknown`. */
const fail = (): never => {
  throw 0;
};

// ---- Reading ---------------------------------------------------------------------------------

/** Reads slices of the file, at most `budget` bytes and `reads` slices in all (a hostile file loops nowhere). */
class Reader {
  #budget = 1 << 20;
  #reads = 512;
  constructor(readonly file: Blob) {}

  async bytes(at: number, length: number): Promise<Uint8Array> {
    if ((this.#budget -= length) < 0 || --this.#reads < 0 || at < 0) fail();
    return new Uint8Array(await this.file.slice(at, at + length).arrayBuffer());
  }

  /** The bytes as Latin-1 text, one character per byte. */
  async text(at: number, length: number): Promise<string> {
    const b = await this.bytes(at, length);
    let s = '';
    for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
    return s;
  }
}

// ---- Parsing ---------------------------------------------------------------------------------

/** White space and comments. */
const SPACE = /(?:[\0\t\n\f\r ]|%[^\r\n]*)*/y;
/** A number; then ` 0 R` after an integer makes a reference. */
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)/y;
const REF = /[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R(?![^\0\t\n\f\r ()<>[\]{}/%])/y;
/** A name's or a keyword's characters. */
const REGULAR = /[^\0\t\n\f\r ()<>[\]{}/%]*/y;

/** A PDF object parser over Latin-1 text; `i` is where it is. Running off the end throws. */
class Parser {
  constructor(
    readonly s: string,
    public i = 0,
  ) {}

  match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (m) this.i = re.lastIndex;
    return m;
  }

  /** Skips white space and comments; returns what follows, `at` characters on. */
  peek(length = 1): string {
    this.match(SPACE);
    return this.s.substr(this.i, length);
  }

  value(depth = 0): Value {
    if (depth > 32) fail();
    const c = this.peek();
    const s = this.s;
    if (c == '/') {
      this.i++;
      return '/' + this.match(REGULAR)![0].replace(/#([\da-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    }
    if (this.peek(2) == '<<') {
      this.i += 2;
      const dict: Dict = new Map();
      while (this.peek(2) != '>>') {
        const key = this.value(depth + 1);
        if (typeof key != 'string' || key[0] != '/') fail();
        dict.set((key as string).slice(1), this.value(depth + 1));
      }
      this.i += 2;
      return dict;
    }
    if (c == '<') {
      const end = s.indexOf('>', this.i);
      if (end < 0) fail();
      const hex = s.slice(this.i + 1, end).replace(/[\0\t\n\f\r ]/g, '');
      if (/[^\da-fA-F]/.test(hex)) fail();
      this.i = end + 1;
      return Uint8Array.from((hex + (hex.length % 2 ? '0' : '')).match(/../g) ?? [], (h) => parseInt(h, 16));
    }
    if (c == '(') return this.literal();
    if (c == '[') {
      this.i++;
      const list: Value[] = [];
      while (this.peek() != ']') list.push(this.value(depth + 1));
      this.i++;
      return list;
    }
    const n = this.match(NUMBER);
    if (n) {
      const ref = /^\d+$/.test(n[0]) && this.match(REF);
      return ref ? new Ref(+n[0], +ref[1]) : +n[0];
    }
    const word = this.match(REGULAR)![0];
    return word == 'true' ? true : word == 'false' ? false : word == 'null' ? null : fail();
  }

  /** A literal string: `(…)` with balanced parentheses and backslash escapes. */
  literal(): Uint8Array {
    const s = this.s;
    const out: number[] = [];
    let depth = 0;
    for (let i = this.i + 1; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c == 92) {
        const e = s[++i];
        const octal = /^[0-7]{1,3}/.exec(s.substr(i, 3));
        if (octal) {
          i += octal[0].length - 1;
          c = parseInt(octal[0], 8) & 255;
        } else if (e == '\r' || e == '\n') {
          // A line continuation: nothing.
          if (e == '\r' && s[i + 1] == '\n') i++;
          continue;
        } else c = { n: 10, r: 13, t: 9, b: 8, f: 12 }[e] ?? e.charCodeAt(0);
      } else if (c == 13) {
        // An end of line in a string reads as one line feed.
        if (s[i + 1] == '\n') i++;
        c = 10;
      } else if (c == 40) depth++;
      else if (c == 41 && !depth--) {
        this.i = i + 1;
        return Uint8Array.from(out);
      }
      out.push(c);
    }
    return fail();
  }
}

/** The bytes of the file at `at` parsed as `n g obj <value>`; `n` must be the object asked for. */
async function objectAt(reader: Reader, at: number, n?: number): Promise<{ value: Value; end: number }> {
  for (const length of [4096, 65536]) {
    const text = await reader.text(at, length);
    try {
      const p = new Parser(text);
      const head = p.match(/(?:[\0\t\n\f\r ]|%[^\r\n]*)*(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj/y);
      if (!head || (n !== undefined && +head[1] != n)) return fail();
      return { value: p.value(), end: at + p.i };
    } catch (e) {
      // Cut short by the window: read a larger one; otherwise this is not an object.
      if (text.length < length) throw e;
    }
  }
  return fail();
}

const dict = (v: Value | undefined): Dict => (v instanceof Map ? v : fail());
const int = (v: Value | undefined): number => (typeof v == 'number' && Number.isInteger(v) ? v : fail());
const bytes = (v: Value | undefined): Uint8Array => (v instanceof Uint8Array ? v : fail());
/** A filter or its parameters: one value or a list of one. */
const only = (v: Value | undefined): Value | undefined => (Array.isArray(v) ? (v.length > 1 ? fail() : v[0]) : v);

// ---- Cross-reference sections ----------------------------------------------------------------

/** One cross-reference section: its trailer, and where it puts an object (`undefined`: not here). */
interface Section {
  trailer: Dict;
  /** The offset of object `n`; throws when it is in an object stream. */
  find(n: number): Promise<number | undefined>;
}

/** The section at `at`: a classic table (`xref` … `trailer`) or a cross-reference stream. */
async function sectionAt(reader: Reader, at: number): Promise<Section> {
  const start = await reader.text(at, 4);
  return start == 'xref' ? table(reader, at + 4) : stream(reader, at);
}

/** A classic table: subsections of 20-byte entries, then `trailer <<…>>`. */
async function table(reader: Reader, at: number): Promise<Section> {
  const subsections: [first: number, count: number, start: number][] = [];
  for (;;) {
    const text = await reader.text(at, 64);
    const head = /^[\0\t\n\f\r ]*(?:(\d+)[ \t]+(\d+)[ \t]*(?:\r\n|\r|\n)|trailer)/.exec(text) ?? fail();
    at += head[0].length;
    if (!head[1]) break;
    subsections.push([+head[1], +head[2], at]);
    at += +head[2] * 20;
  }
  const { value } = await objectAfter(reader, at);
  return {
    trailer: dict(value),
    async find(n) {
      const sub = subsections.find(([first, count]) => n >= first && n < first + count);
      if (!sub) return;
      const entry = /^(\d{10}) \d{5} ([fn])/.exec(await reader.text(sub[2] + (n - sub[0]) * 20, 20)) ?? fail();
      return entry[2] == 'n' ? +entry[1] : undefined;
    },
  };
}

/** A bare value at `at` (the trailer dictionary after `trailer`). */
async function objectAfter(reader: Reader, at: number): Promise<{ value: Value }> {
  for (const length of [4096, 65536]) {
    const text = await reader.text(at, length);
    try {
      return { value: new Parser(text).value() };
    } catch (e) {
      if (text.length < length) throw e;
    }
  }
  return fail();
}

/** A cross-reference stream (PDF 1.5): its dictionary is the trailer; its rows say where objects are. */
async function stream(reader: Reader, at: number): Promise<Section> {
  const { value, end } = await objectAt(reader, at);
  const trailer = dict(value);
  if (trailer.get('Type') != '/XRef') fail();
  const keyword = /^[\0\t\n\f\r ]*stream(?:\r\n|\n)/.exec(await reader.text(end, 64)) ?? fail();
  const data = await decode(await reader.bytes(end + keyword[0].length, int(trailer.get('Length'))), trailer);
  const widths = (trailer.get('W') as Value[] | undefined)?.map(int) ?? fail();
  const row = widths.reduce((a, b) => a + b, 0);
  const index = ((trailer.get('Index') as Value[] | undefined) ?? [0, int(trailer.get('Size'))]).map(int);
  if (widths.length != 3 || widths.some((w) => w > 8)) fail();
  const field = (offset: number, k: number, fallback: number) => {
    let start = offset + widths.slice(0, k).reduce((a, b) => a + b, 0);
    if (!widths[k]) return fallback;
    let v = 0;
    for (let w = widths[k]; w--; ) v = v * 256 + data[start++];
    return v;
  };
  return {
    trailer,
    async find(n) {
      for (let i = 0, rows = 0; i < index.length; rows += index[i + 1], i += 2) {
        if (n < index[i] || n >= index[i] + index[i + 1]) continue;
        const offset = (rows + n - index[i]) * row;
        if (offset + row > data.length) fail();
        const type = field(offset, 0, 1);
        // Type 2: inside an object stream, which this check does not open.
        return type == 1 ? field(offset, 1, 0) : type == 2 ? fail() : undefined;
      }
      return;
    },
  };
}

/** A stream's bytes through its filter: none, or Flate with or without a PNG predictor. */
async function decode(data: Uint8Array, d: Dict): Promise<Uint8Array> {
  const filter = only(d.get('Filter'));
  if (filter === undefined) return data;
  if (filter != '/FlateDecode') fail();
  const inflated = new Uint8Array(
    await new Response(new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer(),
  );
  const parms = only(d.get('DecodeParms'));
  const predictor = parms instanceof Map ? int(parms.get('Predictor') ?? 1) : 1;
  if (predictor == 1) return inflated;
  const p = dict(parms);
  const columns = int(p.get('Columns') ?? 1);
  if (predictor < 10 || (p.get('Colors') ?? 1) != 1 || (p.get('BitsPerComponent') ?? 8) != 8 || columns < 1) fail();
  // PNG rows: a filter byte, then `columns` bytes, each predicted from its left and upper neighbours.
  const rows = Math.floor(inflated.length / (columns + 1));
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = inflated[r * (columns + 1)];
    for (let x = 0; x < columns; x++) {
      const o = r * columns + x;
      const a = x ? out[o - 1] : 0;
      const b = r ? out[o - columns] : 0;
      const c = x && r ? out[o - columns - 1] : 0;
      const q = a + b - c;
      const [pa, pb, pc] = [Math.abs(q - a), Math.abs(q - b), Math.abs(q - c)];
      out[o] =
        inflated[r * (columns + 1) + 1 + x] +
        [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][type > 4 ? fail() : type];
    }
  }
  return out;
}

// ---- Hashes and ciphers ----------------------------------------------------------------------

const MD5_SHIFT = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => (Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** MD5 (RFC 1321), which Web Crypto does not offer. */
export function md5(m: Uint8Array): Uint8Array {
  const words = new Uint32Array((((m.length + 8) >>> 6) + 1) << 4);
  for (let i = 0; i < m.length; i++) words[i >> 2] |= m[i] << ((i & 3) << 3);
  words[m.length >> 2] |= 0x80 << ((m.length & 3) << 3);
  words[words.length - 2] = m.length << 3;
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let o = 0; o < words.length; o += 16) {
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      const r = i >> 4;
      const f = [(b & c) | (~b & d), (d & b) | (~d & c), b ^ c ^ d, c ^ (b | ~d)][r];
      const g = [i, 5 * i + 1, 3 * i + 5, 7 * i][r] & 15;
      const x = (f + a + MD5_K[i] + words[o + g]) | 0;
      const s = MD5_SHIFT[(r << 2) | (i & 3)];
      [a, d, c, b] = [d, c, b, (b + ((x << s) | (x >>> (32 - s)))) | 0];
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
  }
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  h.forEach((v, i) => view.setUint32(i * 4, v, true));
  return out;
}

/** RC4, which Web Crypto does not offer either. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length == b.length && a.every((x, i) => x == b[i]);
const sha = async (name: string, data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest(name, data as BufferSource));

// ---- The standard security handler -----------------------------------------------------------

/** The padding of revisions 2-4 (ISO 32000-1, 7.6.3.3, algorithm 2). */
const PAD = Uint8Array.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a'.match(/../g)!,
  (h) => parseInt(h, 16),
);

/** Whether `password` (bytes) opens the file as its user password, or (`ownerToo`) its owner password. */
type Opens = (password: Uint8Array, ownerToo: boolean) => Promise<boolean>;

/** Revisions 2-4: RC4 and AES-128 (ISO 32000-1, 7.6.3.3-4, algorithms 2 and 4-7). */
function legacy(enc: Dict, id: Uint8Array, r: number): Opens {
  const v = int(enc.get('V') ?? 0);
  const o = bytes(enc.get('O')).subarray(0, 32);
  const u = bytes(enc.get('U')).subarray(0, 32);
  const p = int(enc.get('P'));
  // Key length in bytes: 5 for revision 2; else /Length bits (V 2-3), 128 bits for V 4.
  const bits = r == 2 || v < 2 ? 40 : v == 4 ? 128 : int(enc.get('Length') ?? 40);
  if (o.length < 32 || u.length < 32 || bits % 8 || bits < 40 || bits > 128 || v > 4) fail();
  const n = bits / 8;
  const pad = (pw: Uint8Array) => concat(pw.subarray(0, 32), PAD).subarray(0, 32);
  /** Revision 3 on: 50 more MD5 rounds, of the key's bytes (algorithm 2) or of the whole hash (algorithm 3). */
  const stretch = (h: Uint8Array, whole = false) => {
    for (let i = 0; r >= 3 && i < 50; i++) h = md5(whole ? h : h.subarray(0, n));
    return h.subarray(0, n);
  };
  /** RC4 once (revision 2) or 20 times with the key XOR 0…19 (or 19…0 to decrypt), revision 3 on. */
  const rounds = (key: Uint8Array, data: Uint8Array, down: boolean) => {
    for (let i = 0; i < (r == 2 ? 1 : 20); i++) {
      const x = r == 2 ? 0 : down ? 19 - i : i;
      data = rc4(
        key.map((k) => k ^ x),
        data,
      );
    }
    return data;
  };
  const user = (pw: Uint8Array) => {
    const flags = new Uint8Array(4);
    new DataView(flags.buffer).setInt32(0, p, true);
    const noMetadata = r >= 4 && enc.get('EncryptMetadata') === false ? Uint8Array.of(255, 255, 255, 255) : new Uint8Array();
    const key = stretch(md5(concat(pad(pw), o, flags, id, noMetadata)));
    return r == 2 ? same(rounds(key, PAD, false), u) : same(rounds(key, md5(concat(PAD, id)), false).subarray(0, 16), u.subarray(0, 16));
  };
  // The owner password decrypts /O into the user password (algorithm 7).
  const owner = (pw: Uint8Array) => user(rounds(stretch(md5(pad(pw)), true), o, true));
  return async (pw, ownerToo) => user(pw) || (ownerToo && owner(pw));
}

/** Revisions 5 and 6: AES-256 (ISO 32000-2, 7.6.4.3.3-4, algorithms 2.A and 2.B). */
function modern(enc: Dict, r: number): Opens {
  const o = bytes(enc.get('O'));
  const u = bytes(enc.get('U'));
  if (o.length < 48 || u.length < 48) fail();
  const hash = async (pw: Uint8Array, salt: Uint8Array, extra: Uint8Array) => {
    let k = await sha('SHA-256', concat(pw, salt, extra));
    // Revision 6: rounds of AES-128-CBC and SHA-256/384/512, at least 64, until the last
    // byte of the round's output is at most its number - 32.
    for (let round = 0; r == 6; ) {
      const k1 = concat(...Array<Uint8Array>(64).fill(concat(pw, k, extra)));
      const key = await crypto.subtle.importKey('raw', k.subarray(0, 16) as BufferSource, 'AES-CBC', false, ['encrypt']);
      // Web Crypto pads with one block more; the input is a whole number of blocks, so that block is cut.
      const e = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: k.subarray(16, 32) as BufferSource }, key, k1 as BufferSource), 0, k1.length);
      k = await sha(['SHA-256', 'SHA-384', 'SHA-512'][e.subarray(0, 16).reduce((a, b) => a + b, 0) % 3], e);
      if (++round >= 64 && e[e.length - 1] <= round - 32) break;
    }
    return k.subarray(0, 32);
  };
  return async (pw, ownerToo) => {
    pw = pw.subarray(0, 127);
    return (
      same(await hash(pw, u.subarray(32, 40), new Uint8Array()), u.subarray(0, 32)) ||
      (ownerToo && same(await hash(pw, o.subarray(32, 40), u.subarray(0, 48)), o.subarray(0, 32)))
    );
  };
}

/**
 * Checks `password` against the encrypted PDF `file` on the device, reading only the end of
 * the file, its cross-reference section(s) and the encryption dictionary (a few KB, never the
 * whole file). The typed password counts as right when it is the user or the owner password,
 * when it is once trimmed of spaces, and whenever the file opens without one. Never throws:
 * anything it cannot read is `unknown`.
 */
export async function checkPdfPassword(file: Blob, password: string): Promise<PdfPasswordVerdict> {
  try {
    const reader = new Reader(file);
    const size = file.size;
    const tail = await reader.text(Math.max(0, size - 2048), 2048);
    const at = /startxref[\0\t\n\f\r ]+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref'))) ?? fail();
    // The newest section first; then, for an object it does not hold, the hybrid file's
    // stream (/XRefStm) and the older sections (/Prev).
    const sections: Section[] = [];
    const seen = new Set<number>();
    const load = async (offset: Value | undefined): Promise<void> => {
      if (offset === undefined || seen.has(int(offset)) || seen.size > 32) return;
      seen.add(offset as number);
      sections.push(await sectionAt(reader, offset as number));
    };
    await load(+at[1]);
    const trailer = sections[0].trailer;
    let enc = trailer.get('Encrypt');
    if (enc === undefined) return 'right';
    if (enc instanceof Ref) {
      let offset: number | undefined;
      for (let i = 0; offset === undefined && i < sections.length; i++) {
        offset = await sections[i].find(enc.n);
        if (offset === undefined) {
          await load(sections[i].trailer.get('XRefStm'));
          await load(sections[i].trailer.get('Prev'));
        }
      }
      enc = (await objectAt(reader, offset ?? fail(), enc.n)).value;
    }
    const d = dict(enc);
    const r = int(d.get('R'));
    if (d.get('Filter') != '/Standard' || r < 2 || r > 6) return 'unknown';
    const opens =
      r < 5 ? legacy(d, bytes(((trailer.get('ID') as Value[] | undefined) ?? fail())[0]), r) : modern(d, r);
    // Revisions 2-4 take the password's bytes (PDFDocEncoding, here Latin-1); 5-6 its UTF-8
    // (after SASLprep, here NFKC). Printable ASCII is the same bytes in every reading: for
    // any other character a failed match is `unknown`, as the API may read it another way.
    const encode = (s: string) =>
      r < 5 && !/[^\0-\xff]/.test(s) ? Uint8Array.from(s, (c) => c.charCodeAt(0)) : new TextEncoder().encode(s.normalize('NFKC'));
    // The typed password, then without the spaces around it (the API may trim), as the user
    // or the owner password; then the empty user password: a file that opens without one
    // may be read whatever was typed.
    for (const typed of new Set([password, password.trim()])) if (await opens(encode(typed), true)) return 'right';
    if (password && (await opens(new Uint8Array(), false))) return 'right';
    return /^[\x20-\x7e]*$/.test(password) ? 'wrong' : 'unknown';
  } catch {
    return 'unknown';
  }
}
