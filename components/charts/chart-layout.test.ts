import { describe, expect, it } from "vitest";
import { estimateTextWidth, layoutBarChart, NARROW_BELOW, wrapText } from "./chart-layout";

describe("wrapText", () => {
  it("keeps short text on one line", () => {
    expect(wrapText("Number of referrals", 300, 13)).toEqual(["Number of referrals"]);
  });

  it("wraps at spaces so no line is wider than asked", () => {
    const lines = wrapText("Demand returning into the system (failure demand)", 150, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Demand returning into the system (failure demand)");
    for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(150);
  });

  it("breaks an over-long word after a hyphen", () => {
    expect(wrapText("Face-to-face time", 70, 13)[0]).toBe("Face-to-");
  });

  it("cuts with an ellipsis past the last line allowed", () => {
    const lines = wrapText("one two three four five six seven eight nine ten", 40, 13, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
  });
});

describe("layoutBarChart", () => {
  const rows = [
    { label: "Number of assessments", valueLines: ["−64% (reported)", "improved"] },
    { label: "Demand returning into the system (failure demand)", valueLines: ["71% → 0% (−71 pp)", "improved"] },
  ];

  it("puts names at the left and values at the right on a wide screen", () => {
    const layout = layoutBarChart(rows, 820, "Change");
    expect(layout.narrow).toBe(false);
    expect(layout.labelWidth).toBeGreaterThan(0);
    expect(layout.margin.right).toBe(layout.valueColumn);
  });

  it("moves names above and values below the bars on a phone, within the width", () => {
    const layout = layoutBarChart(rows, 358, "Change: % for counts, hours and money; percentage points (pp) for % measures");
    expect(358).toBeLessThan(NARROW_BELOW);
    expect(layout.narrow).toBe(true);
    expect(layout.labelWidth).toBe(0);
    for (const lines of [...layout.labels, ...layout.values, layout.axisTitle]) {
      for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(358 - layout.margin.left);
    }
    expect(layout.axisTitle.length).toBeGreaterThan(1);
  });

  it("never lays out narrower than the minimum", () => {
    expect(layoutBarChart(rows, 120, "Change").width).toBe(300);
  });
});
