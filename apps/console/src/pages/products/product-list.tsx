import { allProducts } from "../../products";
import { PRICING_MODEL_NAMES } from "../../pricing-models";
import { Link } from "../../router";
import { can, type Session } from "../../session";
import { AsyncView, Empty } from "../../ui";
import { useAsync } from "../../use-async";

/** The seller's products: what offers can be made for, and where a new seller adds the first one. */
export function ProductListPage({ session }: { session: Session }) {
  const products = useAsync(() => allProducts(session), [session]);
  const writable = can(session, "products:write");
  return (
    <section aria-labelledby="products-heading">
      <div className="page-head">
        <h1 id="products-heading">Products</h1>
        {writable && (
          <Link to="/products/new" className="button primary">
            New product
          </Link>
        )}
      </div>
      {!writable && <p className="muted">This API key can see products but not add or edit them: that needs the products:write scope.</p>}
      <AsyncView state={products} what="products">
        {(items) =>
          items.length === 0 ? (
            <Empty>
              No products yet.{" "}
              {writable ? (
                <>
                  <Link to="/products/new">Add the first one</Link>: offers are made for a product.
                </>
              ) : (
                "Ask someone with the products:write scope to add one."
              )}
            </Empty>
          ) : (
            <div className="table-wrap">
              <table className="stack-narrow">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">ASIN</th>
                    <th scope="col">Pricing model</th>
                    <th scope="col">Dimensions</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((product) => (
                    <tr key={product.id}>
                      <td>{writable ? <Link to={`/products/${product.id}`}>{product.title}</Link> : product.title}</td>
                      <td data-label="ASIN" className="mono nowrap">
                        {product.asin}
                      </td>
                      <td data-label="Pricing model">{PRICING_MODEL_NAMES[product.pricing.model]}</td>
                      <td data-label="Dimensions">{product.pricing.dimensions.map((dimension) => dimension.name).join(", ") || "none"}</td>
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
