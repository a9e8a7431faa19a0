import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";

// The measure-type library's admin form, shared by the form and the server
// actions. The enum values match prisma/schema.prisma.

export const CATEGORY_LABELS = {
  demand: "Demand",
  failure_demand: "Failure demand",
  flow: "Flow",
  handoffs: "Hand-offs",
  time: "Time",
  activity: "Activity",
  capacity: "Capacity",
  cost: "Cost",
  outcome: "Outcome",
  experience: "Experience",
} as const;

export const UNIT_LABELS = {
  count: "Count",
  hours: "Hours",
  days: "Days",
  weeks: "Weeks",
  months: "Months",
  money: "Money (£)",
  percent: "Percentage",
  rate: "Rate (per period)",
  ratio: "Ratio",
  score: "Score",
} as const;

type Category = keyof typeof CATEGORY_LABELS;
type Unit = keyof typeof UNIT_LABELS;
const DIRECTIONS = ["lower_is_better", "higher_is_better", "neutral"] as const;

// Reserved: static routes under /measures that a type's key would shadow.
const RESERVED_KEYS = new Set(["unmapped"]);

export const measureTypeKeySchema = textSchema()
  .trim()
  .min(2, "Enter a key of at least 2 characters")
  .max(60, "Keep the key to 60 characters or fewer")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, numbers and single hyphens, e.g. failure-demand")
  .refine((k) => !RESERVED_KEYS.has(k), "This key is reserved; choose another");

export const measureTypeFieldsSchema = z.object({
  name: textSchema().trim().min(1, "Enter a name").max(120, "Keep the name to 120 characters or fewer"),
  definition: textSchema()
    .trim()
    .min(10, "Write a definition of at least 10 characters")
    .max(1000, "Keep the definition to 1,000 characters or fewer"),
  countingUnit: textSchema().trim().min(1, "Say what one unit counts, e.g. one referral").max(120, "Keep it to 120 characters or fewer"),
  unit: z.enum(Object.keys(UNIT_LABELS) as [Unit, ...Unit[]], { error: "Choose a unit" }),
  direction: z.enum(DIRECTIONS, { error: "Choose which direction is better" }),
  category: z.enum(Object.keys(CATEGORY_LABELS) as [Category, ...Category[]], { error: "Choose a category" }),
});

export const createMeasureTypeSchema = measureTypeFieldsSchema.extend({ key: measureTypeKeySchema });

/** The key is fixed once created: it is in every explorer link people have shared. */
export const updateMeasureTypeSchema = measureTypeFieldsSchema.extend({ id: z.uuid("Unknown measure type") });

export type CreateMeasureTypeInput = z.infer<typeof createMeasureTypeSchema>;
export type UpdateMeasureTypeInput = z.infer<typeof updateMeasureTypeSchema>;
