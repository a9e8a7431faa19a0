// Demo and reference data. The reference case is exactly as reported in
// shared/DOMAIN.md: four of its six figures are reported-only percentage
// changes and are stored as such — no raw values are invented for them.
// Every other case here is FICTIONAL example data (isExample: true), shown
// with a label on every page, so the comparison features have something to compare.
import type { Direction, MeasureCategory, MeasureUnit, ReformShift, Sector } from "@/lib/generated/prisma/enums";
import type { MeasureFormValues } from "@/lib/schemas/measure";
import type { SeedSeries } from "./seed-series";

export interface SeedApproach {
  key: string;
  name: string;
  description: string;
  sourceCitation: string;
  sourceUrl: string;
}

export { approaches } from "./seed-approaches";

export interface SeedMeasureType {
  key: string;
  name: string;
  definition: string;
  countingUnit: string;
  unit: MeasureUnit;
  direction: Direction;
  category: MeasureCategory;
}

export const measureTypes: SeedMeasureType[] = [
  {
    key: "assessments",
    name: "Number of assessments",
    definition: "Formal assessments carried out for the people in scope during the period.",
    countingUnit: "one assessment",
    unit: "count",
    direction: "lower_is_better",
    category: "activity",
  },
  {
    key: "referrals",
    name: "Number of referrals",
    definition: "Referrals made between services or teams for the people in scope.",
    countingUnit: "one referral",
    unit: "count",
    direction: "lower_is_better",
    category: "activity",
  },
  {
    key: "people-involved",
    name: "People involved end to end",
    definition: "How many people or teams touch one case from first contact until the need is met.",
    countingUnit: "one person or team per case",
    unit: "count",
    direction: "lower_is_better",
    category: "handoffs",
  },
  {
    key: "hand-offs",
    name: "Hand-offs per case",
    definition: "Times a case passes from one person or team to another, end to end.",
    countingUnit: "one hand-off",
    unit: "count",
    direction: "lower_is_better",
    category: "handoffs",
  },
  {
    key: "hours-spent",
    name: "Total hours spent on the cases",
    definition: "Staff hours spent on the cases in scope, all roles.",
    countingUnit: "one staff hour",
    unit: "hours",
    direction: "lower_is_better",
    category: "activity",
  },
  {
    key: "face-to-face-time",
    name: "Face-to-face time as % of total time",
    definition: "Share of staff time spent with the person rather than on administration or travel.",
    countingUnit: "percentage of staff time",
    unit: "percent",
    direction: "higher_is_better",
    category: "capacity",
  },
  {
    key: "failure-demand",
    name: "Failure demand as % of all demand",
    definition:
      "Demand caused by a failure to do something, or to do it right, for the person (chasing, repeat contact, re-referral), as a share of all demand.",
    countingUnit: "percentage of all demand",
    unit: "percent",
    direction: "lower_is_better",
    category: "failure_demand",
  },
  {
    key: "end-to-end-time",
    name: "End-to-end time",
    definition: "Days from the person's first contact to their need being met, from their point of view.",
    countingUnit: "one calendar day",
    unit: "days",
    direction: "lower_is_better",
    category: "time",
  },
  {
    key: "repeat-contacts",
    name: "Repeat contacts",
    definition: "Contacts about a need that has already been raised, counted over the period's basis.",
    countingUnit: "one repeat contact",
    unit: "rate",
    direction: "lower_is_better",
    category: "failure_demand",
  },
  {
    key: "cost-of-care",
    name: "Cost of care",
    definition: "Spend on care and support for the people in scope over the period.",
    countingUnit: "one pound sterling",
    unit: "money",
    direction: "lower_is_better",
    category: "cost",
  },
  {
    key: "felt-listened-to",
    name: "People who felt listened to",
    definition: "Share of people surveyed who said they felt listened to.",
    countingUnit: "percentage of respondents",
    unit: "percent",
    direction: "higher_is_better",
    category: "experience",
  },
  {
    key: "emergency-admissions",
    name: "Emergency admissions",
    definition: "Unplanned hospital admissions of the people in scope.",
    countingUnit: "one admission",
    unit: "count",
    direction: "lower_is_better",
    category: "outcome",
  },
];

/** A measure as the editor would submit it (checked by the same zod schema), plus its library type and series. */
export type SeedMeasure = Omit<MeasureFormValues, "measureTypeKey"> & {
  typeKey?: string;
  /** Monthly observations for an SPC chart (prisma/seed-series.ts). */
  series?: SeedSeries;
};

export interface SeedCase {
  slug: string;
  title: string;
  organisation: { slug: string; name: string };
  isExample: boolean;
  reportingOrganisation?: string;
  country?: string;
  summary: string;
  sector: Sector;
  approachKey?: string;
  reformShifts: ReformShift[];
  interventionDate?: string;
  baselinePeriod?: string;
  followUpPeriod?: string;
  sourceCitation: string;
  sourceUrl?: string;
  evidenceLevel: number;
  measures: SeedMeasure[];
}

export const REFERENCE_CASE_SLUG = "integrated-health-and-social-care";

const editorial = { slug: "reform-metrics-editorial", name: "Reform Metrics editorial team" };

export const referenceCase: SeedCase = {
  slug: REFERENCE_CASE_SLUG,
  title: "Integrated health & social care",
  organisation: editorial,
  isExample: false,
  summary: [
    "Staff were freed from the rules, structures and procedures of the existing NHS system and worked to",
    "**relational principles** instead: one multidisciplinary team in the locality, working across the",
    "public sector and designing the work around the person.",
    "",
    "The results were reported in the context of the three shifts of NHS reform — hospital to community,",
    "analogue to digital, sickness to prevention.",
    "",
    "Four of the six results were reported as percentage changes only; the source does not give the",
    "underlying numbers, so none are shown here.",
  ].join("\n"),
  sector: "health_and_social_care",
  approachKey: "relational-public-services",
  reformShifts: ["hospital_to_community", "analogue_to_digital", "sickness_to_prevention"],
  sourceCitation:
    "Integrated health & social care: reported results of a relational reform (figures as reported by the reform team; raw counts not published).",
  evidenceLevel: 1,
  measures: [
    {
      typeKey: "assessments",
      label: "Number of assessments",
      unit: "count",
      direction: "lower_is_better",
      reportedChange: "-64",
      reportedChangeWording: "down 64%",
    },
    {
      typeKey: "people-involved",
      label: "People involved end to end",
      unit: "count",
      direction: "lower_is_better",
      reportedChange: "-32",
      reportedChangeWording: "down 32%",
    },
    {
      typeKey: "referrals",
      label: "Number of referrals",
      unit: "count",
      direction: "lower_is_better",
      reportedChange: "-41",
      reportedChangeWording: "down 41%",
    },
    {
      typeKey: "hours-spent",
      label: "Total hours spent on the cases",
      unit: "hours",
      direction: "lower_is_better",
      reportedChange: "-14",
      reportedChangeWording: "down 14%",
    },
    {
      typeKey: "face-to-face-time",
      label: "Face-to-face time as % of total time",
      unit: "percent",
      direction: "higher_is_better",
      before: "46",
      beforeWording: "46%",
      after: "60",
      afterWording: "60%",
      reportedChange: "14",
      reportedChangeBasis: "percentage_points",
      reportedChangeWording: "+14 pp",
    },
    {
      typeKey: "failure-demand",
      label: "Demand returning into the system (failure demand)",
      unit: "percent",
      direction: "lower_is_better",
      before: "71",
      beforeWording: "71%",
      after: "0",
      afterWording: "0%",
      reportedChange: "-71",
      reportedChangeBasis: "percentage_points",
      reportedChangeWording: "from 71% to 0%",
    },
  ],
};

const FICTIONAL_SOURCE = "Fictional example data created for the Reform Metrics demo. Not a real organisation or result.";

export const exampleCases: SeedCase[] = [
  {
    slug: "northshire-adult-social-care-front-door",
    title: "Northshire adult social care front door",
    organisation: { slug: "northshire-county-council", name: "Northshire County Council (fictional)" },
    isExample: true,
    summary:
      "A fictional council redesigned its adult social care front door after studying demand: what people asked for, and how much of it was failure demand caused by the service itself.",
    sector: "social_care",
    approachKey: "vanguard-method",
    reformShifts: ["sickness_to_prevention"],
    interventionDate: "2023-04-01",
    baselinePeriod: "2022/23",
    followUpPeriod: "2023/24",
    sourceCitation: FICTIONAL_SOURCE,
    evidenceLevel: 1,
    measures: [
      {
        typeKey: "failure-demand",
        label: "Failure demand at the front door",
        unit: "percent",
        direction: "lower_is_better",
        before: "62",
        after: "18",
        beforeWording: "62% of calls",
        afterWording: "18% of calls",
      },
      {
        typeKey: "end-to-end-time",
        label: "End-to-end time to first support",
        unit: "days",
        direction: "lower_is_better",
        before: "49",
        after: "12",
        afterQualifier: "about",
        afterWording: "around 12 days",
      },
      {
        typeKey: "hand-offs",
        label: "Hand-offs per case",
        unit: "count",
        direction: "lower_is_better",
        before: "7",
        after: "2",
        beforeQualifier: "at_most",
        beforeWording: "up to seven",
      },
      {
        typeKey: "assessments",
        label: "Number of assessments",
        unit: "count",
        direction: "lower_is_better",
        before: "1240",
        after: "610",
        sampleSize: 1240,
      },
      {
        typeKey: "felt-listened-to",
        label: "People who felt listened to",
        unit: "percent",
        direction: "higher_is_better",
        after: "94",
        afterQualifier: "at_least",
        afterWording: "over 94% of people felt listened to",
        sampleSize: 212,
      },
    ],
  },
  {
    slug: "riverton-neighbourhood-health-teams",
    title: "Riverton neighbourhood health teams",
    organisation: { slug: "riverton-health-partnership", name: "Riverton Health Partnership (fictional)" },
    isExample: true,
    summary:
      "A fictional partnership moved community nurses, therapists and social workers into neighbourhood teams with shared learning cycles instead of activity targets. Referrals fell; emergency admissions rose slightly — a trade-off the team is still learning about.",
    sector: "health",
    approachKey: "human-learning-systems",
    reformShifts: ["hospital_to_community", "sickness_to_prevention"],
    interventionDate: "2024-01-01",
    baselinePeriod: "2023",
    followUpPeriod: "2024",
    sourceCitation: FICTIONAL_SOURCE,
    evidenceLevel: 2,
    measures: [
      { typeKey: "referrals", label: "Number of referrals", unit: "count", direction: "lower_is_better", before: "2100", after: "1450" },
      {
        typeKey: "emergency-admissions",
        label: "Emergency admissions",
        unit: "count",
        direction: "lower_is_better",
        before: "380",
        after: "410",
      },
      {
        typeKey: "face-to-face-time",
        label: "Face-to-face time as % of total time",
        unit: "percent",
        direction: "higher_is_better",
        before: "38",
        after: "55",
      },
      {
        typeKey: "cost-of-care",
        label: "Cost of care packages",
        unit: "money",
        direction: "lower_is_better",
        before: "4200000",
        after: "3650000",
        afterQualifier: "about",
        beforeWording: "£4.2m",
        afterWording: "approximately £3.65m",
      },
    ],
  },
  {
    slug: "eastfield-housing-repairs",
    title: "Eastfield housing repairs",
    organisation: { slug: "eastfield-homes", name: "Eastfield Homes (fictional)" },
    isExample: true,
    summary:
      "A fictional housing association studied its repairs service from the tenant's point of view and rebuilt it around fixing the problem on the first visit.",
    sector: "housing",
    approachKey: "vanguard-method",
    reformShifts: [],
    interventionDate: "2022-09-01",
    baselinePeriod: "2021/22",
    followUpPeriod: "2022/23",
    sourceCitation: FICTIONAL_SOURCE,
    evidenceLevel: 1,
    measures: [
      {
        typeKey: "end-to-end-time",
        label: "Days to complete a repair",
        unit: "days",
        direction: "lower_is_better",
        before: "24",
        after: "7",
        afterQualifier: "at_most",
        afterWording: "less than a week",
      },
      {
        label: "Repeat visits",
        unit: "count",
        direction: "lower_is_better",
        reportedChange: "-50",
        reportedChangeQualifier: "at_least",
        reportedChangeWording: "more than halved",
      },
      {
        label: "Complaints escalated to the ombudsman",
        unit: "count",
        direction: "lower_is_better",
        before: "0",
        after: "2",
        notes: "Zero baseline: the relative change is undefined, so only the absolute change is shown.",
      },
      {
        typeKey: "failure-demand",
        label: "Failure demand",
        unit: "percent",
        direction: "lower_is_better",
        reportedChange: "-81",
        reportedChangeBasis: "unspecified",
        reportedChangeWording: "an 81% reduction in failure demand",
      },
    ],
  },
  {
    slug: "westmoor-early-help",
    title: "Westmoor police and council early help",
    organisation: { slug: "westmoor-community-safety", name: "Westmoor Community Safety Partnership (fictional)" },
    isExample: true,
    summary:
      "A fictional police force and council worked relationally with households that called most often. The source reports a 60% drop in repeat calls; its own figures give 51% — Reform Metrics flags the difference.",
    sector: "policing",
    approachKey: "relational-public-services",
    reformShifts: ["sickness_to_prevention"],
    interventionDate: "2023-10-01",
    baselinePeriod: "six months before",
    followUpPeriod: "six months after",
    sourceCitation: FICTIONAL_SOURCE,
    evidenceLevel: 1,
    measures: [
      {
        typeKey: "repeat-contacts",
        label: "Repeat calls",
        unit: "rate",
        rateBasis: "per day",
        direction: "lower_is_better",
        before: "21.2",
        after: "10.4",
        reportedChange: "-60",
        reportedChangeWording: "a 60% drop",
      },
      {
        typeKey: "referrals",
        label: "Referrals to children's social care",
        unit: "count",
        direction: "lower_is_better",
        before: "310",
        after: "236",
      },
      {
        typeKey: "hand-offs",
        label: "Agencies involved per household",
        unit: "count",
        direction: "lower_is_better",
        before: "6",
        after: "3",
        beforeQualifier: "about",
      },
    ],
  },
];
