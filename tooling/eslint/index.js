import tseslint from "typescript-eslint";

/**
 * Shared flat config: typescript-eslint's recommended rules, plus the house rules of
 * ARCHITECTURE.md that a linter can check (no `any`, no non-null assertions, no deep imports).
 */
export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@offerkit/*/src/*", "@offerkit/*/src"], message: "Import the package, not its files." }] },
      ],
    },
  },
);
