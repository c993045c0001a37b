import { allProducts } from "../../products";
import { navigate } from "../../router";
import type { Session } from "../../session";
import { AsyncView, Empty } from "../../ui";
import { useAsync } from "../../use-async";
import { OfferForm } from "./offer-form/offer-form";
import { valuesOf } from "./offer-form/offer-form-values";

/** A new draft; it can be edited until it is sent. */
export function OfferCreatePage({ session }: { session: Session }) {
  const products = useAsync(() => allProducts(session), [session]);
  return (
    <section aria-labelledby="create-heading">
      <h1 id="create-heading">New offer</h1>
      <AsyncView state={products} what="products">
        {(items) =>
          items.length === 0 ? (
            <Empty>There is no product to make an offer for yet.</Empty>
          ) : (
            <OfferForm
              session={session}
              products={items}
              initial={valuesOf(null)}
              submitLabel="Create draft"
              onSubmit={async (terms) => {
                const draft = await session.client.offers.create(terms);
                navigate(`/offers/${draft.id}`);
              }}
            />
          )
        }
      </AsyncView>
    </section>
  );
}
