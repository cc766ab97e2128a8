import { describe, expect, it } from 'vitest';
import { upscaleGreyImage, type GreyImage } from './grey-image';

const grey = (width: number, height: number, values: number[]): GreyImage => ({ width, height, data: Uint8Array.from(values) });

describe('upscaleGreyImage', () => {
  it.each([
    { name: 'factor 1 copies', input: grey(2, 1, [0, 255]), factor: 1, expected: grey(2, 1, [0, 255]) },
    // Pixel centres aligned: the outer pixels keep their value, the inner ones blend a quarter/three quarters.
    { name: 'a step doubled', input: grey(2, 1, [0, 200]), factor: 2, expected: grey(4, 2, [0, 50, 150, 200, 0, 50, 150, 200]) },
    { name: 'a flat image stays flat', input: grey(2, 2, [90, 90, 90, 90]), factor: 3, expected: grey(6, 6, new Array<number>(36).fill(90)) },
    { name: 'a single pixel', input: grey(1, 1, [17]), factor: 2, expected: grey(2, 2, [17, 17, 17, 17]) },
  ])('$name', ({ input, factor, expected }) => {
    const out = upscaleGreyImage(input, factor);
    expect(out).toEqual(expected);
    expect(out.data).not.toBe(input.data);
  });
});
