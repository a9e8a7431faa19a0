import { describe, expect, it } from "vitest";
import { blockingAdvisories } from "./audit.mjs";

const report = {
  vulnerabilities: {
    next: {
      severity: "high",
      via: [
        { source: 1, name: "next", title: "Cache poisoning", url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc", severity: "high" },
      ],
    },
    "some-wrapper": { severity: "high", via: ["next"] },
    lodash: {
      severity: "moderate",
      via: [
        {
          source: 2,
          name: "lodash",
          title: "Prototype pollution",
          url: "https://github.com/advisories/GHSA-dddd-eeee-ffff",
          severity: "moderate",
        },
      ],
    },
  },
};

describe("the dependency audit", () => {
  it("fails on high and critical advisories, once each, not on moderate ones", () => {
    expect(blockingAdvisories(report).map((a) => a.id)).toEqual(["GHSA-aaaa-bbbb-cccc"]);
  });

  it("passes an advisory documented as an exception", () => {
    expect(blockingAdvisories(report, { "GHSA-aaaa-bbbb-cccc": "not reachable: we do not use the image optimiser" })).toEqual([]);
  });

  it("passes a clean report", () => {
    expect(blockingAdvisories({ vulnerabilities: {} })).toEqual([]);
  });
});
