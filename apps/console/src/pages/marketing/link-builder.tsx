import type { BuiltLink } from "@offerkit/sdk";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, type FieldErrors } from "../../errors";
import { can, type Session } from "../../session";
import { CopyButton, ErrorNote, Field, describedBy } from "../../ui";
import { useAsync } from "../../use-async";
import { allProducts } from "../../products";

/** Builds a product link with a campaign's ref tag; the server checks the tag and the product. */
export function LinkBuilder({ session }: { session: Session }) {
  const [asin, setAsin] = useState("");
  const [refTag, setRefTag] = useState("");
  const [built, setBuilt] = useState<BuiltLink | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const change = (update: () => void) => {
    update();
    setBuilt(null);
  };
  const build = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setFieldErrors({});
    try {
      // The server makes the tracked link on its public URL (OFFERKIT_PUBLIC_URL), as the API,
      // CLI and widget do: the console may be served from another host than the redirect.
      setBuilt(await session.client.links.build({ asin, refTag }));
    } catch (caught) {
      const errors = fieldErrorsOf(caught);
      setFieldErrors(errors);
      if (!errors.asin && !errors.refTag) setFailure(caught);
      setBuilt(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="links-heading" className="panel">
      <h2 id="links-heading">Deep-link builder</h2>
      <form onSubmit={build} noValidate>
        <ProductField session={session} asin={asin} error={fieldErrors.asin} onChange={(value) => change(() => setAsin(value))} />
        <Field id="link-ref-tag" label="Ref tag" hint="Letters, digits and _ only, e.g. ads_google_q3; vdr_rf is the usual tag for your own site." error={fieldErrors.refTag}>
          <input value={refTag} onChange={(event) => change(() => setRefTag(event.target.value))} autoComplete="off" spellCheck={false} {...describedBy("link-ref-tag", fieldErrors.refTag, true)} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          Build link
        </button>
      </form>
      {failure !== undefined && <ErrorNote error={failure} />}
      <p role="status" className="visually-hidden">
        {built ? "Links built: the tracked link and the marketplace link follow." : ""}
      </p>
      {built && <BuiltLinks built={built} />}
    </section>
  );
}

function ProductField({ session, asin, error, onChange }: { session: Session; asin: string; error: string | undefined; onChange: (asin: string) => void }) {
  const mayList = can(session, "products:read");
  const products = useAsync(() => (mayList ? allProducts(session) : Promise.resolve([])), [session, mayList]);
  if (!mayList || products.status === "error") {
    return (
      <Field id="link-asin" label="Product ASIN" hint="The product's 10-character ASIN, e.g. B00635Y2IW." error={error}>
        <input value={asin} onChange={(event) => onChange(event.target.value.trim())} autoComplete="off" spellCheck={false} {...describedBy("link-asin", error, true)} />
      </Field>
    );
  }
  return (
    <Field id="link-asin" label="Product" hint={asin ? `ASIN ${asin}` : "Choose the product the link opens."} error={error}>
      <select value={asin} onChange={(event) => onChange(event.target.value)} disabled={products.status === "loading"} {...describedBy("link-asin", error, true)}>
        <option value="">{products.status === "loading" ? "Loading products..." : "Choose a product"}</option>
        {products.status === "done" &&
          products.data.map((product) => (
            <option key={product.id} value={product.asin}>
              {product.title} ({product.asin})
            </option>
          ))}
      </select>
    </Field>
  );
}

function BuiltLinks({ built }: { built: BuiltLink }) {
  return (
    <div className="built-links">
      <div className="buyer-url">
        <label htmlFor="tracked-link">Tracked link: counts the click, then opens the marketplace</label>
        <div className="copy-row">
          <input id="tracked-link" readOnly value={built.trackingUrl} onFocus={(event) => event.target.select()} />
          <CopyButton text={built.trackingUrl} label="Copy tracked link" />
        </div>
      </div>
      <div className="buyer-url">
        <label htmlFor="marketplace-link">Marketplace link: straight to the product page, not counted here</label>
        <div className="copy-row">
          <input id="marketplace-link" readOnly value={built.marketplaceUrl} onFocus={(event) => event.target.select()} />
          <CopyButton text={built.marketplaceUrl} label="Copy marketplace link" />
        </div>
      </div>
      <p>
        <a href={built.trackingUrl} target="_blank" rel="noopener">
          Test the link (opens in a new tab)
        </a>{" "}
        <span className="muted small">A test visit counts as a click in the stats below, once per day.</span>
      </p>
    </div>
  );
}
