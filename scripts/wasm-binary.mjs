// The parts of the wasm binary format that scripts/short-imports.mjs edits and
// tests/e2e/package.test.mjs reads: LEB128 numbers, names, the sections of a module, and
// rewriting one section while keeping the others byte for byte.

/** The unsigned LEB128 bytes of `n`. */
export function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** A name as the format writes it: its length, then its UTF-8 bytes. */
export function nameBytes(name) {
  const utf8 = Buffer.from(name, "utf8");
  return [...uleb(utf8.length), ...utf8];
}

/** A cursor over a module's bytes. */
export class Reader {
  constructor(bytes, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  byte() {
    return this.bytes[this.pos++];
  }

  /** The low 32 bits of a LEB128 number, with the shift past it and its last byte. */
  leb() {
    let bits = 0;
    let shift = 0;
    let last;
    do {
      last = this.bytes[this.pos++];
      bits |= (last & 0x7f) << shift;
      shift += 7;
    } while (last & 0x80);
    return { bits, shift, last };
  }

  /** An unsigned LEB128 number of at most 32 bits. */
  u32() {
    return this.leb().bits >>> 0;
  }

  /** A signed LEB128 number of at most 32 bits. */
  i32() {
    const { bits, shift, last } = this.leb();
    return shift < 32 && last & 0x40 ? bits | (~0 << shift) : bits;
  }

  skipLeb() {
    while (this.bytes[this.pos++] & 0x80);
  }

  name() {
    const length = this.u32();
    const s = this.bytes.subarray(this.pos, this.pos + length).toString("utf8");
    this.pos += length;
    return s;
  }

  /** Table and memory limits: flags, minimum, and a maximum if flagged. */
  skipLimits() {
    const flags = this.byte();
    this.skipLeb();
    if (flags & 1) this.skipLeb();
  }

  /** The bytes from `start` to here. */
  since(start) {
    return this.bytes.subarray(start, this.pos);
  }
}

/**
 * Each section of a module, in order: its id, and a reader at the start of its contents, which
 * end at `end`. The walk goes on from `end` whatever the caller read.
 */
export function* sections(bytes) {
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    yield { id, start, end, reader: new Reader(bytes, r.pos) };
    r.pos = end;
  }
}

/**
 * The module with the contents of each section whose id is a key of `edits` replaced by what
 * `edits[id](reader)` returns (an array of bytes); the reader starts at the section's contents
 * and must end exactly at their end. Every other section is kept as it is.
 */
export function rewriteSections(bytes, edits, fail) {
  const parts = [bytes.subarray(0, 8)];
  for (const { id, start, end, reader } of sections(bytes)) {
    const edit = edits[id];
    if (!edit) {
      parts.push(bytes.subarray(start, end));
      continue;
    }
    const contents = edit(reader);
    if (reader.pos !== end) fail(`section ${id} did not parse to its end`);
    parts.push(Buffer.from([id, ...uleb(contents.length), ...contents]));
  }
  return Buffer.concat(parts);
}
