// Plain-English labels for the enumerations stored in the database.
// Pure data: shared by pages, forms, CSV and downloads so wording stays consistent.

export const SECTOR_LABELS = {
  health: "Health",
  social_care: "Social care",
  health_and_social_care: "Health and social care",
  local_government: "Local government",
  housing: "Housing",
  policing: "Policing",
  education: "Education",
  welfare: "Welfare",
  other: "Other",
} as const;

export const REFORM_SHIFT_LABELS = {
  hospital_to_community: "Hospital to community",
  analogue_to_digital: "Analogue to digital",
  sickness_to_prevention: "Sickness to prevention",
} as const;

export const DIRECTION_LABELS = {
  lower_is_better: "Lower is better",
  higher_is_better: "Higher is better",
  neutral: "Neither direction is better",
} as const;

// Maryland Scientific Methods Scale. A plain before/after with no comparison
// group is level 1: it cannot separate the reform's effect from everything
// else that changed at the same time.
export const EVIDENCE_LEVELS = {
  1: "Before and after, no comparison group",
  2: "Before and after with some adjustment, or a cross-sectional comparison",
  3: "Before and after with a matched comparison group",
  4: "Comparison with careful control of other differences (e.g. natural experiment)",
  5: "Randomised controlled trial",
} as const;

export type EvidenceLevel = keyof typeof EVIDENCE_LEVELS;

export function describeEvidenceLevel(level: number): string {
  const text = EVIDENCE_LEVELS[level as EvidenceLevel];
  return text ? `Level ${level} of 5 on the Maryland Scientific Methods Scale: ${text.toLowerCase()}` : `Level ${level}`;
}
