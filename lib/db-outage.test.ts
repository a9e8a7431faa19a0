import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "./db-outage";

describe("isDatabaseUnreachable: errors that mean PostgreSQL could not be reached", () => {
  it("recognises refused and dropped connections, directly or as a cause", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnreachable(new Error("driver failed", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("x"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })]))).toBe(true);
  });

  it("does not take a failed query for an outage", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" }))).toBe(
      false,
    );
    expect(isDatabaseUnreachable(new Error("Record not found"))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
  });
});
