import type { SellerSettings } from "@offerkit/sdk";
import { allProducts } from "../../products";
import { Link, navigate } from "../../router";
import { can, type Session } from "../../session";
import { AsyncView, Empty } from "../../ui";
import { useAsync } from "../../use-async";
import { OfferForm } from "./offer-form/offer-form";
import { valuesOf } from "./offer-form/offer-form-values";

/**
 * A new draft; it can be edited until it is sent. What would stop the very first request (no
 * product yet, a seller outside the data-sharing program) is said first, with the way out.
 */
export function OfferCreatePage({ session, productId }: { session: Session; productId: string }) {
  const loaded = useAsync(async () => {
    // Only an admin key can read the settings; for another key the server says it on create.
    const settings: SellerSettings | null = can(session, "admin") ? await session.client.admin.settings.get() : null;
    return { products: await allProducts(session), settings };
  }, [session]);
  return (
    <section aria-labelledby="create-heading">
      <h1 id="create-heading">New offer</h1>
      <AsyncView state={loaded} what="products">
        {({ products, settings }) =>
          products.length === 0 ? (
            <NoProduct session={session} />
          ) : settings && !settings.dataSharingEnrolled ? (
            <div className="problems">
              <h2>Enroll in data sharing first</h2>
              <p>
                The marketplace takes private offers only from sellers enrolled in its data-sharing program, and seller {settings.name} is not.{" "}
                <Link to="/settings">Enroll in Settings</Link>, then come back here.
              </p>
            </div>
          ) : (
            <OfferForm
              session={session}
              products={products}
              initial={valuesOf(null, products.some((product) => product.id === productId) ? productId : "")}
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

/** The dead end a new seller met: an offer is for a product, so the way on is adding one. */
function NoProduct({ session }: { session: Session }) {
  return (
    <Empty>
      <p>There is no product to make an offer for yet.</p>
      {can(session, "products:write") ? (
        <Link to="/products/new?then=offer" className="button primary">
          Add a product
        </Link>
      ) : (
        <p>Adding one needs an API key with the products:write scope: ask an admin of your seller.</p>
      )}
    </Empty>
  );
}
