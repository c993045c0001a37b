import { money, moneyWithCode } from "../../money";

/** One charge as the offer holds it, or as the form has it typed (its review shows the same). */
interface Charge {
  chargeDate: string;
  amount: string;
}

/** A payment schedule, one charge per line, and what it charges in all; "paid at once" without one. */
export function InstallmentsSummary({ installments, total }: { installments: readonly Charge[] | null | undefined; total: string | null }) {
  if (!installments || installments.length === 0) return <>paid at once</>;
  return (
    <>
      <ul className="plain money-list">
        {installments.map((installment, index) => (
          <li key={`${index}-${installment.chargeDate}`}>
            <span className="nowrap">{installment.chargeDate}</span>: <span className="amount">{money(installment.amount)}</span>
          </li>
        ))}
      </ul>
      <p className="schedule-sum">
        {total === null ? "No total until every amount is written like 50000.00" : `Total ${moneyWithCode(total)} in ${installments.length} installment${installments.length === 1 ? "" : "s"}`}
      </p>
    </>
  );
}
