import type { InstallmentInput } from "./offer-form/installments";

/** A payment schedule, one charge per line, and what it charges in all; "paid at once" without one. */
export function InstallmentsSummary({ installments, total }: { installments: readonly InstallmentInput[] | null | undefined; total: string | null }) {
  if (!installments || installments.length === 0) return <>paid at once</>;
  return (
    <>
      <ul className="plain">
        {installments.map((installment, index) => (
          <li key={`${index}-${installment.chargeDate}`}>
            {installment.chargeDate}: {installment.amount} USD
          </li>
        ))}
      </ul>
      <p className="schedule-sum">{total === null ? "No total until every amount is written like 50000.00" : `Total ${total} USD in ${installments.length} installment${installments.length === 1 ? "" : "s"}`}</p>
    </>
  );
}
