// The shape every server action returns to its form (React 19 useActionState):
// a message for the whole form plus messages keyed by field path, e.g.
// "title" or "measures.2.before", shown next to the field they are about.
import type { z } from "zod";

export interface ActionState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export const IDLE: ActionState = { status: "idle" };

export function actionError(message: string, fieldErrors?: Record<string, string[]>): ActionState {
  return { status: "error", message, fieldErrors };
}

export function actionSuccess(message: string): ActionState {
  return { status: "success", message };
}

/** zod issues → { "measures.2.before": ["A percentage must be between 0 and 100"] } */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function invalidInput(error: z.ZodError): ActionState {
  return actionError("Some answers need correcting: see the messages next to them.", fieldErrorsFrom(error));
}
