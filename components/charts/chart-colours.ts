// Colours by meaning, following NHS "Making Data Count": blue for improvement,
// orange for concern, grey for neutral. Darkened to keep 3:1 contrast on white,
// and always paired with words or patterns so colour is never the only cue.
export type Tone = "improvement" | "concern" | "neutral";

export const CHART_COLOURS: Record<Tone, string> = {
  improvement: "#005eb8",
  concern: "#b35000",
  neutral: "#5f6b7a",
};
