import type { Product } from "@offerkit/sdk";
import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";

/** Step 1: the product the offer is for, the offer's name buyers see, and a note for the team. */
export function ProductStep({ products, values, errors, set }: { products: Product[]; values: OfferFormValues; errors: FieldErrors; set: SetFormValue }) {
  return (
    <>
      <Field id="product" label="Product" error={errors.productId}>
        <select {...describedBy("product", errors.productId)} value={values.productId} onChange={(event) => set("productId", event.target.value)}>
          <option value="">Choose a product</option>
          {products.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title} ({item.asin}, {item.pricing.model.replace("_", " ")})
            </option>
          ))}
        </select>
      </Field>
      <Field id="name" label="Offer name" hint="The buyer sees it, e.g. Acme, three years." error={errors.name}>
        <input {...describedBy("name", errors.name, true)} value={values.name} onChange={(event) => set("name", event.target.value)} />
      </Field>
      <Field id="description" label="Internal description" hint="For your team only; buyers never see it." error={errors.description}>
        <textarea {...describedBy("description", errors.description, true)} rows={2} value={values.description} onChange={(event) => set("description", event.target.value)} />
      </Field>
    </>
  );
}
