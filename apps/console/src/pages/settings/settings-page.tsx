import { useState } from "react";
import type { Session } from "../../session";
import { ApiKeysPanel } from "./api-keys";
import { BuyerTokens } from "./buyer-tokens";
import { DataSharingPanel } from "./data-sharing";
import { NewApiKey } from "./new-api-key";

/** What an admin sets up once: data sharing, the team's API keys, buyer tokens. */
export function SettingsPage({ session }: { session: Session }) {
  // A key made below shows in the list at once.
  const [generation, setGeneration] = useState(0);
  const issued = () => setGeneration((value) => value + 1);
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <DataSharingPanel session={session} />
      <NewApiKey session={session} onIssued={issued} />
      <ApiKeysPanel session={session} generation={generation} />
      <BuyerTokens session={session} onIssued={issued} />
    </section>
  );
}
