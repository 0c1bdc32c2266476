import { describe, expect, it } from 'vitest';
import { fitCamera } from '../../viewer/src/lib/camera-fit.ts';
import type { FitView } from '../../viewer/src/lib/camera-fit.ts';

const view = (patch: Partial<FitView> = {}): FitView => ({
  width: 800, height: 600, kx: 600, ky: -600, padding: { top: 0, right: 0, bottom: 0, left: 0 },
  minRatio: 0.01, maxRatio: 4, singleRatio: 0.3, ...patch,
});
/** Where a framed point lands on screen for a camera (the model fitCamera inverts). */
const _screen = (p: { x: number; y: number }, cam: { x: number; y: number; ratio: number }, v: FitView) =>
  ({ x: v.width / 2 + ((p.x - cam.x) * v.kx) / cam.ratio, y: v.height / 2 + ((p.y - cam.y) * v.ky) / cam.ratio });

describe('fitCamera', () => {
  it('should return null without points', () => {
    expect(fitCamera([], view())).toBeNull();
  });

  it.each([
    ['no padding', { top: 0, right: 0, bottom: 0, left: 0 }],
    ['room for labels on the right', { top: 30, right: 220, bottom: 30, left: 30 }],
    ['a panel on the left', { top: 10, right: 10, bottom: 10, left: 300 }],
  ])('should put every point inside the padded viewport (%s)', (_name, padding) => {
    const v = view({ padding });
    const pts = [{ x: 0.2, y: 0.3 }, { x: 0.45, y: 0.35 }, { x: 0.3, y: 0.6 }];
    const cam = fitCamera(pts, v)!;
    const on = pts.map((p) => _screen(p, cam, v));
    for (const s of on) {
      expect(s.x).toBeGreaterThanOrEqual(padding.left - 1e-6);
      expect(s.x).toBeLessThanOrEqual(v.width - padding.right + 1e-6);
      expect(s.y).toBeGreaterThanOrEqual(padding.top - 1e-6);
      expect(s.y).toBeLessThanOrEqual(v.height - padding.bottom + 1e-6);
    }
    // as large as fits: one axis spans the whole padded extent
    const spanX = Math.max(...on.map((s) => s.x)) - Math.min(...on.map((s) => s.x));
    const spanY = Math.max(...on.map((s) => s.y)) - Math.min(...on.map((s) => s.y));
    const fillX = spanX / (v.width - padding.left - padding.right), fillY = spanY / (v.height - padding.top - padding.bottom);
    expect(Math.max(fillX, fillY)).toBeCloseTo(1, 6);
  });

  it('should centre a single point at the single-node ratio, within the ratio bounds', () => {
    expect(fitCamera([{ x: 0.7, y: 0.1 }], view())).toEqual({ x: 0.7, y: 0.1, ratio: 0.3 });
    expect(fitCamera([{ x: 0, y: 0 }], view({ singleRatio: 0.001 }))!.ratio).toBe(0.01);
    expect(fitCamera([{ x: 0, y: 0 }, { x: 100, y: 0 }], view())!.ratio).toBe(4);
  });
});
