import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteDraft,
  findOffer,
  insertOffer,
  insertProduct,
  insertSeller,
  isImmutableOfferViolation,
  listOffers,
  markOfferAccepted,
  markOfferSent,
  updateDraftTerms,
  type Database,
  type Kysely,
} from "./index";
import { openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe.each(testDialects())("offers repository on %s", (dialect) => {
  let handle: TestDatabase;
  let db: Kysely<Database>;
  let counter = 0;

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    db = handle.db;
    await insertSeller(db, { id: "seller-a", name: "A", dataSharingEnrolled: true, createdAt: at });
    await insertSeller(db, { id: "seller-b", name: "B", dataSharingEnrolled: true, createdAt: at });
    await insertProduct(db, {
      id: "prod-aaaaaaaaaa",
      sellerId: "seller-a",
      asin: "B00635Y2IW",
      marketplaceProductId: "00000000-0000-4000-8000-000000000001",
      productCode: "abcdefgh1234",
      title: "Widget",
      description: "A widget",
      highlights: [],
      keywords: [],
      categories: [],
      pricing: { model: "monthly", dimensions: [] },
      supportConnection: false,
      createdAt: at,
      updatedAt: at,
    });
  });
  afterAll(async () => handle.close());

  async function newDraft(seller = "seller-a") {
    counter += 1;
    const id = `offer-${String(counter).padStart(12, "0")}`;
    await insertOffer(db, {
      id,
      sellerId: seller,
      productId: "prod-aaaaaaaaaa",
      terms: { name: "Deal", buyerAccounts: ["012345678901"], pricing: { model: "monthly", monthlyFee: "99.5" } },
      replacesOfferId: null,
      createdAt: `2027-01-01T00:00:${String(counter).padStart(2, "0")}.000Z`,
    });
    return id;
  }

  async function sendIt(id: string) {
    const offer = await findOffer(db, "seller-a", id);
    return markOfferSent(db, {
      sellerId: "seller-a",
      id,
      version: offer?.version ?? 0,
      buyerUrl: `https://example.test/offers/${id}`,
      termsSha256: "f".repeat(64),
      sentAt: at,
    });
  }

  it("round-trips draft terms, leading zeros and exact prices included", async () => {
    const id = await newDraft();
    const offer = await findOffer(db, "seller-a", id);
    expect(offer?.terms).toEqual({
      name: "Deal",
      buyerAccounts: ["012345678901"],
      pricing: { model: "monthly", monthlyFee: "99.5" },
    });
    expect(offer?.status).toBe("draft");
    expect(await findOffer(db, "seller-b", id)).toBeNull();
  });

  it("bumps the version on each edit, and send refuses a stale version", async () => {
    const id = await newDraft();
    const before = await findOffer(db, "seller-a", id);
    expect(before?.version).toBe(1);
    const written = await updateDraftTerms(db, { sellerId: "seller-a", id, version: 1, terms: { name: "Changed", buyerAccounts: [] }, updatedAt: at });
    expect(written).toMatchObject({ id, version: 2, terms: { name: "Changed", buyerAccounts: [] } });
    expect(await findOffer(db, "seller-a", id)).toEqual(written);
    const stale = await markOfferSent(db, {
      sellerId: "seller-a",
      id,
      version: before?.version ?? 0,
      buyerUrl: "x",
      termsSha256: "x",
      sentAt: at,
    });
    expect(stale).toBe(false);
    expect((await findOffer(db, "seller-a", id))?.status).toBe("draft");
  });

  it("writes terms only over the version they were made from", async () => {
    const id = await newDraft();
    const edit = (name: string) => updateDraftTerms(db, { sellerId: "seller-a", id, version: 1, terms: { name, buyerAccounts: [] }, updatedAt: at });
    const [first, second] = await Promise.all([edit("First"), edit("Second")]);
    expect([first, second].filter((written) => written !== null)).toHaveLength(1);
    const winner = first ?? second;
    expect(await findOffer(db, "seller-a", id)).toEqual(winner);
    expect(winner?.version).toBe(2);
    expect(await edit("Late")).toBeNull();
    expect((await findOffer(db, "seller-a", id))?.terms.name).toBe(winner?.terms.name);
  });

  it("guards sent offers in the repository", async () => {
    const id = await newDraft();
    expect(await sendIt(id)).toBe(true);
    expect(await sendIt(id)).toBe(false);
    const version = (await findOffer(db, "seller-a", id))?.version ?? 0;
    expect(await updateDraftTerms(db, { sellerId: "seller-a", id, version, terms: { name: "Sneaky", buyerAccounts: [] }, updatedAt: at })).toBeNull();
    expect(await deleteDraft(db, "seller-a", id)).toBe(false);
    expect((await findOffer(db, "seller-a", id))?.terms.name).toBe("Deal");
  });

  it("refuses in the database itself any change to a sent offer, whatever the query", async () => {
    const id = await newDraft();
    await sendIt(id);
    const attempts = [
      () => db.updateTable("offers").set({ name: "Raw write" }).where("id", "=", id).execute(),
      () => db.updateTable("offers").set({ pricing: '{"model":"free"}' }).where("id", "=", id).execute(),
      () => db.updateTable("offers").set({ status: "draft" }).where("id", "=", id).execute(),
      () => db.updateTable("offers").set({ buyer_accounts: "[]" }).where("id", "=", id).execute(),
      () => db.deleteFrom("offers").where("id", "=", id).execute(),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isImmutableOfferViolation(error), String(error)).toBe(true);
    }
    const after = await findOffer(db, "seller-a", id);
    expect(after?.terms.name).toBe("Deal");
    expect(after?.status).toBe("sent");
  });

  it("refuses a sent offer replaced by an insert or an update with its id, moved off its id, set back from accepted, or its acceptance time changed", async () => {
    const id = await newDraft();
    await sendIt(id);
    const refused = async (attempt: Promise<unknown>) => {
      const error = await attempt.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isImmutableOfferViolation(error), String(error)).toBe(true);
    };
    const copy = sql`select id, seller_id, product_id, status, version, 'Replaced', description, buyer_accounts, pricing, eula_sha256, agreement,
      acceptance_deadline, refund_policy, installments, replaces_offer_id, buyer_url, terms_sha256, created_at, updated_at, sent_at, accepted_at from offers where id = ${id}`;
    const columns = sql`(id, seller_id, product_id, status, version, name, description, buyer_accounts, pricing, eula_sha256, agreement,
      acceptance_deadline, refund_policy, installments, replaces_offer_id, buyer_url, terms_sha256, created_at, updated_at, sent_at, accepted_at)`;
    if (dialect === "sqlite") {
      await refused(sql`replace into offers ${columns} ${copy}`.execute(db));
      await refused(sql`insert or replace into offers ${columns} ${copy}`.execute(db));
    }
    await refused(sql`insert into offers ${columns} ${copy} on conflict (id) do update set name = excluded.name`.execute(db));
    await refused(db.updateTable("offers").set({ id: "offer-moved-away-0001" }).where("id", "=", id).execute());
    const draft = await newDraft();
    if (dialect === "sqlite") await refused(sql`update or replace offers set id = ${id}, name = 'Evil' where id = ${draft}`.execute(db));
    await refused(db.updateTable("offers").set({ accepted_at: "2027-01-02T00:00:00.000Z" }).where("id", "=", id).execute());
    expect((await findOffer(db, "seller-a", draft))?.terms.name).toBe("Deal");
    await markOfferAccepted(db, id, "2027-01-02T00:00:00.000Z");
    await refused(db.updateTable("offers").set({ status: "sent" }).where("id", "=", id).execute());
    await refused(db.updateTable("offers").set({ status: "sent", accepted_at: null }).where("id", "=", id).execute());
    await refused(db.updateTable("offers").set({ accepted_at: "2027-02-01T00:00:00.000Z" }).where("id", "=", id).execute());
    const after = await findOffer(db, "seller-a", id);
    expect(after).toMatchObject({ status: "accepted", acceptedAt: "2027-01-02T00:00:00.000Z", terms: { name: "Deal" } });
  });

  it("refuses to empty the offers table while it holds a sent offer: a bare DELETE, and on PostgreSQL TRUNCATE, directly or by cascade", async () => {
    const id = await newDraft();
    await sendIt(id);
    const truncates = dialect === "postgres" ? [sql`truncate offers cascade`, sql`truncate sellers cascade`, sql`truncate products cascade`] : [];
    for (const statement of [sql`delete from offers`, ...truncates]) {
      const error = await statement.execute(db).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isImmutableOfferViolation(error), String(error)).toBe(true);
    }
    expect((await findOffer(db, "seller-a", id))?.status).toBe("sent");
  });

  it("lets a sent offer become accepted, once", async () => {
    const id = await newDraft();
    await sendIt(id);
    await markOfferAccepted(db, id, "2027-01-02T00:00:00.000Z");
    await markOfferAccepted(db, id, "2027-01-03T00:00:00.000Z");
    const offer = await findOffer(db, "seller-a", id);
    expect(offer?.status).toBe("accepted");
    expect(offer?.acceptedAt).toBe("2027-01-02T00:00:00.000Z");
  });

  it("lists newest first with keyset pages, derived expiry and an exact account filter", async () => {
    const other = await newDraft("seller-b");
    const sent = await newDraft();
    await sendIt(sent);
    const drafts = await listOffers(db, "seller-a", { status: "draft", after: null, limit: 100, today: "2026-12-01" });
    expect(drafts.map((offer) => offer.id)).not.toContain(sent);
    const expired = await listOffers(db, "seller-a", { status: "expired", after: null, limit: 100, today: "2027-02-01" });
    expect(expired).toEqual([]);
    expect(drafts.every((offer) => offer.status === "draft")).toBe(true);
    expect(drafts.map((offer) => offer.id)).not.toContain(other);
    const all = await listOffers(db, "seller-a", { after: null, limit: 100, today: "2026-12-01" });
    expect(all.map((offer) => offer.createdAt)).toEqual([...all.map((offer) => offer.createdAt)].sort().reverse());
    expect(await listOffers(db, "seller-a", { buyerAccount: "12345678901", after: null, limit: 100, today: "x" })).toEqual([]);
    const byAccount = await listOffers(db, "seller-a", { buyerAccount: "012345678901", after: null, limit: 100, today: "x" });
    const targeted = all.filter((offer) => offer.terms.buyerAccounts?.includes("012345678901"));
    expect(targeted.length).toBeGreaterThan(1);
    expect(byAccount.map((offer) => offer.id)).toEqual(targeted.map((offer) => offer.id));
  });
});
