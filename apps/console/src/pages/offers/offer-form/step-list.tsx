import { STEPS, PRODUCT_STEP } from "./form-steps";

/**
 * The numbered steps as buttons: the current one marked for assistive technology, the ones
 * holding an error marked in red. Without a product only the first step can be opened.
 */
export function StepList({ current, invalid, productChosen, onGo }: { current: number; invalid: Set<number>; productChosen: boolean; onGo: (step: number) => void }) {
  return (
    <ol className="steps" aria-label="Steps">
      {STEPS.map((label, index) => (
        <li key={label} aria-current={index === current ? "step" : undefined} className={invalid.has(index) ? "step-invalid" : undefined}>
          <button type="button" className="link-button" onClick={() => onGo(index)} disabled={index !== PRODUCT_STEP && !productChosen}>
            {index + 1}. {label}
          </button>
        </li>
      ))}
    </ol>
  );
}
