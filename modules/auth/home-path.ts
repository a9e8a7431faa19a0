import type { Role } from "@/lib/auth/permissions";

// Each role's home after signing in: a viewer (a leader or board member) reads
// their organisation's cases and saved comparisons on /dashboard; analysts and
// admins work on cases in /workspace.
export function homePathFor(role: Role): string {
  return role === "viewer" ? "/dashboard" : "/workspace";
}
