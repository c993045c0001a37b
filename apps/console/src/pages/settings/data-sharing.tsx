import { useState } from "react";
import type { Session } from "../../session";
import { AsyncView, ErrorNote } from "../../ui";
import { useAsync } from "../../use-async";

/** The marketplace's data-sharing program: a seller outside it can make no private offer. */
export function DataSharingPanel({ session }: { session: Session }) {
  const settings = useAsync(() => session.client.admin.settings.get(), [session]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const change = async (enrolled: boolean) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await session.client.admin.settings.setDataSharing({ enrolled });
      settings.reload();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="data-sharing-heading">
      <h2 id="data-sharing-heading">Data sharing</h2>
      <AsyncView state={settings} what="the seller's settings">
        {({ name, dataSharingEnrolled }) => (
          <>
            <p>
              The marketplace takes private offers only from sellers enrolled in its data-sharing program. Seller <strong>{name}</strong> is{" "}
              <strong>{dataSharingEnrolled ? "enrolled" : "not enrolled"}</strong>
              {dataSharingEnrolled ? ": offers can be drafted and sent." : ": no offer can be drafted or sent until it is."}
            </p>
            <button type="button" className={dataSharingEnrolled ? undefined : "primary"} disabled={busy} onClick={() => void change(!dataSharingEnrolled)}>
              {dataSharingEnrolled ? "Leave the data-sharing program" : "Enroll in data sharing"}
            </button>
            {failure !== undefined && <ErrorNote error={failure} />}
          </>
        )}
      </AsyncView>
    </section>
  );
}
