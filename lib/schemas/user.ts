import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";
import { ROLES, type Role } from "@/lib/auth/permissions";

// Accounts: the sign-in form, the admin user forms and `npm run user:create` parse with
// these. Passwords are checked for length only; better-auth hashes them.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const emailSchema = textSchema({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(254, "An email address is at most 254 characters")
  .pipe(z.email("Enter an email address like name@example.nhs.uk"));

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `A password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `A password must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, analyst or viewer" });

const nameSchema = textSchema({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "A name is at most 120 characters");

const userIdSchema = textSchema({ error: "Which user? Reload the page and try again." }).trim().min(1).max(64);

/** "" from a select means "no organisation". */
const organisationIdSchema = textSchema()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.uuid("Choose an organisation from the list").nullable());

/** Analysts edit their organisation's cases, so one without an organisation could do nothing. */
export function organisationRequiredFor(role: Role): boolean {
  return role === "analyst";
}

const ORGANISATION_REQUIRED = "An analyst must belong to an organisation: choose one";

export const signInSchema = z.object({
  // Sign-in does not apply the email format rule: a malformed address simply does not match.
  email: textSchema().trim().toLowerCase().min(1, "Enter your email address").max(254),
  password: z.string().min(1, "Enter your password").max(MAX_PASSWORD_LENGTH),
  next: textSchema().max(2000).optional(),
});

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    organisationId: organisationIdSchema,
    // Empty: the server generates a one-time password and shows it once to the admin.
    password: z.union([z.literal("").transform(() => null), passwordSchema]),
  })
  .refine((u) => !organisationRequiredFor(u.role) || u.organisationId !== null, {
    path: ["organisationId"],
    message: ORGANISATION_REQUIRED,
  });
export type CreateUserInput = z.output<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const changeOrganisationSchema = z.object({ userId: userIdSchema, organisationId: organisationIdSchema });

export const setDisabledSchema = z.object({
  userId: userIdSchema,
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export { ORGANISATION_REQUIRED };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(MAX_PASSWORD_LENGTH),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "Type the new password again" }).max(MAX_PASSWORD_LENGTH),
    next: z.string().max(2000).optional(),
  })
  .refine((p) => p.newPassword === p.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords are not the same" })
  .refine((p) => p.newPassword !== p.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });

export const resetPasswordSchema = z.object({ userId: userIdSchema });
