// Micro-check: a 10,000-point series with two phases. Logs the time; does not
// assert on it (CI machines vary), only that the result is complete.
import { describe, expect, it } from "vitest";
import { calculateSpc } from "./index";

describe("performance", () => {
  it("10,000 points, two phases", () => {
    // deterministic pseudo-noise (LCG) so the run is repeatable
    let seed = 42;
    const noise = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296 - 0.5) * 10;
    const data = Array.from({ length: 10_000 }, (_, i) => ({ x: `p${i}`, y: (i < 5_000 ? 100 : 90) + noise() }));
    const opts = { improvementDirection: "decrease" as const, rebaseAt: [5_000], target: 95 };
    for (let i = 0; i < 5; i++) calculateSpc(data, opts); // warm-up (JIT)
    const times: number[] = [];
    let r = calculateSpc(data, opts);
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      r = calculateSpc(data, opts);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`calculateSpc 10k points / 2 phases: median ${times[10]!.toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms`);
    expect(r.points).toHaveLength(10_000);
    expect(r.phases.map((p) => p.start)).toEqual([0, 5_000]);
  });
});
