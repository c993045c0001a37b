import { offerkit } from "@offerkit/eslint-config";

export default [...offerkit("published"), { ignores: ["test/consumer/**"] }];
