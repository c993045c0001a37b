import type { Product } from "@offerkit/sdk";
import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";
import { privateOfferModelProblem } from "./private-offer-models";

const modelName = (product: Product) => product.pricing.model.replace("_", " ");

/**
 * Step 1: the product the offer is for, the offer's name buyers see, and a note for the team.
 * Products AWS Marketplace takes no private offer for are listed, each with why, but cannot be
 * chosen; a draft already on one says why at the field.
 */
export function ProductStep({ products, values, errors, set }: { products: Product[]; values: OfferFormValues; errors: FieldErrors; set: SetFormValue }) {
  const refused = products.flatMap((product) => {
    const problem = privateOfferModelProblem(product.pricing.model);
    return problem === null ? [] : [{ product, problem }];
  });
  const offerable = products.filter((product) => privateOfferModelProblem(product.pricing.model) === null);
  const chosen = products.find((product) => product.id === values.productId);
  const productError = errors.productId ?? (chosen ? (privateOfferModelProblem(chosen.pricing.model) ?? undefined) : undefined);
  const described = describedBy("product", productError);
  const refusedId = refused.length > 0 ? "product-refused" : undefined;
  const describedIds = [described["aria-describedby"], refusedId].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <Field id="product" label="Product" error={productError}>
        <select {...described} aria-describedby={describedIds} data-field="productId" value={values.productId} onChange={(event) => set("productId", event.target.value)}>
          <option value="">Choose a product</option>
          {offerable.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title} ({item.asin}, {modelName(item)})
            </option>
          ))}
          {refused.length > 0 && (
            <optgroup label="No private offers">
              {refused.map(({ product, problem }) => (
                // A draft on such a product (written before the rule) keeps it chosen: its option stays enabled.
                <option key={product.id} value={product.id} disabled={product.id !== values.productId}>
                  {product.title} ({product.asin}): {problem}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {refused.length > 0 && (
          <div className="refused-products" id={refusedId}>
            <p>Listed, but cannot be chosen:</p>
            <ul>
              {refused.map(({ product, problem }) => (
                <li key={product.id}>
                  {product.title} ({product.asin}): {problem}.
                </li>
              ))}
            </ul>
          </div>
        )}
      </Field>
      <Field id="name" label="Offer name" hint="The buyer sees it, e.g. Acme, three years." error={errors.name}>
        <input {...describedBy("name", errors.name, true)} data-field="name" value={values.name} onChange={(event) => set("name", event.target.value)} />
      </Field>
      <Field id="description" label="Internal description" hint="For your team only; buyers never see it." error={errors.description}>
        <textarea {...describedBy("description", errors.description, true)} data-field="description" rows={2} value={values.description} onChange={(event) => set("description", event.target.value)} />
      </Field>
    </>
  );
}
