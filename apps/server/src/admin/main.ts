#!/usr/bin/env node
import { errorMessage } from "@offerkit/core";
import { runAdmin } from "./run-admin";

// `offerkit-admin ...`, with the servers' own settings from the environment.
runAdmin(process.argv.slice(2), process.env, (chunk) => process.stdout.write(chunk), (chunk) => process.stderr.write(chunk)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  },
);
