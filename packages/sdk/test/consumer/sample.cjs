// The CommonJS entry loads too.
const { createOfferkitClient, isOfferkitError } = require("@offerkit/sdk");
if (typeof createOfferkitClient !== "function" || typeof isOfferkitError !== "function") throw new Error("CJS entry is broken");
console.log("cjs ok");
