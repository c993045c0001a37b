import type { Session } from "../../session";
import { ClickStats } from "./click-stats";
import { LinkBuilder } from "./link-builder";
import { ReportDownloads } from "./report-downloads";

/** Campaign links with ref tags, what they brought, and the reports (`marketing:read`). */
export function MarketingPage({ session }: { session: Session }) {
  return (
    <section aria-labelledby="marketing-heading">
      <h1 id="marketing-heading">Marketing</h1>
      <LinkBuilder session={session} />
      <ClickStats session={session} />
      <ReportDownloads session={session} />
    </section>
  );
}
