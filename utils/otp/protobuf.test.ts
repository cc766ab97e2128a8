import { describe, expect, it } from 'vitest';
import { InvalidMigrationPayloadError } from '../errors';
import { ProtobufReader, ProtobufWriter, toInt32, WireType } from './protobuf';

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../gu) ?? [], (byte) => Number.parseInt(byte, 16));
const toHex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('varints (protobuf encoding guide examples and edges)', () => {
  // prettier-ignore
  const rows = [
    { value: 0n, bytes: '00' },
    { value: 1n, bytes: '01' },
    { value: 127n, bytes: '7f' },
    { value: 128n, bytes: '8001' },
    { value: 150n, bytes: '9601' },
    { value: 300n, bytes: 'ac02' },
    { value: 2n ** 32n, bytes: '8080808010' },
    { value: 2n ** 53n - 1n, bytes: 'ffffffffffffff0f' },
    { value: 2n ** 63n, bytes: '80808080808080808001' },
    { value: 2n ** 64n - 1n, bytes: 'ffffffffffffffffff01' },
  ];
  it.each(rows)('$value ⇄ $bytes', ({ value, bytes }) => {
    expect(new ProtobufReader(hex(bytes)).readVarint()).toBe(value);
    // Field 1, wire type 0: key 0x08, then the value.
    expect(toHex(new ProtobufWriter().varint(1, value).finish())).toBe(`08${bytes}`);
  });

  it('writes negative int32 as ten bytes and reads it back', () => {
    const bytes = new ProtobufWriter().varint(5, -5).finish();
    expect(toHex(bytes)).toBe('28fbffffffffffffffff01');
    const reader = new ProtobufReader(bytes);
    expect(reader.readTag()).toEqual({ field: 5, wireType: WireType.Varint });
    expect(toInt32(reader.readVarint())).toBe(-5);
  });
});

describe('length-delimited fields and skipping', () => {
  it('reads strings, bytes and skips every skippable wire type', () => {
    // field 2 "testing" (guide example), then fixed64, fixed32, a varint and field 3 bytes.
    const bytes = hex(`120774657374696e67${'09'}0102030405060708${'15'}01020304${'2096'}01${'1a'}03010203`);
    const reader = new ProtobufReader(bytes);
    expect(reader.readTag()).toEqual({ field: 2, wireType: WireType.LengthDelimited });
    expect(reader.readString()).toBe('testing');
    for (const wireType of [WireType.Fixed64, WireType.Fixed32, WireType.Varint]) {
      expect(reader.readTag().wireType).toBe(wireType);
      reader.skip(wireType);
    }
    expect(reader.readTag()).toEqual({ field: 3, wireType: WireType.LengthDelimited });
    expect(reader.readBytes()).toEqual(hex('010203'));
    expect(reader.isDone).toBe(true);
  });

  it('writes UTF-8 strings', () => {
    expect(toHex(new ProtobufWriter().string(2, 'é✓').finish())).toBe('1205c3a9e29c93');
  });
});

describe('malformed input throws InvalidMigrationPayloadError, never reads out of bounds', () => {
  // prettier-ignore
  const rows: { why: string; bytes: string; read: (r: ProtobufReader) => unknown; message: string }[] = [
    { why: 'varint cut off', bytes: '80', read: (r) => r.readVarint(), message: 'cut off' },
    { why: 'empty varint', bytes: '', read: (r) => r.readVarint(), message: 'cut off' },
    { why: 'varint over 10 bytes', bytes: 'ffffffffffffffffffff01', read: (r) => r.readVarint(), message: 'longer than 64 bits' },
    { why: '10th byte above 1', bytes: 'ffffffffffffffffff02', read: (r) => r.readVarint(), message: 'longer than 64 bits' },
    { why: 'field number 0', bytes: '00', read: (r) => r.readTag(), message: 'number 0' },
    { why: 'wire type 6', bytes: '0e', read: (r) => r.readTag(), message: 'unknown wire type 6' },
    { why: 'wire type 7', bytes: '0f', read: (r) => r.readTag(), message: 'unknown wire type 7' },
    { why: 'key above 32 bits', bytes: '808080808001', read: (r) => r.readTag(), message: 'too large' },
    { why: 'length past the end', bytes: '05616263', read: (r) => r.readBytes(), message: 'past the end' },
    { why: 'huge length', bytes: 'ffffffffffffffffff01', read: (r) => r.readBytes(), message: 'past the end' },
    { why: 'fixed64 past the end', bytes: '01020304', read: (r) => r.skip(WireType.Fixed64), message: 'past the end' },
    { why: 'fixed32 past the end', bytes: '0102', read: (r) => r.skip(WireType.Fixed32), message: 'past the end' },
    { why: 'start group', bytes: '', read: (r) => r.skip(WireType.StartGroup), message: 'groups' },
    { why: 'end group', bytes: '', read: (r) => r.skip(WireType.EndGroup), message: 'groups' },
    { why: 'invalid UTF-8', bytes: '02c328', read: (r) => r.readString(), message: 'not valid text' },
    { why: 'int32 out of range', bytes: '8080808010', read: (r) => toInt32(r.readVarint()), message: 'out of range' },
  ];
  it.each(rows)('$why', ({ bytes, read, message }) => {
    const reader = new ProtobufReader(hex(bytes));
    expect(() => read(reader)).toThrow(InvalidMigrationPayloadError);
    expect(() => read(new ProtobufReader(hex(bytes)))).toThrow(message);
  });
});
