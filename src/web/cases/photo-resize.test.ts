import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_SIDE, scaledSize } from './photo-resize.ts';

describe('photo scaling', () => {
  it('brings the longer side down to the maximum, keeping the proportions', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: PHOTO_MAX_SIDE, height: 480 });
    expect(scaledSize(1080, 1920)).toEqual({ width: 360, height: PHOTO_MAX_SIDE });
  });
  it('never enlarges a small picture', () => {
    expect(scaledSize(300, 200)).toEqual({ width: 300, height: 200 });
  });
});
