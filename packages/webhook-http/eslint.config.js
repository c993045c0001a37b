import { offerkit } from "@offerkit/eslint-config";

export default offerkit("adapter");
