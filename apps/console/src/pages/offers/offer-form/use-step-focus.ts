import { useRef, useState } from "react";

/**
 * The step on show, and `go` to show another. Focus moves to the new step's heading (put
 * `heading` on it), so keyboard and screen-reader users follow along.
 */
export function useStepFocus(opening: number) {
  const [step, setStep] = useState(opening);
  const heading = useRef<HTMLHeadingElement>(null);
  const go = (next: number) => {
    setStep(next);
    requestAnimationFrame(() => heading.current?.focus());
  };
  return { step, go, heading };
}
