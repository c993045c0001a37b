import { OfferkitError, checkWrittenTerms, privateOfferModelProblem, type DraftTerms, type PricingModel } from "@offerkit/core";
import { findEulaDocument, findSeller, type Database, type Kysely } from "@offerkit/db";

/** The marketplace lets only sellers enrolled in its data-sharing program make private offers. */
export async function requireDataSharing(db: Kysely<Database>, sellerId: string): Promise<void> {
  const seller = await findSeller(db, sellerId);
  if (!seller?.dataSharingEnrolled) {
    throw new OfferkitError(
      "DATA_SHARING_REQUIRED",
      "Enroll in the data-sharing program (admin.settings.setDataSharing) before creating private offers",
    );
  }
}

/** A draft may be incomplete, but what it names must exist for this seller. */
export async function checkDraftReferences(db: Kysely<Database>, sellerId: string, terms: DraftTerms): Promise<void> {
  if (terms.eulaSha256 !== undefined && !(await findEulaDocument(db, sellerId, terms.eulaSha256))) {
    throw new OfferkitError("VALIDATION_FAILED", "No EULA with that SHA-256 was uploaded by this seller", [
      { path: ["eulaSha256"], message: "Upload the PDF first with eula.upload" },
    ]);
  }
}

/** A product whose model takes no private offers gets none, not even a draft. */
export function requirePrivateOfferModel(model: PricingModel): void {
  const problem = privateOfferModelProblem(model);
  if (problem) throw new OfferkitError("VALIDATION_FAILED", problem, [{ path: ["productId"], message: problem }]);
}

/**
 * A value the marketplace would refuse by itself is refused as it is written, each field named.
 * Only the values written are judged: a draft written under older rules can still be edited.
 */
export function checkWrittenValues(written: DraftTerms, model: PricingModel): void {
  const issues = checkWrittenTerms(written, model);
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new OfferkitError("VALIDATION_FAILED", summary, issues);
  }
}
