import { describe, expect, it } from "vitest";
import { homePathFor } from "./home-path";

describe("homePathFor", () => {
  it("sends viewers to their home and analysts and admins to the workspace", () => {
    expect(homePathFor("viewer")).toBe("/dashboard");
    expect(homePathFor("analyst")).toBe("/workspace");
    expect(homePathFor("admin")).toBe("/workspace");
  });
});
