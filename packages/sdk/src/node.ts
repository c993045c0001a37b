import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createOfferkitClient as createUniversalClient } from "./client";
import type { EulaDocumentView, EulaResource, EulaSource, OfferkitClient, OfferkitClientOptions, UploadOptions } from "./types";

export { OfferkitError, isOfferkitError, type FieldIssue, type OfferkitErrorCode } from "./errors";
export type {
  AdminResource,
  AcceptOfferInput,
  AgreementView,
  ApiKeyView,
  BuyerOfferView,
  BuiltLink,
  BuyerResource,
  ConversionView,
  CreateOfferInput,
  CreateProductInput,
  DailyStat,
  DeepLinkInput,
  EulaDocumentView,
  EulaResource,
  EulaSource,
  IssuedApiKey,
  IssuedBuyerToken,
  LinksResource,
  ListOffersInput,
  MarketingResource,
  MarketingStatsInput,
  OfferBanner,
  OfferView,
  OfferkitClient,
  OfferkitClientOptions,
  OffersResource,
  Page,
  PageInput,
  Product,
  RecordConversionInput,
  RecordedConversion,
  ReportResult,
  ReportsResource,
  ProductsResource,
  Scope,
  SellerSettings,
  SendOfferInput,
  UpdateOfferInput,
  UpdateProductInput,
  UploadOptions,
  WhoAmI,
} from "./types";

/** In Node, `eula.upload` also takes a file path. */
export interface NodeEulaResource extends EulaResource {
  upload(file: EulaSource | string, options?: UploadOptions): Promise<EulaDocumentView>;
}

export interface NodeOfferkitClient extends OfferkitClient {
  eula: NodeEulaResource;
}

/** The same client as in browsers, whose `eula.upload` also reads a PDF from a path. */
export function createOfferkitClient(options: OfferkitClientOptions): NodeOfferkitClient {
  const client = createUniversalClient(options);
  const upload = client.eula.upload;
  return {
    ...client,
    eula: {
      ...client.eula,
      upload: async (file, uploadOptions) => {
        if (typeof file !== "string") return upload(file, uploadOptions);
        const bytes = new Uint8Array(await readFile(file));
        return upload(bytes, { fileName: uploadOptions?.fileName ?? basename(file) });
      },
    },
  };
}
