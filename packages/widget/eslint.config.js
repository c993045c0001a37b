import config from "@offerkit/eslint-config";

export default [...config, { ignores: ["test/consumer/**"] }];
