import "server-only";
import { unstable_rethrow } from "next/navigation";
import { actionError, type ActionState } from "@/lib/action-state";
import { log } from "@/lib/log";

// Every exported server action runs through here (issue 17, issue 19). A
// server action is a public endpoint: a hand-made request can call it with
// `[null, null]`, a JSON body or a string instead of the form, and an
// unexpected failure (the database dropping) must not become a bare 500 that
// tells the user nothing. So: anything but FormData is answered as a form
// that could not be read; a failure nobody foresaw is logged with its stack
// and answered as "the service had a problem, nothing was saved". Next's own
// signals (redirect, notFound) pass through untouched.

export const FORM_UNREADABLE = "The form could not be read, so nothing was saved: reload the page and try again.";
export const SERVICE_PROBLEM =
  "The service had a problem, so nothing was saved. What you entered is still on this page: try again in a minute.";

export async function guardFormAction<S extends ActionState>(
  name: string,
  formData: unknown,
  run: (formData: FormData) => Promise<S>,
  serviceProblem: string = SERVICE_PROBLEM,
): Promise<S> {
  if (!(formData instanceof FormData)) return actionError(FORM_UNREADABLE) as S;
  try {
    return await run(formData);
  } catch (error) {
    unstable_rethrow(error);
    log.error({ err: error, action: name }, "server action failed");
    return actionError(serviceProblem) as S;
  }
}

/** For actions that answer nothing (a button that deletes, then the page re-renders). */
export async function guardVoidAction(name: string, formData: unknown, run: (formData: FormData) => Promise<void>): Promise<void> {
  if (!(formData instanceof FormData)) return;
  try {
    await run(formData);
  } catch (error) {
    unstable_rethrow(error);
    log.error({ err: error, action: name }, "server action failed");
  }
}
