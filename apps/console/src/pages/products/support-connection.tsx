import type { Product } from "@offerkit/sdk";
import { can, type Session } from "../../session";
import { ErrorNote } from "../../ui";
import { useAction } from "../../use-action";

/**
 * Product Support Connection: enrolled, buyers of the product may share a support contact with
 * the seller. Changing it needs `admin`; any other key sees where it stands.
 */
export function SupportConnection({ session, product, onChanged }: { session: Session; product: Product; onChanged: () => void }) {
  const { busy, failure, run } = useAction();
  const change = () =>
    run(async () => {
      await session.client.products.setSupportConnection({ productId: product.id, enrolled: !product.supportConnection });
      onChanged();
    });
  return (
    <section className="panel" aria-labelledby="support-connection-heading">
      <h2 id="support-connection-heading">Product Support Connection</h2>
      <p>
        {product.supportConnection
          ? "Enrolled: buyers of this product may share a support contact, which Support lists."
          : "Not enrolled: buyers of this product cannot share a support contact."}
      </p>
      {can(session, "admin") ? (
        <button type="button" onClick={() => void change()} disabled={busy}>
          {product.supportConnection ? "Leave Product Support Connection" : "Enroll in Product Support Connection"}
        </button>
      ) : (
        <p className="muted">Changing it needs the admin scope.</p>
      )}
      {failure !== undefined && <ErrorNote error={failure} />}
    </section>
  );
}
