import { useEffect, useState, type ReactNode } from "react";
import { MarketingPage } from "./pages/marketing/marketing-page";
import { OfferCreatePage } from "./pages/offers/offer-create";
import { OfferDetailPage } from "./pages/offers/offer-detail";
import { OfferEditPage } from "./pages/offers/offer-edit";
import { OfferListPage } from "./pages/offers/offer-list";
import { SignInPage } from "./pages/sign-in";
import { SupportPage } from "./pages/support/support-page";
import { Link, navigate, useRoute } from "./router";
import { can, signIn, signOut, storedKey, type Session } from "./session";
import { Loading } from "./ui";

interface Section {
  route: string;
  label: string;
  allowed: (session: Session) => boolean;
  page: (session: Session, route: string) => ReactNode;
}

/** What the console offers; each section shows only for keys whose scopes allow it. */
const sections: Section[] = [
  {
    route: "/offers",
    label: "Offers",
    allowed: (session) => can(session, "offers:read"),
    page: (session, route) => {
      if (route === "/offers/new") return <OfferCreatePage session={session} />;
      const [, offerId, edit] = /^\/offers\/(offer-[A-Za-z0-9_-]+)(\/edit)?$/.exec(route) ?? [];
      if (offerId && edit) return <OfferEditPage session={session} offerId={offerId} />;
      return offerId ? <OfferDetailPage session={session} offerId={offerId} /> : <OfferListPage session={session} />;
    },
  },
  {
    route: "/marketing",
    label: "Marketing",
    allowed: (session) => can(session, "marketing:read"),
    page: (session) => <MarketingPage session={session} />,
  },
  {
    route: "/support",
    label: "Support",
    allowed: (session) => can(session, "support:read") || can(session, "contacts:read"),
    page: (session) => <SupportPage session={session} />,
  },
];

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
  const current = allowed.find((section) => route === section.route || route.startsWith(`${section.route}/`));
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
        {current ? current.page(session, route) : <Landing sections={allowed} />}
      </main>
    </>
  );
}

function Landing({ sections: allowed }: { sections: Section[] }) {
  const first = allowed[0];
  useEffect(() => {
    if (first) navigate(first.route);
  }, [first]);
  return first ? null : <p>This API key has no scope the console can use. Ask your admin for one with offers, marketing or support access.</p>;
}
