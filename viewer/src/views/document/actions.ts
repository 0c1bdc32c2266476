// Sending a correction from the document view: who + base, the answer re-renders at once; 409 → reload.
import { ApiError, api } from '../../api.ts';
import type { CorrectResult, OntologySchema } from '../../api.ts';
import { doneMessage, prepare } from '../../lib/corrections.ts';
import type { Draft } from '../../lib/corrections.ts';
import type { Correction } from '../../../../src/annotate/types.ts';
import type { Entity, Extraction } from '../../../../src/types.ts';
import { annotator, history, recordDecision } from '../../state/annotator.ts';
import { toast } from '../toast.ts';

/** What the document view hands to actions. */
export interface DocContext {
  doc: string;
  sha256: string;
  text: string;
  sentences: [number, number][];
  schema: OntologySchema | null;
  extraction: () => Extraction;
  /** Every correction seen (the whole log, as of the last load plus our own since). */
  seen: () => Correction[];
  /** Take the server's answer: remember the correction and re-render with the corrected document. */
  applied: (res: CorrectResult) => void;
  reload: () => Promise<void>;
}



/**
 * POST one correction with ?view=<this document>; the answer carries the document corrected, so the
 * view re-renders without waiting for the graph rebuild (the explorer follows through /api/events).
 * On 409 tell who won and reload, so the annotator decides on top of the current state. `said` is the
 * toast for a correction whose action does not say what happened (an undo that unmerges), asked for
 * once the answer is applied (so it can name entities the correction brought back).
 */
export async function send(ctx: DocContext, draft: Draft, mode: 'decision' | 'undo' | 'redo' = 'decision', said?: () => string): Promise<Correction | null> {
  let input;
  try {
    input = prepare(draft, annotator.get(), ctx.seen());
  } catch (e) {
    toast((e as Error).message, 'error');
    document.querySelector<HTMLInputElement>('[data-testid=annotator]')?.focus();
    return null;
  }
  try {
    const res = await api.correct(input, ctx.doc);
    ctx.applied(res);
    if (mode === 'decision') recordDecision(res.correction);
    toast(doneMessage(draft, mode, said?.()), 'ok');
    return res.correction;
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      toast(`changed by ${e.body.current?.who ?? 'someone else'} — reloaded`, 'warn');
      await ctx.reload();
    } else {
      toast(e instanceof ApiError ? e.body.message ?? e.message : String(e), 'error');
    }
    return null;
  }
}

/** Revert the annotator's last correction (a new `undo` correction); it can then be redone. */
export async function undoLast(ctx: DocContext): Promise<void> {
  const last = history.get().undo.at(-1);
  if (!last) { toast('nothing to undo', 'info'); return; }
  const u = await send(ctx, { action: 'undo', undoes: last.seq }, 'undo');
  if (u) history.update((h) => ({ undo: h.undo.slice(0, -1), redo: [...h.redo, u] }));
}

/** Revert the last undo (an undo of the undo brings the decision back). */
export async function redoLast(ctx: DocContext): Promise<void> {
  const last = history.get().redo.at(-1);
  if (!last) { toast('nothing to redo', 'info'); return; }
  const r = await send(ctx, { action: 'undo', undoes: last.seq }, 'redo');
  if (r) history.update((h) => ({ undo: [...h.undo, r], redo: h.redo.slice(0, -1) }));
}

/** An entity of this document by id. */
export function entityIn(ctx: DocContext, id: string): Entity | undefined {
  return ctx.extraction().entities.find((e) => e.id === id);
}
