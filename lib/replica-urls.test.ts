import { describe, expect, it } from "vitest";
import { readReplicaUrls } from "./replica-urls";

describe("readReplicaUrls", () => {
  it("gives no replicas when unset or blank", () => {
    expect(readReplicaUrls(undefined)).toEqual([]);
    expect(readReplicaUrls(" , ")).toEqual([]);
  });

  it("splits on commas and trims", () => {
    expect(readReplicaUrls(" postgresql://ro@db-2:5432/metrics ,postgres://ro@db-3/metrics")).toEqual([
      "postgresql://ro@db-2:5432/metrics",
      "postgres://ro@db-3/metrics",
    ]);
  });

  it("names the malformed URL", () => {
    expect(() => readReplicaUrls("postgresql://ro@db-2/metrics,mysql://db-3/metrics")).toThrow(
      "DATABASE_REPLICA_URLS (URL 2): each URL must start with postgres:// or postgresql://",
    );
  });
});
