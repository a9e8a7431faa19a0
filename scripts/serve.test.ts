import { describe, expect, it } from "vitest";
import { readPort, readWorkerCount } from "./serve.mjs";

describe("WEB_CONCURRENCY: how many server processes scripts/serve.mjs starts", () => {
  it("defaults to one per available core, at most four", () => {
    expect(readWorkerCount(undefined, 2)).toBe(2);
    expect(readWorkerCount("", 8)).toBe(4);
    expect(readWorkerCount(undefined, 3)).toBe(3);
    expect(readWorkerCount(undefined, 0)).toBe(1);
  });

  it("takes a whole number from 1 to 64", () => {
    expect(readWorkerCount("1", 2)).toBe(1);
    expect(readWorkerCount("4", 2)).toBe(4);
  });

  it("refuses anything else with a message that names the variable", () => {
    for (const bad of ["0", "-1", "2.5", "many", "65"]) {
      expect(() => readWorkerCount(bad, 2)).toThrow(/WEB_CONCURRENCY must be a whole number of server processes from 1 to 64/);
    }
  });
});

describe("the port scripts/serve.mjs passes to its workers as PORT", () => {
  it("is -p or --port when given, else PORT, else 3000", () => {
    expect(readPort(["-p", "4100"], {})).toBe("4100");
    expect(readPort(["--port=4200"], { PORT: "1" })).toBe("4200");
    expect(readPort([], { PORT: "5000" })).toBe("5000");
    expect(readPort([], {})).toBe("3000");
  });
});
