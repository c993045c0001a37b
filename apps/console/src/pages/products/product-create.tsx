import { Link, navigate } from "../../router";
import type { Session } from "../../session";
import { ProductForm } from "./product-form";
import { createInputOf, emptyProductForm } from "./product-form-values";

/** A new product; once it exists, offers can be made for it. `then` says where to go next. */
export function ProductCreatePage({ session, then }: { session: Session; then: string | null }) {
  return (
    <section aria-labelledby="product-create-heading">
      <p>
        <Link to="/products">All products</Link>
      </p>
      <h1 id="product-create-heading">New product</h1>
      <p className="muted">The marketplace's identifiers come from its product page (Seller Central, Products, the product's details).</p>
      <ProductForm
        initial={emptyProductForm()}
        editing={false}
        submitLabel="Add product"
        onSubmit={async (values) => {
          const made = createInputOf(values);
          if ("errors" in made) return made.errors;
          const product = await session.client.products.create(made.input);
          navigate(then === "offer" ? `/offers/new?product=${product.id}` : `/products/${product.id}?added=1`);
        }}
      />
    </section>
  );
}
