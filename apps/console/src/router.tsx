import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The console lives under /console; routes are the path after it, e.g. `/offers/new`. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, "");

/** Where the console is: the path after /console and its query (`/offers/new`, `?product=...`). */
export interface Route {
  path: string;
  query: URLSearchParams;
}

function currentRoute(): Route {
  const { pathname, search } = window.location;
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return { path: path === "" ? "/" : path, query: new URLSearchParams(search) };
}

/** Goes to a console route (a path, with a query if any) without reloading the page. */
export function navigate(route: string): void {
  window.history.pushState(null, "", `${BASE}${route}`);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** The current route, following the back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}

/** An ordinary link (open in a new tab works) that navigates in place on a plain click. */
export function Link({ to, ...anchor }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    anchor.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...anchor} href={`${BASE}${to}`} onClick={onClick} />;
}
