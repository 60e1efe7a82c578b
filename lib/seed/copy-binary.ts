// COPY ... (FORMAT binary) rows: the search index's key arrays go to PostgreSQL as 8-byte
// integers instead of 16-digit text it would have to parse, half a billion of them for a
// million articles.
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const INT8_OID = 20;
const P32 = 2 ** 32;
/** PostgreSQL's timestamps count microseconds from 2000-01-01 00:00 (here: UTC, as stored). */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

export class BinaryRows {
  private buf = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  rows = 0;

  constructor() {
    this.ensure(SIGNATURE.length + 8);
    this.at += SIGNATURE.copy(this.buf, this.at);
    this.int32(0); // flags
    this.int32(0); // header extension length
  }

  private ensure(more: number) {
    if (this.at + more <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + more));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  private int32(v: number) {
    this.buf.writeInt32BE(v, this.at);
    this.at += 4;
  }

  row(fields: number) {
    this.ensure(2);
    this.buf.writeInt16BE(fields, this.at);
    this.at += 2;
    this.rows++;
    return this;
  }

  int4(v: number) {
    this.ensure(8);
    this.int32(4);
    this.int32(v);
    return this;
  }

  timestamp(d: Date) {
    this.ensure(12);
    this.int32(8);
    this.buf.writeBigInt64BE(BigInt(d.getTime() - PG_EPOCH_MS) * 1000n, this.at);
    this.at += 8;
    return this;
  }

  text(s: string) {
    const bytes = Buffer.byteLength(s);
    this.ensure(4 + bytes);
    this.int32(bytes);
    this.at += this.buf.write(s, this.at);
    return this;
  }

  /** A one-dimensional bigint[] of integers in [0, 2^53). */
  int8Array(xs: Float64Array) {
    const size = xs.length ? 20 + 12 * xs.length : 12;
    this.ensure(4 + size);
    this.int32(size);
    this.int32(xs.length ? 1 : 0); // dimensions
    this.int32(0); // no NULLs
    this.int32(INT8_OID);
    if (!xs.length) return this;
    this.int32(xs.length);
    this.int32(1); // lower bound
    // A DataView's setters are inlined by V8; Buffer's write*BE check their arguments each time.
    const view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    let at = this.at;
    for (let i = 0; i < xs.length; i++) {
      const hi = Math.floor(xs[i] / P32);
      view.setInt32(at, 8);
      view.setUint32(at + 4, hi);
      view.setUint32(at + 8, xs[i] - hi * P32);
      at += 12;
    }
    this.at = at;
    return this;
  }

  /** The finished COPY data, trailer included. */
  end(): Buffer {
    this.ensure(2);
    this.buf.writeInt16BE(-1, this.at);
    this.at += 2;
    return this.buf.subarray(0, this.at);
  }
}
