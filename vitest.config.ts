import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/browser.ts", "tests/setup/redisServer.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
