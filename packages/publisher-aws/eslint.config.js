export { default } from "@offerkit/eslint-config";
