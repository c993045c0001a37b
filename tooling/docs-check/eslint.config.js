import { offerkit } from "@offerkit/eslint-config";

export default [...offerkit("tooling"), { ignores: [".generated/**"] }];
