import { can, type Session } from "../../session";
import { ContactChanges } from "./contact-changes";
import { EligibilityLookup } from "./eligibility-lookup";

/** Customer eligibility (`support:read`) and support contacts (`contacts:read`), each with its own scope. */
export function SupportPage({ session }: { session: Session }) {
  return (
    <section aria-labelledby="support-heading">
      <h1 id="support-heading">Support</h1>
      {can(session, "support:read") && <EligibilityLookup session={session} />}
      {can(session, "contacts:read") && <ContactChanges session={session} />}
    </section>
  );
}
