import type { BuyerInvitationView, OfferView } from "@offerkit/sdk";
import { useState } from "react";
import { can, type Session } from "../../session";
import { CopyButton, ErrorNote, ShortId } from "../../ui";
import { utcMinute } from "../../utc-minute";
import { acceptanceRows, acceptanceSummary, deadlinePassed, type AcceptanceRow } from "./acceptance-rows";
import { isRecordedLocally } from "./publication-status";

const STATE_TEXT: Record<AcceptanceRow["state"], string> = {
  accepted: "Accepted",
  waiting: "Not yet",
  lapsed: "Did not accept",
};

/**
 * Each targeted account of a sent offer: whether it accepted, when, and its agreement; for one
 * that has not, where this server is the buyers' marketplace, a one-time invitation link for the
 * rep to mail (on AWS the buyer accepts on the marketplace). A table on a wide screen, a card per
 * account on a phone.
 */
export function BuyerAccountsPanel({ session, offer, now = new Date() }: { session: Session; offer: OfferView; now?: Date }) {
  const rows = acceptanceRows(offer, now);
  const passed = deadlinePassed(offer.acceptanceDeadline, now);
  const invitable = !passed && isRecordedLocally(offer.publication) && can(session, "offers:write");
  return (
    <section aria-labelledby="buyers-heading" className="buyers">
      <h2 id="buyers-heading" className="table-title">
        Buyer accounts
      </h2>
      <p className="acceptance-summary">{acceptanceSummary(rows, passed)}</p>
      <div className="table-wrap">
        <table className="stack-narrow buyers-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Accepted</th>
              <th scope="col">When</th>
              <th scope="col">Agreement</th>
              {invitable && <th scope="col">Invitation</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.account} className={`acceptance-${row.state}`}>
                <td>
                  <span className="account-id">{row.account}</span>
                </td>
                <td data-label="Accepted">
                  <span className={`pill pill-${row.state}`}>{STATE_TEXT[row.state]}</span>
                </td>
                <td data-label="When">{row.acceptedAt ? utcMinute(row.acceptedAt) : row.state === "lapsed" ? "deadline passed" : "-"}</td>
                <td data-label="Agreement">
                  {row.agreementId ? <ShortId value={row.agreementId} label={`agreement ID of ${row.account}`} keep={12} /> : "-"}
                  {row.marketplaceAgreementId && (
                    <div className="small">
                      On the marketplace: <ShortId value={row.marketplaceAgreementId} label={`marketplace agreement ID of ${row.account}`} keep={12} />
                    </div>
                  )}
                </td>
                {invitable && <td data-label="Invitation">{row.state === "accepted" ? "-" : <InviteButton session={session} offerId={offer.id} account={row.account} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function InviteButton({ session, offerId, account }: { session: Session; offerId: string; account: string }) {
  const [invitation, setInvitation] = useState<BuyerInvitationView>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const invite = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      setInvitation(await session.client.offers.inviteBuyer({ offerId, account }));
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  if (invitation) {
    const id = `invitation-${account}`;
    return (
      <div className="invitation">
        <label htmlFor={id}>Invitation link for {account}: mail it to the buyer</label>
        <div className="copy-row">
          <input id={id} readOnly value={invitation.url} onFocus={(event) => event.target.select()} />
          <CopyButton text={invitation.url} label="Copy link" />
        </div>
        <p className="hint">Works once, until {utcMinute(invitation.expiresAt)}. It is shown only now.</p>
      </div>
    );
  }
  return (
    <>
      <button type="button" onClick={() => void invite()} disabled={busy} aria-label={`Make an invitation link for account ${account}`}>
        Make invitation link
      </button>
      {failure !== undefined && <ErrorNote error={failure} />}
    </>
  );
}
