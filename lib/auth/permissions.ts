// Who may do what, as pure functions of the signed-in user and the case. No server
// imports: pages, server actions, route handlers and tests all call the same rules.
//   admin    everything, in every organisation
//   analyst  creates, edits and publishes their own organisation's cases
//   viewer   reads everything published plus their own organisation's drafts
// Published cases are public, so reading them needs no check here.

export const ROLES = ["admin", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  analyst: "Analyst",
  viewer: "Viewer",
};

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
};

export type CaseAccessInfo = {
  organisationId: string;
  status: "draft" | "published" | "archived";
};

/** better-auth's set-role accepts any string, so every role that enters is checked here. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

function isAdmin(user: CurrentUser | null): boolean {
  return user?.role === "admin";
}

function belongsTo(user: CurrentUser, organisationId: string): boolean {
  return user.organisationId !== null && user.organisationId === organisationId;
}

/** Drafts (and archived cases) are seen by their own organisation and by admins. */
export function canViewCaseDraft(user: CurrentUser | null, c: CaseAccessInfo): boolean {
  if (!user) return false;
  return isAdmin(user) || belongsTo(user, c.organisationId);
}

export function canEditCase(user: CurrentUser | null, c: CaseAccessInfo): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  return user.role === "analyst" && belongsTo(user, c.organisationId);
}

/** Publishing is part of editing: whoever may edit a case may publish it. */
export function canPublishCase(user: CurrentUser | null, c: CaseAccessInfo): boolean {
  return canEditCase(user, c);
}

export function canCreateCaseIn(user: CurrentUser | null, organisationId: string): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  return user.role === "analyst" && belongsTo(user, organisationId);
}

export function canManageUsers(user: CurrentUser | null): boolean {
  return isAdmin(user);
}

export function canManageOrganisations(user: CurrentUser | null): boolean {
  return isAdmin(user);
}

export function canManageMeasureTypes(user: CurrentUser | null): boolean {
  return isAdmin(user);
}

/** Analysts propose approaches that reform write-ups name; an admin accepts them into the library. */
export function canProposeApproach(user: CurrentUser | null): boolean {
  return user?.role === "analyst" || isAdmin(user);
}

export function canManageApproaches(user: CurrentUser | null): boolean {
  return isAdmin(user);
}

/** Exports contain only what the user may see (the export filters rows), so any account may export. */
export function canExportCases(user: CurrentUser | null): boolean {
  return user !== null;
}
