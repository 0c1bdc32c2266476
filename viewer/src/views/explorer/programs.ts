// Edge programs shared by the graph and the focus layer: straight lines/arrows, and curves for parallel ties.
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import type { Settings } from 'sigma/settings';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';

// The curve programs would draw their own labels; ours (labels.ts, via the instance's
// defaultDrawEdgeLabel) handle collisions and halos for curves too.
const drawLabel = ((ctx: CanvasRenderingContext2D, e: never, s: never, t: never, settings: Settings) =>
  settings.defaultDrawEdgeLabel(ctx, e, s, t, settings)) as never;

/** `edgeProgramClasses` for sigma: line, arrow, curved, curvedArrow. */
export const EDGE_PROGRAMS = {
  line: EdgeLineProgram,
  arrow: EdgeArrowProgram,
  curved: createEdgeCurveProgram({ drawLabel }),
  curvedArrow: createEdgeCurveProgram({ drawLabel, arrowHead: { extremity: 'target', lengthToThicknessRatio: 2.5, widenessToThicknessRatio: 2 } }),
};

/** Only the straight programs: a graph without parallel ties does not compile the curve shaders. */
export const STRAIGHT_PROGRAMS = { line: EdgeLineProgram, arrow: EdgeArrowProgram };

/** Program name for an edge: curved when it has a curvature (a parallel tie), arrow when directed and arrows are on. */
export function edgeProgram(curvature: number | undefined, arrow: boolean): keyof typeof EDGE_PROGRAMS {
  if (curvature) return arrow ? 'curvedArrow' : 'curved';
  return arrow ? 'arrow' : 'line';
}
