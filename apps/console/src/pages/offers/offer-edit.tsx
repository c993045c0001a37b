import { allProducts } from "../../products";
import { navigate } from "../../router";
import type { Session } from "../../session";
import { AsyncView } from "../../ui";
import { useAsync } from "../../use-async";
import { OfferForm } from "./offer-form/offer-form";
import { valuesOf } from "./offer-form/offer-form-values";

/** Edits a draft: every field is sent, and what was emptied is cleared. */
export function OfferEditPage({ session, offerId }: { session: Session; offerId: string }) {
  const loaded = useAsync(async () => ({ offer: await session.client.offers.get({ offerId }), products: await allProducts(session) }), [session, offerId]);
  return (
    <section aria-labelledby="edit-heading">
      <h1 id="edit-heading">Edit draft</h1>
      <AsyncView state={loaded} what="the draft">
        {({ offer, products }) =>
          offer.status !== "draft" ? (
            <p>This offer was sent and can no longer change. Copy it as a new draft to make new terms.</p>
          ) : (
            <OfferForm
              session={session}
              products={products.filter((product) => product.id === offer.productId)}
              initial={valuesOf(offer)}
              submitLabel="Save draft"
              onSubmit={async ({ productId: _productId, ...terms }) => {
                await session.client.offers.update({
                  offerId,
                  patch: {
                    name: terms.name ?? null,
                    description: terms.description ?? null,
                    buyerAccounts: terms.buyerAccounts ?? null,
                    pricing: terms.pricing ?? null,
                    eulaSha256: terms.eulaSha256 ?? null,
                    agreement: terms.agreement ?? null,
                    acceptanceDeadline: terms.acceptanceDeadline ?? null,
                    refundPolicy: terms.refundPolicy ?? null,
                    installments: terms.installments ?? null,
                  },
                });
                navigate(`/offers/${offerId}`);
              }}
            />
          )
        }
      </AsyncView>
    </section>
  );
}
