// Array helpers safe on input-sized arrays: `a.push(...b)` and `Math.max(...b)` pass every element as
// an argument, and past ~100k elements that overflows the stack ("Maximum call stack size exceeded").

/** Appends every item of `items` to `target` (a loop, not a spread); returns `target`. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/** The largest number of `xs` (-Infinity when empty), without spreading them as arguments. */
export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}
