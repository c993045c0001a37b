import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { OfferDetailPage } from "./pages/offers/offer-detail";
import { OfferListPage } from "./pages/offers/offer-list";
import { SignInPage } from "./pages/sign-in";
import { Link, navigate, useRoute, type Route } from "./router";
import { can, signIn, signOut, storedKey, type Session } from "./session";
import { Loading } from "./ui";

// The offer list and an offer's page are what most visits are for; the rest loads when first opened, which keeps
// the JavaScript of a first visit small (the build prints it and holds it under its budget).
const OfferCreatePage = lazy(() => import("./pages/offers/offer-create").then((module) => ({ default: module.OfferCreatePage })));
const OfferEditPage = lazy(() => import("./pages/offers/offer-edit").then((module) => ({ default: module.OfferEditPage })));
const MarketingPage = lazy(() => import("./pages/marketing/marketing-page").then((module) => ({ default: module.MarketingPage })));
const SupportPage = lazy(() => import("./pages/support/support-page").then((module) => ({ default: module.SupportPage })));
const SettingsPage = lazy(() => import("./pages/settings/settings-page").then((module) => ({ default: module.SettingsPage })));
const ProductListPage = lazy(() => import("./pages/products/product-list").then((module) => ({ default: module.ProductListPage })));
const ProductCreatePage = lazy(() => import("./pages/products/product-create").then((module) => ({ default: module.ProductCreatePage })));
const ProductEditPage = lazy(() => import("./pages/products/product-edit").then((module) => ({ default: module.ProductEditPage })));
const WebhookListPage = lazy(() => import("./pages/webhooks/webhook-list").then((module) => ({ default: module.WebhookListPage })));
const WebhookCreatePage = lazy(() => import("./pages/webhooks/webhook-create").then((module) => ({ default: module.WebhookCreatePage })));
const WebhookEndpointPage = lazy(() => import("./pages/webhooks/webhook-detail").then((module) => ({ default: module.WebhookEndpointPage })));

interface Section {
  route: string;
  label: string;
  allowed: (session: Session) => boolean;
  /** What a key needs for the section, said to one that lacks it. */
  needs: string;
  page: (session: Session, route: Route) => ReactNode;
}

/** What the console offers; each section shows only for keys whose scopes allow it. */
const sections: Section[] = [
  {
    route: "/offers",
    label: "Offers",
    allowed: (session) => can(session, "offers:read"),
    needs: "the offers:read scope",
    page: (session, { path, query }) => {
      const writable = can(session, "offers:write");
      if (path === "/offers/new") {
        return writable ? <OfferCreatePage session={session} productId={query.get("product") ?? ""} /> : <NoAccess what="Making an offer" needs="the offers:write scope" />;
      }
      const [, offerId, edit] = /^\/offers\/(offer-[A-Za-z0-9_-]+)(\/edit)?$/.exec(path) ?? [];
      if (offerId && edit) return writable ? <OfferEditPage session={session} offerId={offerId} /> : <NoAccess what="Editing a draft" needs="the offers:write scope" />;
      return offerId ? <OfferDetailPage session={session} offerId={offerId} /> : <OfferListPage session={session} />;
    },
  },
  {
    route: "/products",
    label: "Products",
    // Reading products is also part of offers:read: a rep picks one for an offer.
    allowed: (session) => can(session, "products:read") || can(session, "offers:read"),
    needs: "the products:read scope",
    page: (session, { path, query }) => {
      if (path === "/products/new") {
        if (!can(session, "products:write")) return <NoAccess what="Adding a product" needs="the products:write scope" />;
        return <ProductCreatePage session={session} then={query.get("then")} />;
      }
      const [, productId] = /^\/products\/(prod-[A-Za-z0-9_-]+)$/.exec(path) ?? [];
      if (productId) {
        if (!can(session, "products:write")) return <NoAccess what="Editing a product" needs="the products:write scope" />;
        return <ProductEditPage session={session} productId={productId} added={query.get("added") === "1"} />;
      }
      return <ProductListPage session={session} />;
    },
  },
  {
    route: "/marketing",
    label: "Marketing",
    allowed: (session) => can(session, "marketing:read"),
    needs: "the marketing:read scope",
    page: (session) => <MarketingPage session={session} />,
  },
  {
    route: "/support",
    label: "Support",
    allowed: (session) => can(session, "support:read") || can(session, "contacts:read"),
    needs: "the support:read or contacts:read scope",
    page: (session) => <SupportPage session={session} />,
  },
  {
    route: "/webhooks",
    label: "Webhooks",
    allowed: (session) => can(session, "webhooks:read"),
    needs: "the webhooks:read scope",
    page: (session, { path }) => {
      if (path === "/webhooks/new") {
        return can(session, "webhooks:write") ? <WebhookCreatePage session={session} /> : <NoAccess what="Adding a webhook endpoint" needs="the webhooks:write scope" />;
      }
      const [, endpointId] = /^\/webhooks\/(whep-[A-Za-z0-9_-]+)$/.exec(path) ?? [];
      return endpointId ? <WebhookEndpointPage session={session} endpointId={endpointId} /> : <WebhookListPage session={session} />;
    },
  },
  {
    route: "/settings",
    label: "Settings",
    allowed: (session) => can(session, "admin"),
    needs: "the admin scope",
    page: (session) => <SettingsPage session={session} />,
  },
];

const sectionOf = (path: string) => sections.find((section) => path === section.route || path.startsWith(`${section.route}/`));

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => storedKey() !== null);
  const route = useRoute();

  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    signIn(key).then(setSession, signOut).finally(() => setRestoring(false));
  }, []);

  if (restoring) return <Loading what="your session" />;
  if (!session) return <SignInPage onSignedIn={setSession} />;

  const allowed = sections.filter((section) => section.allowed(session));
  const current = sectionOf(route.path);
  let content: ReactNode;
  if (!current) content = <Landing sections={allowed} />;
  else if (!current.allowed(session)) content = <NoAccess what={`The ${current.label} section`} needs={current.needs} />;
  else content = current.page(session, route);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Offerkit</span>
        <nav aria-label="Sections">
          {allowed.map((section) => (
            <Link key={section.route} to={section.route} aria-current={section === current ? "page" : undefined}>
              {section.label}
            </Link>
          ))}
        </nav>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            signOut();
            setSession(null);
            navigate("/");
          }}
        >
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>{content}</Suspense>
      </main>
    </>
  );
}

/** A screen the signed-in key may not use says so, and who can help, instead of failing on its first request. */
export function NoAccess({ what, needs }: { what: string; needs: string }) {
  return (
    <section aria-labelledby="no-access-heading" className="no-access">
      <h1 id="no-access-heading">Not with this API key</h1>
      <p>
        {what} needs {needs}, which the key you signed in with does not have. Ask an admin of your seller for a key that has it (Settings, New API key), then sign in
        with that key.
      </p>
    </section>
  );
}

function Landing({ sections: allowed }: { sections: Section[] }) {
  const first = allowed[0];
  useEffect(() => {
    if (first) navigate(first.route);
  }, [first]);
  return first ? null : <p>This API key has no scope the console can use. Ask your admin for one with offers, marketing or support access.</p>;
}
