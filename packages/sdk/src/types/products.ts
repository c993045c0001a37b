import type { CreateProductInput, Page, PageInput, Product, UpdateProductInput } from "@offerkit/core";

/** A page size for `listAll`; the cursor is the SDK's to follow. */
export type ListAllInput = Omit<NonNullable<PageInput>, "cursor">;

export interface ProductIdInput {
  productId: string;
}

export interface SetSupportConnectionInput {
  productId: string;
  enrolled: boolean;
}

export interface ProductsResource {
  list(input?: PageInput): Promise<Page<Product>>;
  /** Every product, page after page: `for await (const product of client.products.listAll())`. */
  listAll(input?: ListAllInput): AsyncGenerator<Product>;
  get(input: ProductIdInput): Promise<Product>;
  create(input: CreateProductInput): Promise<Product>;
  update(input: UpdateProductInput): Promise<Product>;
  /** Enrolls the product in Product Support Connection (`admin`). */
  setSupportConnection(input: SetSupportConnectionInput): Promise<Product>;
}
