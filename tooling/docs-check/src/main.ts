import { formatFailure } from "./check";
import { checkRepo } from "./repo";

const started = performance.now();
const result = checkRepo("cli");
for (const failure of result.failures) console.error(formatFailure(failure));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${result.checked} README blocks checked, ${result.fragments} fragments passed over, ${result.failures.length} errors, in ${seconds} s`);
process.exitCode = result.failures.length === 0 ? 0 : 1;
