import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { adminRouter } from "./admin/router";
import { buyerRouter } from "./buyer/router";
import { contactsRouter } from "./contacts/router";
import { eulaRouter } from "./eula/router";
import { marketingRouter } from "./marketing/router";
import { offersRouter } from "./offers/router";
import { productsRouter } from "./products/router";
import { reportsRouter } from "./reports/router";
import { supportRouter } from "./support/router";
import { usageRouter } from "./usage/router";
import { createCallerFactory, router } from "./trpc";
import { webhooksRouter } from "./webhooks/router";

export const appRouter = router({
  admin: adminRouter,
  products: productsRouter,
  eula: eulaRouter,
  offers: offersRouter,
  buyer: buyerRouter,
  marketing: marketingRouter,
  reports: reportsRouter,
  usage: usageRouter,
  support: supportRouter,
  contacts: contactsRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Calls procedures in-process, without HTTP: `createCaller(await createContextInner(deps, key))`. */
export const createCaller = createCallerFactory(appRouter);
