// The same through require(), as older server code loads it.
const { createElement: h } = require("react");
const { renderToString } = require("react-dom/server");
const { MarketplaceLink } = require("@offerkit/widget/react");

console.log(JSON.stringify({ html: renderToString(h(MarketplaceLink, { asin: "B00635Y2IW" }, "Buy")) }));
