// Delete summaries of the project and test groups: the shared plan sections,
// then lines about local files, then the question.
import { prompt } from '../../output/messages/common.js';
import type { Printer } from '../../output/printer.js';
import { confirmPlan, type PlanSections } from '../shared/delete-plan.js';

/**
 * confirmPlan prints the sections and asks at once; the local-file lines
 * belong between the two, so they are written just before the question.
 */
export async function confirmPlanWithFiles(out: Printer, plan: PlanSections, trailer: string[], confirmed: boolean): Promise<void> {
  if (confirmed) return;
  const withTrailer: Printer = Object.create(out, {
    dialog: {
      value: (text: string) => {
        if (text === prompt.areYouSure) trailer.forEach((l) => out.dialog(l));
        out.dialog(text);
      },
    },
  });
  await confirmPlan(withTrailer, plan, false);
}
