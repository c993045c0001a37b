import type { ApiKeyView, IssuedApiKey, IssuedBuyerToken, Scope, SellerSettings, WhoAmI } from "@offerkit/core";

export interface CreateApiKeyInput {
  name: string;
  scopes: Scope[];
}

export interface ApiKeyIdInput {
  keyId: string;
}

/** What revoking a key answers. */
export interface RevokeResult {
  revoked: true;
}

export interface IssueBuyerTokenInput {
  account: string;
  name?: string;
}

export interface SetDataSharingInput {
  enrolled: boolean;
}

export interface AdminResource {
  whoami(): Promise<WhoAmI>;
  apiKeys: {
    create(input: CreateApiKeyInput): Promise<IssuedApiKey>;
    list(): Promise<ApiKeyView[]>;
    revoke(input: ApiKeyIdInput): Promise<RevokeResult>;
  };
  buyerTokens: {
    issue(input: IssueBuyerTokenInput): Promise<IssuedBuyerToken>;
  };
  settings: {
    get(): Promise<SellerSettings>;
    setDataSharing(input: SetDataSharingInput): Promise<SellerSettings>;
  };
}
