// Series entry and the bridge from dated observations to the SPC engine.
export * from "./dates";
export * from "./frequency";
export * from "./parse";
export * from "./phases";
export * from "./headline";
export * from "./signal";
