import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, findControlCharacter } from "@/lib/domain/control-characters";

// Every free-text field's base schema (issue 19): z.string() that refuses
// control characters (NUL, escape, …) and broken characters with a message,
// instead of letting PostgreSQL refuse them with a 500. Tab and line breaks
// are ordinary text. Chain trim/min/max after it as on z.string().

export function textSchema(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((v) => findControlCharacter(v) === null, { message: CONTROL_CHARACTER_MESSAGE, abort: true });
}

/** An optional free-text field: blank becomes null. */
export function optionalTextSchema(max: number, what: string) {
  return textSchema()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));
}
