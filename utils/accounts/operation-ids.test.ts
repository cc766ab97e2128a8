import { describe, expect, it } from 'vitest';
import { MAX_OPERATION_IDS, readOperationIds, withOperationId } from './operation-ids';

const id = (n: number) => `op-${String(n).padStart(8, '0')}`;

describe('readOperationIds', () => {
  it.each([
    { stored: undefined, expected: [] },
    { stored: null, expected: [] },
    { stored: 'op-00000001', expected: [] },
    { stored: { 0: 'op-00000001' }, expected: [] },
    { stored: ['op-00000001', 7, null, 'short', 'op-00000002', 'has space 1234'], expected: ['op-00000001', 'op-00000002'] },
  ])('$stored', ({ stored, expected }) => {
    expect(readOperationIds(stored)).toEqual(expected);
  });
});

describe('withOperationId', () => {
  it('appends the id last', () => {
    expect(withOperationId([id(1), id(2)], id(3))).toEqual([id(1), id(2), id(3)]);
  });

  it('keeps one copy of an id recorded again, as the newest', () => {
    expect(withOperationId([id(1), id(2), id(3)], id(1))).toEqual([id(2), id(3), id(1)]);
  });

  it('drops the oldest beyond the limit', () => {
    const full = Array.from({ length: MAX_OPERATION_IDS }, (_, i) => id(i));
    const next = withOperationId(full, id(MAX_OPERATION_IDS));
    expect(next).toHaveLength(MAX_OPERATION_IDS);
    expect(next[0]).toBe(id(1));
    expect(next.at(-1)).toBe(id(MAX_OPERATION_IDS));
    expect(withOperationId([id(1), id(2), id(3)], id(4), 2)).toEqual([id(3), id(4)]);
  });

  it('refuses what is not an id', () => {
    expect(() => withOperationId([], 'no')).toThrow(TypeError);
  });
});
