import type { OfferView } from "@offerkit/sdk";
import { useState } from "react";
import { allProducts } from "../../products";
import { Link } from "../../router";
import { can, type Session } from "../../session";
import { timeLeft } from "../../time-left";
import { AccountIds, AsyncView, Empty } from "../../ui";
import { useAsync } from "../../use-async";

const STATUSES = ["draft", "sent", "accepted", "expired"] as const;
type Status = (typeof STATUSES)[number];

/** Every offer with where it stands; filters by status and product. */
export function OfferListPage({ session }: { session: Session }) {
  const [status, setStatus] = useState<Status | "">("");
  const [productId, setProductId] = useState("");
  const products = useAsync(() => allProducts(session), [session]);
  const offers = useAsync(async () => {
    const items: OfferView[] = [];
    for await (const offer of session.client.offers.listAll({ limit: 100, ...(status && { status }), ...(productId && { productId }) })) {
      items.push(offer);
      if (items.length >= 500) break;
    }
    return items;
  }, [session, status, productId]);
  const productOf = (id: string) => (products.status === "done" ? products.data.find((product) => product.id === id) : undefined);

  return (
    <section aria-labelledby="offers-heading">
      <div className="page-head">
        <h1 id="offers-heading">Offers</h1>
        {can(session, "offers:write") && (
          <Link to="/offers/new" className="button primary">
            New offer
          </Link>
        )}
      </div>
      <div className="filters">
        <label>
          Status{" "}
          <select value={status} onChange={(event) => setStatus(STATUSES.find((value) => value === event.target.value) ?? "")}>
            <option value="">All</option>
            {STATUSES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label>
          Product{" "}
          <select value={productId} onChange={(event) => setProductId(event.target.value)}>
            <option value="">All</option>
            {products.status === "done" &&
              products.data.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.title}
                </option>
              ))}
          </select>
        </label>
        <button type="button" onClick={offers.reload}>
          Refresh
        </button>
      </div>
      <AsyncView state={offers} what="offers">
        {(items) =>
          items.length === 0 ? (
            <Empty>{status || productId ? "No offer matches these filters." : "No offers yet. Make the first one with New offer."}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="stack-narrow">
                <thead>
                  <tr>
                    <th scope="col">Offer</th>
                    <th scope="col">Status</th>
                    <th scope="col">Product</th>
                    <th scope="col">Buyer accounts</th>
                    <th scope="col">Deadline</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((offer) => (
                    <tr key={offer.id}>
                      <td>
                        <Link to={`/offers/${offer.id}`}>{offer.name ?? "Untitled draft"}</Link>
                        <div className="muted mono small nowrap">{offer.id}</div>
                      </td>
                      <td data-label="Status">
                        <div>
                          <StatusBadge status={offer.status} />
                          {offer.status !== "draft" && offer.buyerAccounts.length > 1 && (
                            <div className="muted small acceptance-count">
                              {offer.acceptances.length} of {offer.buyerAccounts.length} accounts accepted
                            </div>
                          )}
                        </div>
                      </td>
                      <td data-label="Product">{productOf(offer.productId)?.title ?? offer.productId}</td>
                      <td data-label="Buyer accounts">
                        <AccountIds accounts={offer.buyerAccounts} />
                      </td>
                      <td data-label="Deadline">
                        {offer.acceptanceDeadline ?? "not set"}
                        {offer.acceptanceDeadline && (offer.status === "sent" || offer.status === "draft") && <div className="muted small">{timeLeft(offer.acceptanceDeadline)}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}

export function StatusBadge({ status }: { status: OfferView["status"] }) {
  return <span className={`badge badge-${status}`}>{status}</span>;
}
