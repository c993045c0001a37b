// The CommonJS entry loads too.
const { canonicalPrice, createOfferkitClient, isOfferkitError } = require("@offerkit/sdk");
if (typeof createOfferkitClient !== "function" || typeof isOfferkitError !== "function") throw new Error("CJS entry is broken");
if (canonicalPrice("045.500") !== "45.5") throw new Error("CJS canonicalPrice is broken");
console.log("cjs ok");
