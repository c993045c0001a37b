import type { ApiKeyView } from "@offerkit/sdk";
import { noPositionals, onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json, table } from "../output";
import { parseScopes, scopesHelp } from "../scopes";

export const keysCreate: Command = {
  name: "keys create",
  summary: "Create a seller API key with chosen scopes; its secret is printed once",
  synopsis: "--name <text> --scope <scope>... [--json]",
  help: `Usage: offerkit keys create --name <text> --scope <scope>... [--json]

Creates an API key for this seller (needs an admin key). The secret is printed once, here:
the server keeps only its hash, so store it now (a password manager, your CI's secrets).
Give each tool the fewest scopes it needs.

Flags:
  --name <text>      What the key is for, e.g. "CI deploys" (1 to 100 characters)
  --scope <scope>    A scope, repeatable or comma-separated:
${scopesHelp}
  --json             Print { id, secret, keyPrefix, name, scopes } as the API returns it

Example:
  offerkit keys create --name "Sales ops laptop" --scope offers:read,offers:write
`,
  async run(args, io) {
    const command = "keys create";
    const { values, positionals } = parseCommandArgs(args, { name: { type: "string" }, scope: { type: "string", multiple: true } }, command);
    noPositionals(positionals, command);
    if (values.name === undefined) throw new UsageError("missing --name (what the key is for)", command);
    const scopes = parseScopes(values.scope ?? [], command);
    const client = connect(values, io);
    const key = await client.admin.apiKeys.create({ name: values.name, scopes });
    if (values.json) return io.write(json(key));
    io.write(
      `Created API key ${key.id} "${key.name}" with ${key.scopes.join(", ")}.\n\n` +
        `Secret (shown this once; store it now, it cannot be shown again):\n\n  ${key.secret}\n\n` +
        `Use it as OFFERKIT_API_KEY. Revoke it with offerkit keys revoke ${key.id}.\n`,
    );
  },
};

function status(key: ApiKeyView): string {
  return key.revokedAt === null ? "active" : `revoked ${key.revokedAt.slice(0, 10)}`;
}

export const keysList: Command = {
  name: "keys list",
  summary: "List the seller's API keys and buyer tokens, never their secrets",
  synopsis: "[--revoked] [--json]",
  help: `Usage: offerkit keys list [--revoked] [--json]

Lists the seller's API keys and buyer tokens (needs an admin key): ID, name, kind, the first
characters of the secret (to tell keys apart), scopes or the buyer account, when made and
whether revoked. Secrets are never shown again.

Flags:
  --revoked          Also list revoked keys
  --json             Print the keys as a JSON array, each exactly as the API returns it

Example:
  offerkit keys list
`,
  async run(args, io) {
    const command = "keys list";
    const { values, positionals } = parseCommandArgs(args, { revoked: { type: "boolean" } }, command);
    noPositionals(positionals, command);
    const client = connect(values, io);
    const keys = (await client.admin.apiKeys.list()).filter((key) => values.revoked || key.revokedAt === null);
    if (values.json) return io.write(json(keys));
    if (keys.length === 0) return io.write("No API keys.\n");
    io.write(
      table(
        ["ID", "NAME", "KIND", "PREFIX", "SCOPES", "CREATED", "STATUS"],
        keys.map((key) => [
          key.id,
          key.name,
          key.kind,
          key.keyPrefix,
          key.kind === "buyer" ? `buyer ${key.buyerAccount ?? ""}` : key.scopes.join(","),
          key.createdAt.slice(0, 10),
          status(key),
        ]),
      ),
    );
  },
};

export const keysRevoke: Command = {
  name: "keys revoke",
  summary: "Revoke an API key or buyer token at once",
  synopsis: "<key-id> [--json]",
  help: `Usage: offerkit keys revoke <key-id> [--json]

Revokes a key (needs an admin key): every request made with it fails from now on. Find the
ID with offerkit keys list. Revoking cannot be undone; create a new key instead.

Flags:
  --json             Print { "revoked": true, "keyId": ... } instead of text

Example:
  offerkit keys revoke key-V1StGXR8_Z5jdHi6B-myT
`,
  async run(args, io) {
    const command = "keys revoke";
    const { values, positionals } = parseCommandArgs(args, {}, command);
    const keyId = onePositional(positionals, "key ID", command);
    const client = connect(values, io);
    await client.admin.apiKeys.revoke({ keyId });
    if (values.json) return io.write(json({ revoked: true, keyId }));
    io.write(`Revoked ${keyId}: requests made with it now fail.\n`);
  },
};
