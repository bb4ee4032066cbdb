'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { createExperiment, startExperiment, stopExperiment } from './experiment-mutations';
import { createExperimentSchema, experimentIdSchema, stopExperimentSchema, variantsFromForm } from './experiment-schemas';

// Admin experiment actions (S11). Thin: the rules live in experiment-mutations.ts.

// A started or stopped experiment changes prices in every channel: drop every cached page.
const refreshEverywhere = () => revalidatePath('/', 'layout');

export const createExperimentAction = action({ schema: createExperimentSchema, access: access.admin }, async (form, { actor }) => {
  const id = await createExperiment(getDb(), { name: form.name, hypothesis: form.hypothesis ?? null, variants: variantsFromForm(form) }, actor);
  revalidatePath('/admin/experiments');
  redirect(`/admin/experiments/${id}?created=1`);
});

// Start and stop redirect back to the experiment: its controls change with its status, so the outcome is
// the page's banner (?started / ?stopped), not a message inside a form that is gone.
export const startExperimentAction = action({ schema: experimentIdSchema, access: access.admin }, async (input, { actor }) => {
  await startExperiment(getDb(), input.experimentId, actor);
  refreshEverywhere();
  redirect(`/admin/experiments/${input.experimentId}?started=1`);
});

export const stopExperimentAction = action({ schema: stopExperimentSchema, access: access.admin }, async (input, { actor }) => {
  await stopExperiment(getDb(), { experimentId: input.experimentId, winnerVariantId: input.winnerVariantId ?? null }, actor);
  refreshEverywhere();
  redirect(`/admin/experiments/${input.experimentId}?stopped=${input.winnerVariantId ? 'winner' : 'all'}`);
});
