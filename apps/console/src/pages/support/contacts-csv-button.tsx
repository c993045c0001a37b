import { useState } from "react";
import { downloadFromServer } from "../../download";
import { messageOf } from "../../errors";

type Download = { status: "idle" } | { status: "busy" } | { status: "saved"; fileName: string } | { status: "failed"; error: unknown };

/** The contact changes as the marketplace's CSV, from the server's export (up to 1,000 changes a file). */
export function ContactsCsvButton() {
  const [download, setDownload] = useState<Download>({ status: "idle" });
  const start = async () => {
    setDownload({ status: "busy" });
    try {
      setDownload({ status: "saved", fileName: await downloadFromServer("/contacts/export.csv", "support_contacts.csv") });
    } catch (error) {
      setDownload({ status: "failed", error });
    }
  };
  return (
    <div className="csv-download">
      <button type="button" onClick={start} disabled={download.status === "busy"}>
        Download CSV
      </button>
      <span role="status" className={download.status === "failed" ? "field-error" : "muted small"}>
        {download.status === "busy" && "Preparing the CSV..."}
        {download.status === "saved" && `Saved ${download.fileName}.`}
        {download.status === "failed" && `The CSV could not be downloaded: ${messageOf(download.error)}`}
      </span>
    </div>
  );
}
