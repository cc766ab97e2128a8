/**
 * A small Protocol Buffers reader and writer: just what Google Authenticator's export needs
 * (varints up to 64 bits, length-delimited fields, skipping the rest). Every read is bounds-checked;
 * any malformed input throws InvalidMigrationPayloadError, never a RangeError or a wrong value.
 */
import { InvalidMigrationPayloadError } from '../errors';
import { msg } from '../i18n/local-message';

/** Protobuf wire types. Groups (3, 4) are obsolete and refused; 6 and 7 do not exist. */
export const WireType = { Varint: 0, Fixed64: 1, LengthDelimited: 2, StartGroup: 3, EndGroup: 4, Fixed32: 5 } as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

/** Refuses the export; `detail` names the fault in the data's terms (English in every language). */
function damaged(detail: string): never {
  throw new InvalidMigrationPayloadError(msg('errMigrationDamaged', detail));
}

const MAX_UINT32 = 0xffff_ffffn;

/**
 * Reads protobuf fields from a byte range, front to back.
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export class ProtobufReader {
  #pos = 0;
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** True when every byte has been read. */
  get isDone(): boolean {
    return this.#pos >= this.#bytes.length;
  }

  /**
   * Reads a base-128 varint of up to 10 bytes as an unsigned 64-bit value.
   * @throws InvalidMigrationPayloadError when it runs past the end or exceeds 64 bits.
   */
  readVarint(): bigint {
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.#pos >= this.#bytes.length) damaged('a number is cut off');
      const byte = this.#bytes[this.#pos++] ?? 0;
      // The 10th byte may only carry bit 63.
      if (i === 9 && byte > 1) damaged('a number is longer than 64 bits');
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return result;
    }
    return damaged('a number is longer than 64 bits');
  }

  /**
   * Reads a field key.
   * @returns the field number (1..2^29−1) and wire type.
   * @throws InvalidMigrationPayloadError for field 0, a key over 32 bits, or wire type 6 or 7.
   */
  readTag(): { field: number; wireType: WireType } {
    const key = this.readVarint();
    if (key > MAX_UINT32) damaged('a field key is too large');
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) damaged('a field has number 0');
    if (wireType > WireType.Fixed32) damaged(`a field has the unknown wire type ${wireType}`);
    return { field, wireType: wireType as WireType };
  }

  /**
   * Reads a length-delimited field's contents (a view, not a copy).
   * @throws InvalidMigrationPayloadError when the length runs past the end of the data.
   */
  readBytes(): Uint8Array {
    const length = this.readVarint();
    if (length > BigInt(this.#bytes.length - this.#pos)) damaged('a field runs past the end of the data; it may be cut short');
    const start = this.#pos;
    this.#pos += Number(length);
    return this.#bytes.subarray(start, this.#pos);
  }

  /**
   * Reads a length-delimited field as UTF-8 text.
   * @throws InvalidMigrationPayloadError for bytes that are not UTF-8.
   */
  readString(): string {
    const bytes = this.readBytes();
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return damaged('a name is not valid text');
    }
  }

  /**
   * Skips a field of an unknown number.
   * @throws InvalidMigrationPayloadError for groups, or when the field runs past the end.
   */
  skip(wireType: WireType): void {
    const fixed = (size: number): void => {
      if (this.#bytes.length - this.#pos < size) damaged('a field runs past the end of the data; it may be cut short');
      this.#pos += size;
    };
    switch (wireType) {
      case WireType.Varint:
        this.readVarint();
        return;
      case WireType.Fixed64:
        fixed(8);
        return;
      case WireType.LengthDelimited:
        this.readBytes();
        return;
      case WireType.Fixed32:
        fixed(4);
        return;
      default:
        damaged('it uses obsolete protobuf groups');
    }
  }
}

/**
 * Reads an `int32` field value from its varint (negative values are 10-byte two's complement).
 * @throws InvalidMigrationPayloadError when the value is outside the int32 range.
 */
export function toInt32(value: bigint): number {
  const signed = BigInt.asIntN(64, value);
  if (signed < -0x8000_0000n || signed > 0x7fff_ffffn) damaged('a small number is out of range');
  return Number(signed);
}

/** Writes protobuf fields in the order they are added. */
export class ProtobufWriter {
  readonly #bytes: number[] = [];

  #rawVarint(value: bigint): void {
    let rest = BigInt.asUintN(64, value);
    while (rest >= 0x80n) {
      this.#bytes.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.#bytes.push(Number(rest));
  }

  #tag(field: number, wireType: WireType): void {
    this.#rawVarint((BigInt(field) << 3n) | BigInt(wireType));
  }

  /** Writes a varint field; negative numbers as 64-bit two's complement (int32/int64 semantics). */
  varint(field: number, value: number | bigint): this {
    this.#tag(field, WireType.Varint);
    this.#rawVarint(BigInt(value));
    return this;
  }

  /** Writes a length-delimited field. */
  bytes(field: number, data: Uint8Array): this {
    this.#tag(field, WireType.LengthDelimited);
    this.#rawVarint(BigInt(data.length));
    for (const byte of data) this.#bytes.push(byte);
    return this;
  }

  /** Writes a string field as UTF-8. */
  string(field: number, text: string): this {
    return this.bytes(field, new TextEncoder().encode(text));
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }
}
