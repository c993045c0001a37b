import type { OfferView, PublicationView } from "@offerkit/sdk";

/** What happened to a sent offer's publication, in the words a rep reads on its page. */
export interface PublicationStatus {
  /** `local`: no marketplace; the rest are a marketplace's states. */
  kind: "draft" | "local" | "publishing" | "published" | "failed" | "not_published";
  title: string;
  detail: string | null;
}

/** Published by this server itself (the local publisher): it has no marketplace offer ID. */
export function isRecordedLocally(publication: PublicationView): boolean {
  return publication.state === "published" && publication.marketplaceOfferId === null;
}

/**
 * Never "published" where nothing was: the local publisher records the offer on this server and
 * publishes it nowhere, and says so. On AWS Marketplace each state says what the rep can expect.
 */
export function publicationStatus(offer: Pick<OfferView, "status" | "publication">): PublicationStatus {
  const { publication } = offer;
  const attempt = publication.attempt > 1 ? ` (attempt ${publication.attempt})` : "";
  if (offer.status === "draft") return { kind: "draft", title: "Not sent yet", detail: null };
  if (isRecordedLocally(publication)) {
    return {
      kind: "local",
      title: "Recorded locally, not published to a marketplace",
      detail: "This server has no marketplace to publish to: buyers accept here, through the buyer URL or an invitation link.",
    };
  }
  switch (publication.state) {
    case "publishing":
      return {
        kind: "publishing",
        title: `Publishing to AWS Marketplace${attempt}`,
        detail: "The marketplace takes about 45 minutes; this page checks again by itself. Buyers cannot accept until it is published.",
      };
    case "published":
      return {
        kind: "published",
        title: `Published on AWS Marketplace as ${publication.marketplaceOfferId ?? "an offer"}${attempt}`,
        detail: "Buyers accept on the marketplace, signed in with a targeted account.",
      };
    case "failed":
      return {
        kind: "failed",
        title: `AWS Marketplace refused it${attempt}`,
        detail: "Each reason is shown above under the field it names. Buyers cannot accept it.",
      };
    case "not_published":
      return { kind: "not_published", title: "Not published", detail: "This offer was sent before publishing was recorded; buyers accept here." };
  }
}
