import { offerkit } from "./index.js";

export default offerkit("tooling");
