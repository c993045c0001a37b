import type { ContactChangesPage } from "@offerkit/sdk";
import { useRef, useState } from "react";
import type { Session } from "../../session";
import { AsyncView, Empty, ErrorNote } from "../../ui";
import { useAsync } from "../../use-async";
import { ContactsCsvButton } from "./contacts-csv-button";

type ContactChange = ContactChangesPage["changes"][number];

const PAGE_SIZE = 50;

/** Support contacts buyers shared, changed or withdrew, oldest first, page by page (`contacts:read`). */
export function ContactChanges({ session }: { session: Session }) {
  const first = useAsync(() => session.client.contacts.changes({ limit: PAGE_SIZE }), [session]);
  const [later, setLater] = useState<ContactChangesPage[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const generation = useRef(0);

  const refresh = () => {
    generation.current += 1;
    setLater([]);
    setMoreError(undefined);
    first.reload();
  };
  const loadMore = async (since: string) => {
    const asked = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await session.client.contacts.changes({ since, limit: PAGE_SIZE });
      if (asked === generation.current) setLater((pages) => [...pages, page]);
    } catch (error) {
      if (asked === generation.current) setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section aria-labelledby="contacts-heading" className="panel">
      <div className="page-head">
        <h2 id="contacts-heading">Product Support Connection contacts</h2>
        <button type="button" onClick={refresh}>
          Refresh
        </button>
        <ContactsCsvButton />
      </div>
      <p className="muted small">Contacts buyers shared for product support. Use them for support only.</p>
      <AsyncView state={first} what="support contacts">
        {(firstPage) => {
          const pages = [firstPage, ...later];
          const changes = pages.flatMap((page) => page.changes);
          const last = pages[pages.length - 1] ?? firstPage;
          if (changes.length === 0) return <Empty>No support contacts yet. Buyers of products enrolled in Product Support Connection can share them.</Empty>;
          return (
            <>
              <ChangesTable changes={changes} />
              {moreError !== undefined && <ErrorNote error={moreError} onRetry={() => loadMore(last.nextCursor)} />}
              {last.changes.length === PAGE_SIZE && (
                <div className="actions">
                  <button type="button" onClick={() => loadMore(last.nextCursor)} disabled={loadingMore}>
                    {loadingMore ? "Loading more..." : "Load more"}
                  </button>
                </div>
              )}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}

function ChangesTable({ changes }: { changes: ContactChange[] }) {
  return (
    // Focusable so that keyboard users can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-label="Support contact changes" tabIndex={0}>
      <table className="contacts-table stack-narrow">
        <caption id="contacts-caption" className="visually-hidden">
          Support contact changes, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Change</th>
            <th scope="col">Account and product</th>
            <th scope="col">Contact</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.sequence}>
              <td>{change.at.slice(0, 16).replace("T", " ")}</td>
              <td data-label="Change">
                <span className={`badge badge-contact-${change.operation.toLowerCase()}`}>{change.operation}</span>
              </td>
              <td data-label="Account">
                <div className="account-id">{change.account}</div>
                <div className="muted small mono">{change.productCode}</div>
              </td>
              <td data-label="Contact">
                <ContactDetails change={change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContactDetails({ change }: { change: ContactChange }) {
  const { contact } = change;
  if (!contact) return <span className="muted">Withdrawn by the buyer: no personal data is kept.</span>;
  const place = [contact.countryCode, contact.postalCode].filter(Boolean).join(" ");
  return (
    <ul className="plain">
      <li>
        <strong>
          {contact.givenName} {contact.surname}
        </strong>
        {contact.title && `, ${contact.title}`}
      </li>
      <li>{contact.organization}</li>
      <li>
        <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </li>
      <li>
        <a href={`tel:${contact.phoneE164 ?? contact.phone.replace(/[^0-9+]/g, "")}`}>{contact.phone}</a>
      </li>
      {place && <li className="muted">{place}</li>}
    </ul>
  );
}
