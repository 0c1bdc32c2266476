// Sending a correction from the document view: who + base, 409 → "changed by X — reloaded".
import { ApiError, api } from '../../api.ts';
import { prepare } from '../../lib/corrections.ts';
import type { Draft } from '../../lib/corrections.ts';
import type { Correction } from '../../../../src/annotate/types.ts';
import { annotator } from '../../state/annotator.ts';
import { waitForVersion } from '../../state/server.ts';
import { toast } from '../toast.ts';

/** What the document view hands to actions: corrections seen, and how to reload. */
export interface DocContext {
  doc: string;
  sha256: string;
  seen: () => Correction[];
  reload: () => Promise<void>;
}

/**
 * POST one correction. On success wait for the rebuild that includes it, then reload the
 * document; on 409 tell who won and reload so the annotator decides on top of the current state.
 */
export async function sendCorrection(ctx: DocContext, draft: Draft): Promise<boolean> {
  let input;
  try {
    input = prepare(draft, annotator.get(), ctx.seen());
  } catch (e) {
    toast((e as Error).message, 'error');
    document.querySelector<HTMLInputElement>('[data-testid=annotator]')?.focus();
    return false;
  }
  try {
    const { version } = await api.correct(input);
    toast(`${draft.action} saved`, 'ok');
    await waitForVersion(version);
    await ctx.reload();
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      toast(`changed by ${e.body.current?.who ?? 'someone else'} — reloaded`, 'warn');
      await ctx.reload();
    } else {
      toast(e instanceof ApiError ? e.body.message ?? e.message : String(e), 'error');
    }
    return false;
  }
}
