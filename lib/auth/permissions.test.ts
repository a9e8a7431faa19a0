import { describe, expect, it } from "vitest";
import {
  ROLES,
  ROLE_LABELS,
  canCreateCaseIn,
  canEditCase,
  canExportCases,
  canManageMeasureTypes,
  canManageOrganisations,
  canManageUsers,
  canPublishCase,
  canViewCaseDraft,
  isRole,
  type CaseAccessInfo,
  type CurrentUser,
  type Role,
} from "./permissions";

const OWN = "00000000-0000-7000-8000-000000000001";
const OTHER = "00000000-0000-7000-8000-000000000002";
const STATUSES: CaseAccessInfo["status"][] = ["draft", "published", "archived"];

function user(role: Role, organisationId: string | null = OWN): CurrentUser {
  return {
    id: `u-${role}`,
    email: `${role}@example.test`,
    name: role,
    role,
    organisationId,
    organisationName: organisationId ? "Own" : null,
  };
}

// Expected answers for every role × (own / other organisation); the same for every status,
// because status changes what the public sees, not what these roles may do.
const expected: Record<Role, { view: [boolean, boolean]; edit: [boolean, boolean] }> = {
  admin: { view: [true, true], edit: [true, true] },
  analyst: { view: [true, false], edit: [true, false] },
  viewer: { view: [true, false], edit: [false, false] },
};

describe.each(ROLES)("%s", (role) => {
  for (const status of STATUSES) {
    for (const [i, org] of [OWN, OTHER].entries()) {
      const where = i === 0 ? "own" : "another";
      const c = { organisationId: org, status };
      it(`${status} case of ${where} organisation: view ${expected[role].view[i]}, edit/publish ${expected[role].edit[i]}`, () => {
        expect(canViewCaseDraft(user(role), c)).toBe(expected[role].view[i]);
        expect(canEditCase(user(role), c)).toBe(expected[role].edit[i]);
        expect(canPublishCase(user(role), c)).toBe(expected[role].edit[i]);
      });
    }
  }

  it("creating a case: in own organisation only an admin or analyst; elsewhere only an admin", () => {
    expect(canCreateCaseIn(user(role), OWN)).toBe(role !== "viewer");
    expect(canCreateCaseIn(user(role), OTHER)).toBe(role === "admin");
  });

  it("only an admin manages users, organisations and measure types; everyone signed in exports", () => {
    expect(canManageUsers(user(role))).toBe(role === "admin");
    expect(canManageOrganisations(user(role))).toBe(role === "admin");
    expect(canManageMeasureTypes(user(role))).toBe(role === "admin");
    expect(canExportCases(user(role))).toBe(true);
  });
});

describe("a user with no organisation", () => {
  it("as analyst or viewer reaches no organisation's drafts", () => {
    for (const role of ["analyst", "viewer"] as const) {
      const u = user(role, null);
      expect(canViewCaseDraft(u, { organisationId: OWN, status: "draft" })).toBe(false);
      expect(canEditCase(u, { organisationId: OWN, status: "draft" })).toBe(false);
      expect(canCreateCaseIn(u, OWN)).toBe(false);
    }
  });

  it("as admin still reaches everything", () => {
    const u = user("admin", null);
    expect(canEditCase(u, { organisationId: OTHER, status: "published" })).toBe(true);
    expect(canCreateCaseIn(u, OTHER)).toBe(true);
  });
});

describe("anonymous", () => {
  it("may do nothing", () => {
    const c = { organisationId: OWN, status: "draft" as const };
    expect(canViewCaseDraft(null, c)).toBe(false);
    expect(canEditCase(null, c)).toBe(false);
    expect(canPublishCase(null, c)).toBe(false);
    expect(canCreateCaseIn(null, OWN)).toBe(false);
    expect(canManageUsers(null)).toBe(false);
    expect(canManageOrganisations(null)).toBe(false);
    expect(canManageMeasureTypes(null)).toBe(false);
    expect(canExportCases(null)).toBe(false);
  });
});

describe("isRole", () => {
  it("accepts exactly the three roles", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const bad of ["Admin", "user", "", " admin", null, undefined, 1, ["admin"]]) expect(isRole(bad)).toBe(false);
  });

  it("has a label for every role", () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });
});
