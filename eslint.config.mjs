import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports flow one way: app → modules → components → lib (see README, "What is
// where"). A lower layer reaching up would tie shared code to one feature.
const layer = (files, forbidden) => ({
  files,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((dir) => ({
          group: [`@/${dir}`, `@/${dir}/*`, `**/${dir}/*`],
          message: `Imports flow app → modules → components → lib: ${files[0].split("/")[0]}/ must not import ${dir}/.`,
        })),
      },
    ],
  },
});

const config = [
  ...nextVitals,
  ...nextTs,
  // CommonJS files Next loads at run time (the cache handler) use require.
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  layer(["lib/**"], ["app", "modules", "components"]),
  layer(["components/**"], ["app", "modules"]),
  layer(["modules/**"], ["app"]),
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
