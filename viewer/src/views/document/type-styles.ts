// Mention colours come from the same TYPE_COLORS as the explorer legend: one <style> built at start-up.
import { TYPE_COLORS } from '../../lib/colors.ts';

let done = false;

/** Install `.m.t-<Type>` rules (background tint + underline colour) once. */
export function installTypeStyles(): void {
  if (done) return;
  done = true;
  const css = Object.entries(TYPE_COLORS)
    .map(([t, c]) => `.m.t-${t}{--tc:${c};background:${c}2e;}`)
    .join('\n');
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
}
