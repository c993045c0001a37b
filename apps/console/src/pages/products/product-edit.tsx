import { useState } from "react";
import { Link } from "../../router";
import type { Session } from "../../session";
import { AsyncView } from "../../ui";
import { useAsync } from "../../use-async";
import { ProductForm } from "./product-form";
import { SupportConnection } from "./support-connection";
import { productFormOf, updateInputOf } from "./product-form-values";

/** A product's listing and catalog ID; its model and marketplace identifiers stay as they are. */
export function ProductEditPage({ session, productId, added }: { session: Session; productId: string; added: boolean }) {
  const product = useAsync(() => session.client.products.get({ productId }), [session, productId]);
  const [saved, setSaved] = useState<string | null>(added ? "Product added. Offers can now be made for it." : null);
  return (
    <section aria-labelledby="product-edit-heading">
      <p>
        <Link to="/products">All products</Link>
      </p>
      <AsyncView state={product} what="the product">
        {(loaded) => (
          <>
            <div className="page-head">
              <h1 id="product-edit-heading">{loaded.title}</h1>
              <Link to={`/offers/new?product=${loaded.id}`} className="button">
                New offer for this product
              </Link>
            </div>
            {saved && (
              <p className="ok-note" role="status">
                {saved}
              </p>
            )}
            <ProductForm
              key={loaded.id}
              initial={productFormOf(loaded)}
              editing
              submitLabel="Save changes"
              onSubmit={async (values) => {
                await session.client.products.update(updateInputOf(loaded.id, values));
                setSaved("Changes saved.");
                product.reload();
              }}
            />
            <SupportConnection session={session} product={loaded} onChanged={product.reload} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
