/**
 * Cheap search for places on a screenshot that may hold a QR code, so the expensive decoder
 * only looks at small crops.
 */
import type { GreyImage, PixelRect } from './grey-image';

/** A region that may hold a QR code, in the pixels of the image it was found in. */
export interface QrCandidate extends PixelRect {
  /** Higher is more QR-like (busy, filled, square). */
  score: number;
  /** Grid it was found on: 0 finest, 1 and 2 coarser (2×, 4× cells). */
  level: number;
}

/** Tuning for `findQrCandidates`; every field has a default. */
export interface FindQrCandidatesOptions {
  /** Side of the analysis cell, in pixels of `grey`. Default 4. */
  cellSize?: number;
  /** Grey-level range (max − min) that makes a cell "busy". Default 28 (jsQR itself needs 24). */
  minContrast?: number;
  /** Smallest side of a candidate, in pixels of `grey`. Default 24. */
  minSide?: number;
  /** Largest side of a candidate, in pixels of `grey`. Default 0.6 × the image's short side. */
  maxSide?: number;
  /** Largest width/height ratio (either way) of a candidate on the finest grid. Default 2.2. */
  maxAspect?: number;
  /** Smallest share of busy cells inside a candidate's box. Default 0.35. */
  minFill?: number;
}

/** Per-cell grey minimum and maximum on a grid of `cell`-pixel cells. */
interface CellGrid {
  /** 0 for the finest grid, +1 for each halving. */
  level: number;
  cell: number;
  gw: number;
  gh: number;
  lo: Uint8Array;
  hi: Uint8Array;
}

function cellGrid(grey: GreyImage, cell: number): CellGrid {
  const { width, height, data } = grey;
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const lo = new Uint8Array(gw * gh).fill(255);
  const hi = new Uint8Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const rowCells = Math.floor(y / cell) * gw;
    const row = y * width;
    for (let cx = 0; cx < gw; cx++) {
      const end = Math.min(width, (cx + 1) * cell);
      let mn = lo[rowCells + cx]!;
      let mx = hi[rowCells + cx]!;
      for (let x = cx * cell; x < end; x++) {
        const v = data[row + x]!;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      lo[rowCells + cx] = mn;
      hi[rowCells + cx] = mx;
    }
  }
  return { level: 0, cell, gw, gh, lo, hi };
}

/** The grid with cells twice as large, each the union of four. */
function coarser(g: CellGrid): CellGrid {
  const gw = Math.ceil(g.gw / 2);
  const gh = Math.ceil(g.gh / 2);
  const lo = new Uint8Array(gw * gh).fill(255);
  const hi = new Uint8Array(gw * gh);
  for (let y = 0; y < g.gh; y++) {
    for (let x = 0; x < g.gw; x++) {
      const i = y * g.gw + x;
      const j = (y >> 1) * gw + (x >> 1);
      if (g.lo[i]! < lo[j]!) lo[j] = g.lo[i]!;
      if (g.hi[i]! > hi[j]!) hi[j] = g.hi[i]!;
    }
  }
  return { level: g.level + 1, cell: g.cell * 2, gw, gh, lo, hi };
}

interface Thresholds {
  minContrast: number;
  minSide: number;
  maxSide: number;
  maxAspect: number;
  minFill: number;
}

function componentsOf(g: CellGrid, width: number, height: number, t: Thresholds, out: QrCandidate[]): void {
  const { gw, gh, cell } = g;
  const busy = new Uint8Array(gw * gh);
  for (let i = 0; i < busy.length; i++) busy[i] = g.hi[i]! - g.lo[i]! >= t.minContrast ? 1 : 0;
  const seen = new Uint8Array(gw * gh);
  const stack = new Int32Array(gw * gh);
  const minCells = Math.max(2, Math.ceil(t.minSide / cell));
  for (let start = 0; start < busy.length; start++) {
    if (!busy[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let count = 0;
    let x0 = gw;
    let y0 = gh;
    let x1 = 0;
    let y1 = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const cx = i % gw;
      const cy = (i - cx) / gw;
      count++;
      if (cx < x0) x0 = cx;
      if (cx > x1) x1 = cx;
      if (cy < y0) y0 = cy;
      if (cy > y1) y1 = cy;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = cy + dy;
        if (ny < 0 || ny >= gh) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          if (nx < 0 || nx >= gw) continue;
          const j = ny * gw + nx;
          if (busy[j] && !seen[j]) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (bw < minCells || bh < minCells || Math.max(bw, bh) * cell > t.maxSide) continue;
    const aspect = Math.max(bw / bh, bh / bw);
    if (aspect > t.maxAspect) continue;
    const fill = count / (bw * bh);
    if (fill < t.minFill) continue;
    out.push({
      x: x0 * cell,
      y: y0 * cell,
      width: Math.min(width, (x1 + 1) * cell) - x0 * cell,
      height: Math.min(height, (y1 + 1) * cell) - y0 * cell,
      score: fill / aspect,
      level: g.level,
    });
  }
}

function containedShare(inner: PixelRect, outer: PixelRect): number {
  const w = Math.min(inner.x + inner.width, outer.x + outer.width) - Math.max(inner.x, outer.x);
  const h = Math.min(inner.y + inner.height, outer.y + outer.height) - Math.max(inner.y, outer.y);
  return w > 0 && h > 0 ? (w * h) / (inner.width * inner.height) : 0;
}

/**
 * Finds square-ish blobs of high local contrast in `grey`, best first.
 *
 * The image is cut into cells; a cell is busy when its grey range reaches `minContrast`.
 * Busy cells are joined into 8-connected components; a QR code is one dense, roughly square
 * component (its quiet zone keeps it apart from neighbouring text), while text lines are wide,
 * rules and buttons are thin, and flat backgrounds are not busy at all. Modules larger than a
 * cell break a code into pieces, so the search runs again on grids of 2× and 4× coarser cells,
 * and a box lying mostly inside a larger candidate is dropped. Returned boxes are in `grey`'s
 * pixels and not padded. Linear in the number of pixels.
 */
export function findQrCandidates(grey: GreyImage, options: FindQrCandidatesOptions = {}): QrCandidate[] {
  const t: Thresholds = {
    minContrast: options.minContrast ?? 28,
    minSide: options.minSide ?? 24,
    maxSide: options.maxSide ?? 0.6 * Math.min(grey.width, grey.height),
    maxAspect: options.maxAspect ?? 2.2,
    minFill: options.minFill ?? 0.35,
  };
  const all: QrCandidate[] = [];
  let grid = cellGrid(grey, options.cellSize ?? 4);
  for (let level = 0; level < 3; level++) {
    if (level > 0) grid = coarser(grid);
    // Coarse cells merge a code with its neighbours more easily: ask for a squarer blob there.
    componentsOf(grid, grey.width, grey.height, level === 0 ? t : { ...t, maxAspect: Math.min(t.maxAspect, 1.5) }, all);
  }
  // A piece of a code (a finder pattern, a cluster of modules) lies inside the whole code's
  // box found on a coarser grid; only a box that is itself code-like may hide its pieces.
  const isWholeCode = (c: QrCandidate) => c.score >= 0.7;
  const kept = all.filter(
    (c) => !all.some((o) => o !== c && isWholeCode(o) && o.width * o.height > c.width * c.height && containedShare(c, o) > 0.7),
  );
  return kept.sort((a, b) => b.score - a.score);
}
