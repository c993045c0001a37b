import config from "@offerkit/eslint-config";

export default config;
