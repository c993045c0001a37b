import type { BuyerInvitationView, OfferView } from "@offerkit/sdk";
import { useState } from "react";
import { can, type Session } from "../../session";
import { CopyButton, ErrorNote } from "../../ui";

/** Published by this server itself (the local marketplace): it has no marketplace offer ID. */
export function isPublishedHere(publication: OfferView["publication"]): boolean {
  return publication.state === "published" && publication.marketplaceOfferId === null;
}

/**
 * Each buyer account of a sent offer: whether it accepted and when, and for one that has not, a
 * one-time invitation link for the rep to mail (only where this server is the buyer's
 * marketplace: on AWS the buyer accepts on the marketplace).
 */
export function BuyerAccountsPanel({ session, offer }: { session: Session; offer: OfferView }) {
  const invitable = offer.status !== "expired" && isPublishedHere(offer.publication) && can(session, "offers:write");
  return (
    <section aria-labelledby="buyers-heading" className="buyers">
      <h2 id="buyers-heading" className="table-title">
        Buyer accounts
      </h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Accepted</th>
              {invitable && <th scope="col">Invitation</th>}
            </tr>
          </thead>
          <tbody>
            {offer.buyerAccounts.map((account) => {
              const acceptance = offer.acceptances.find((entry) => entry.account === account);
              return (
                <tr key={account}>
                  <td className="mono nowrap">{account}</td>
                  <td>{acceptance ? `${new Date(acceptance.acceptedAt).toLocaleString()} (agreement ${acceptance.agreementId})` : "not yet"}</td>
                  {invitable && <td>{acceptance ? "" : <InviteButton session={session} offerId={offer.id} account={account} />}</td>}
                </tr>
              );
            })}
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
        <p className="hint">Works once, until {new Date(invitation.expiresAt).toLocaleString()}. It is shown only now.</p>
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
